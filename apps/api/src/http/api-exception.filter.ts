import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { type Response } from 'express';
import { type ApiErrorBody } from './api-error';

/** Codes for errors raised outside our own code (body parser, routing). */
const STATUS_CODES: Partial<Record<number, { code: string; message: string }>> = {
  [HttpStatus.PAYLOAD_TOO_LARGE]: {
    code: 'PAYLOAD_TOO_LARGE',
    message: '请求体过大 / request body exceeds the server limit',
  },
  [HttpStatus.NOT_FOUND]: { code: 'NOT_FOUND', message: '资源不存在 / not found' },
  [HttpStatus.BAD_REQUEST]: { code: 'BAD_REQUEST', message: '请求格式错误 / malformed request' },
};

/** Every error leaves as an ApiErrorBody; anything unexpected is a 500 and is logged as a bug. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    // A route may have set its own content type (CSV) before failing: an error is always JSON.
    response.status(body.statusCode).type('application/json').json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    const status = exceptionStatus(exception);
    if (exception instanceof HttpException) {
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload !== null && 'code' in payload)
        return payload as ApiErrorBody;
    }
    if (status !== undefined && status < 500) {
      const known = STATUS_CODES[status] ?? {
        code: 'HTTP_' + status,
        message: String((exception as Error).message),
      };
      return { statusCode: status, ...known };
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误 / internal server error' };
  }
}

/** HttpException status, or the `status` that body-parser puts on its errors (413, 400). */
function exceptionStatus(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

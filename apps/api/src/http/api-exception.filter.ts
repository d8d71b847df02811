import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { type Response } from 'express';
import { type ErrorCode } from '../../../../libs/domain/src/errors';
import { type ApiErrorBody, errorBodyOf } from './api-error';

/**
 * Codes for errors raised outside our own code (body parser, routing), by status; any other 4xx from
 * the framework is a malformed request: the registry, not the status, names every code.
 */
const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.BAD_REQUEST]: 'BAD_REQUEST',
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
    if (status !== undefined && status < 500) return errorBodyOf(STATUS_CODES[status] ?? 'BAD_REQUEST');
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return errorBodyOf('INTERNAL_ERROR');
  }
}

/** HttpException status, or the `status` that body-parser puts on its errors (413, 400). */
function exceptionStatus(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

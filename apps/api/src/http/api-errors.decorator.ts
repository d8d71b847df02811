import { METHOD_METADATA } from '@nestjs/common/constants';
import { ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { type ApiErrorBody, FIELD_REFUSALS, type FieldError } from './api-error';
import {
  defaultMessageOf,
  ERROR_CODES,
  type ErrorCode,
  httpStatusOf,
} from '../../../../libs/domain/src/error-codes';

/** The codes documented so far on one handler; kept so class- and method-level lists add up. */
const DOCUMENTED_CODES = Symbol('documentedErrorCodes');
/** Where @nestjs/swagger keeps a handler's responses (DECORATORS.API_RESPONSE, not exported). */
const API_RESPONSE_METADATA = 'swagger/apiResponse';

type Handler = ((...args: never[]) => unknown) & { [DOCUMENTED_CODES]?: Set<ErrorCode> };

/** One field at fault in an error body; `code` names the check it failed (not an ERROR_CODES code). */
export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'receivedAt' }) field!: string;
  @ApiProperty({ example: 'isDateString' }) code!: string;
  @ApiProperty() message!: string;
}

/** The one error body every 4xx carries (ApiErrorBody): a stable code, a message, the fields at fault. */
export class ApiErrorBodyDto implements ApiErrorBody {
  @ApiProperty({ description: 'HTTP 状态 / the HTTP status' }) statusCode!: number;
  @ApiProperty({ type: String, description: '稳定的错误代码（ERROR_CODES）/ the stable code' })
  code!: ErrorCode;
  @ApiProperty({ description: '中文 / English' }) message!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: '出错的字段 / the fields at fault' })
  fields?: FieldErrorDto[];
}

/** The error body of one status, its `code` limited to the codes the operation answers with it. */
function errorBodySchema(status: number, codes: readonly ErrorCode[]) {
  return {
    allOf: [
      { $ref: getSchemaPath(ApiErrorBodyDto) },
      {
        type: 'object' as const,
        properties: {
          statusCode: { type: 'integer' as const, enum: [status] },
          code: { type: 'string' as const, enum: [...codes] },
        },
      },
    ],
  };
}

function describe(codes: readonly ErrorCode[]): string {
  return codes.map((code) => `${code}: ${defaultMessageOf(code)}`).join('\n\n');
}

function documentOn(handler: Handler, codes: readonly ErrorCode[]): void {
  const all = (handler[DOCUMENTED_CODES] ??= new Set());
  for (const code of codes) all.add(code);
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    if (!all.has(code)) continue;
    const status = httpStatusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const descriptor = { value: handler };
  for (const [status, listed] of byStatus) {
    const response = {
      status,
      description: describe(listed),
      // Always JSON, whatever the route produces when it succeeds (CSV, PDF, a stream).
      content: { 'application/json': { schema: errorBodySchema(status, listed) } },
      'x-error-codes': listed,
    };
    // Replaces the status's schema with every code known so far; the merged description is set again.
    ApiResponse(response)({}, '', descriptor);
    const entries = Reflect.getMetadata(API_RESPONSE_METADATA, handler) as Record<
      string,
      { description: string }
    >;
    entries[status]!.description = response.description;
  }
}

/**
 * The error codes an operation answers, from the registry (a code not in ERROR_CODES fails typecheck):
 * each status gets a response whose body's `code` is one of its codes, listed in the description and in
 * `x-error-codes`. On a controller it applies to every route; lists on a class and its methods add up.
 */
export function ApiErrors(...codes: ErrorCode[]): ClassDecorator & MethodDecorator {
  const decorator = (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      documentOn(descriptor.value as Handler, codes);
      return descriptor;
    }
    const prototype = (target as { prototype: Record<string, unknown> }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (
        name !== 'constructor' &&
        typeof handler === 'function' &&
        Reflect.hasMetadata(METHOD_METADATA, handler)
      ) {
        documentOn(handler as Handler, codes);
      }
    }
    return undefined;
  };
  return decorator as ClassDecorator & MethodDecorator;
}

/** What any route taking a JSON body may answer before its own checks: malformed, invalid, too large. */
export const JSON_BODY_REFUSALS = ['BAD_REQUEST', ...FIELD_REFUSALS, 'PAYLOAD_TOO_LARGE'] as const;

import { HttpException } from '@nestjs/common';
import {
  defaultMessageOf,
  type DomainError,
  type ErrorCode,
  httpStatusOf,
} from '../../../../libs/domain/src/errors';

export interface FieldError {
  field: string;
  /** A registered code, or the name of the check the field failed (`isDefined`, `password.tooShort`). */
  code: string;
  message: string;
}

/** The one error body every 4xx carries: a stable code, a message a clerk understands, the fields at fault. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
}

/** The body of a code: its status from the registry (ERROR_CODES), its default message unless given one. */
export function errorBodyOf(
  code: ErrorCode,
  message = defaultMessageOf(code),
  fields?: FieldError[],
): ApiErrorBody {
  return { statusCode: httpStatusOf(code), code, message, ...(fields ? { fields } : {}) };
}

/** An error a client reads; the code (listed in ERROR_CODES) fixes the HTTP status. */
export class ApiError extends HttpException {
  constructor(code: ErrorCode, message = defaultMessageOf(code), fields?: FieldError[]) {
    super(errorBodyOf(code, message, fields), httpStatusOf(code));
  }

  /** A DomainError as the API's error; `field` (the request's name for the input at fault) adds a field error. */
  static fromDomain(error: DomainError, field?: string): ApiError {
    return new ApiError(
      error.code,
      error.message,
      field ? [{ field, code: error.code, message: error.message }] : undefined,
    );
  }
}

/** The refusal of a code with its default message; `field` names the request field at fault, when there is one. */
export function refusal(code: ErrorCode, field?: string): ApiError {
  const message = defaultMessageOf(code);
  return new ApiError(code, message, field ? [{ field, code, message }] : undefined);
}

/** What a request refused field by field answers (the ValidationPipe, the control-characters check), for @ApiErrors. */
export const FIELD_REFUSALS = ['VALIDATION_FAILED'] as const satisfies readonly ErrorCode[];

/** The one body of a request refused field by field: 400 VALIDATION_FAILED with one entry per field. */
export function validationFailedBody(fields: FieldError[]): ApiErrorBody {
  return errorBodyOf('VALIDATION_FAILED', undefined, fields);
}

/** A request refused field by field (400 VALIDATION_FAILED). */
export function validationFailed(fields: FieldError[]): ApiError {
  return new ApiError('VALIDATION_FAILED', undefined, fields);
}

import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** The one error body every 4xx carries: a stable code, a message a clerk understands, the fields at fault. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields?: FieldError[];
}

export class ApiError extends HttpException {
  constructor(status: HttpStatus, code: string, message: string, fields?: FieldError[]) {
    super(
      { statusCode: status, code, message, ...(fields ? { fields } : {}) } satisfies ApiErrorBody,
      status,
    );
  }
}

/** A table of stable refusal codes, each with its status and a bilingual message. */
export type RefusalTable = Record<string, readonly [HttpStatus, string]>;

/** The refusal for a code of the table; `field` names the request field at fault, when there is one. */
export function refusalOf<T extends RefusalTable>(table: T) {
  return (code: keyof T & string, field?: string): ApiError => {
    const [status, message] = table[code]!;
    return new ApiError(status, code, message, field ? [{ field, code, message }] : undefined);
  };
}

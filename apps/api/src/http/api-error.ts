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

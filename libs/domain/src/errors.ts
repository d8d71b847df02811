import { errorKindOf, type ErrorCode, type ErrorKind } from './error-codes';

export * from './error-codes';

/** What kind of mistake an error reports (see ErrorKind); the code fixes it, in ERROR_CODES. */
export type DomainErrorKind = ErrorKind;

export interface DomainErrorOptions {
  field?: string;
  details?: Record<string, unknown>;
}

/**
 * The one error type of the domain layer. `code` is stable (callers and API clients switch on it)
 * and listed in ERROR_CODES, which also fixes `kind`;
 * `message` is for people, Chinese first with English beside; `field` names the offending input
 * (a path such as `clocks.handling.days` or `holidays[3]`) when there is one.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly kind: DomainErrorKind;
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.code = code;
    this.kind = errorKindOf(code);
    if (options.field !== undefined) this.field = options.field;
    if (options.details !== undefined) this.details = options.details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

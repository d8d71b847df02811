/**
 * What kind of mistake an error reports; the API maps each kind to one HTTP status.
 * - `invalid`: the input itself is malformed or incomplete (400);
 * - `forbidden`: the actor's role or unit may not do this (403);
 * - `conflict`: the action does not fit the case's current state (409);
 * - `rule`: well-formed input that breaks a business rule (422).
 */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'conflict' | 'rule';

export const DOMAIN_ERROR_HTTP_STATUS: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 400,
  forbidden: 403,
  conflict: 409,
  rule: 422,
};

export interface DomainErrorOptions {
  /** Defaults to `invalid`. */
  kind?: DomainErrorKind;
  field?: string;
  details?: Record<string, unknown>;
}

/**
 * The one error type of the domain layer. `code` is stable (callers and API clients switch on it);
 * `message` is for people, Chinese first with English beside; `field` names the offending input
 * (a path such as `clocks.handling.days` or `holidays[3]`) when there is one.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly kind: DomainErrorKind;
  readonly code: string;
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.code = code;
    this.kind = options.kind ?? 'invalid';
    if (options.field !== undefined) this.field = options.field;
    if (options.details !== undefined) this.details = options.details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

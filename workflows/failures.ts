import { ApplicationFailure } from '@temporalio/workflow';
import { isDomainError } from '../libs/domain/src';

/** A DomainError as an Update failure the client can read: type = the stable code. */
export function toFailure(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  return ApplicationFailure.create({
    type: error.code,
    message: error.message,
    nonRetryable: true,
    details: [{ code: error.code, kind: error.kind, field: error.field ?? null }],
  });
}

/** Runs a domain rule; a DomainError it throws leaves as an Update failure with the same code. */
export function rethrowAsFailure<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw toFailure(error);
  }
}

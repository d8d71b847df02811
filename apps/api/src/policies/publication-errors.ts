import { type DomainError, isDomainError } from '../../../../libs/domain/src/errors';
import { type FieldProblem } from '../../../../libs/domain/src/clock/validation-error';
import { PublicationError } from '../../../../libs/persistence/src';
import { ApiError, refusal } from '../http/api-error';

/** The refusal of a publication: VERSION_PUBLISHED_WITH_OTHER_CONTENT or BUILT_IN_VERSION (ERROR_CODES). */
export const publicationError = refusal;

/**
 * A document the domain refused, with its code's status (422 for INVALID_POLICY, INVALID_CALENDAR)
 * and one field error per problem under `prefix`
 * (e.g. `policy.clocks.handling.days`); a stored version with other content as 409.
 */
export function asPublicationRefusal(error: unknown, prefix: 'policy' | 'calendar'): unknown {
  if (error instanceof PublicationError)
    return publicationError('VERSION_PUBLISHED_WITH_OTHER_CONTENT', `${prefix}.version`);
  if (!isDomainError(error)) return error;
  const problems = (error.details?.problems as FieldProblem[] | undefined) ?? [
    { field: error.field ?? '', message: error.message },
  ];
  return new ApiError(
    error.code,
    error.message,
    problems.map((problem) => ({
      field: problem.field ? `${prefix}.${problem.field}`.replace('.[', '[') : prefix,
      code: (error as DomainError).code,
      message: problem.message,
    })),
  );
}

import { HttpStatus } from '@nestjs/common';
import { type DomainError, isDomainError } from '../../../../libs/domain/src/errors';
import { type FieldProblem } from '../../../../libs/domain/src/clock/validation-error';
import { PublicationError } from '../../../../libs/persistence/src';
import { ApiError, refusalOf, type RefusalTable } from '../http/api-error';

export const PUBLICATION_ERRORS = {
  VERSION_PUBLISHED_WITH_OTHER_CONTENT: [
    HttpStatus.CONFLICT,
    '该版本号已以不同内容发布，请使用新版本号 / that version was published with other content; give it a new version',
  ],
  BUILT_IN_VERSION: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '该版本号属于内置策略，请使用新版本号 / that version is the built-in policy; give it a new version',
  ],
} as const satisfies RefusalTable;

export const publicationError = refusalOf(PUBLICATION_ERRORS);

/**
 * A document the domain refused, as 422 with one field error per problem under `prefix`
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
    HttpStatus.UNPROCESSABLE_ENTITY,
    error.code,
    error.message,
    problems.map((problem) => ({
      field: problem.field ? `${prefix}.${problem.field}`.replace('.[', '[') : prefix,
      code: (error as DomainError).code,
      message: problem.message,
    })),
  );
}

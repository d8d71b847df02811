import { HttpStatus } from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApiError } from '../http/api-error';

/** How a workflow's typed rejection maps to HTTP: a state conflict 409, a broken rule 422, a role 403. */
const STATUS_BY_KIND: Record<string, HttpStatus> = {
  invalid: HttpStatus.BAD_REQUEST,
  forbidden: HttpStatus.FORBIDDEN,
  conflict: HttpStatus.CONFLICT,
  rule: HttpStatus.UNPROCESSABLE_ENTITY,
};

interface RejectionDetails {
  code?: string;
  kind?: string;
  field?: string | null;
}

/** The workflow's rejection of an Update as the API's error; anything else is rethrown (a 5xx is a bug). */
export function updateRejectionToApiError(error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError) {
    // The case's workflow has ended (not accepted, withdrawn, or long closed): nothing more can be done to it.
    return new ApiError(
      HttpStatus.CONFLICT,
      'CASE_STATE_CONFLICT',
      '案件已结束，不能再办理 / the case has ended; no further action is possible',
    );
  }
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure))
    return error;
  const failure = error.cause;
  const details = (failure.details?.[0] ?? {}) as RejectionDetails;
  const status = STATUS_BY_KIND[details.kind ?? 'invalid'] ?? HttpStatus.BAD_REQUEST;
  const code = failure.type ?? details.code ?? 'ACTION_REJECTED';
  const fields = details.field ? [{ field: details.field, code, message: failure.message }] : undefined;
  return new ApiError(status, code, failure.message, fields);
}

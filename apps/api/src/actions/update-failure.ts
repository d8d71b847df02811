import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { isErrorCode } from '../../../../libs/domain/src/errors';
import { ApiError } from '../http/api-error';

interface RejectionDetails {
  code?: string;
  kind?: string;
  field?: string | null;
}

/**
 * The workflow's rejection of an Update as the API's error, its status the code's (ERROR_CODES);
 * anything else is rethrown (a 5xx is a bug).
 */
export function updateRejectionToApiError(error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError) {
    // The case's workflow has ended (not accepted, withdrawn, or long closed): nothing more can be done to it.
    return new ApiError(
      'CASE_STATE_CONFLICT',
      '案件已结束，不能再办理 / the case has ended; no further action is possible',
    );
  }
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure))
    return error;
  const failure = error.cause;
  const details = (failure.details?.[0] ?? {}) as RejectionDetails;
  // The code is a DomainError's (ERROR_CODES), which fixes the status; anything else is ACTION_REJECTED.
  const raised = failure.type ?? details.code;
  const code = isErrorCode(raised) ? raised : 'ACTION_REJECTED';
  const fields = details.field ? [{ field: details.field, code, message: failure.message }] : undefined;
  return new ApiError(code, failure.message, fields);
}

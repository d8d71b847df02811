import { HttpStatus } from '@nestjs/common';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApiError } from '../http/api-error';
import { updateRejectionToApiError } from './update-failure';

function rejection(type: string, kind: string, field: string | null = null): WorkflowUpdateFailedError {
  const cause = ApplicationFailure.create({
    type,
    message: '中文 / english',
    nonRetryable: true,
    details: [{ code: type, kind, field }],
  });
  return new WorkflowUpdateFailedError('Workflow Update failed', cause);
}

describe('workflow rejections as HTTP errors', () => {
  it.each([
    ['CASE_STATE_CONFLICT', 'conflict', HttpStatus.CONFLICT],
    ['SIX_DEFINES_INCOMPLETE', 'rule', HttpStatus.UNPROCESSABLE_ENTITY],
    ['ROLE_NOT_ALLOWED', 'forbidden', HttpStatus.FORBIDDEN],
    ['FIELD_REQUIRED', 'invalid', HttpStatus.BAD_REQUEST],
  ])('%s (%s) → %d with the code', (type, kind, status) => {
    const error = updateRejectionToApiError(rejection(type, kind)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.getStatus()).toBe(status);
    expect(error.getResponse()).toMatchObject({ statusCode: status, code: type, message: '中文 / english' });
  });

  it('names the field when the workflow named one', () => {
    const error = updateRejectionToApiError(rejection('FIELD_REQUIRED', 'invalid', 'reason')) as ApiError;
    expect(error.getResponse()).toMatchObject({ fields: [{ field: 'reason', code: 'FIELD_REQUIRED' }] });
  });

  it('leaves other errors alone (they are bugs, 5xx)', () => {
    const other = new Error('boom');
    expect(updateRejectionToApiError(other)).toBe(other);
  });
});

import { CASE_ERROR_CODES } from '../../../../libs/domain/src/case/case-errors';
import { type ErrorCode } from '../../../../libs/domain/src/error-codes';
import { JSON_BODY_REFUSALS } from '../http/api-errors.decorator';

/**
 * What a staff action may be refused with: the case state machine's codes (the workflow's rejection of
 * the Update keeps its code), the clocks' and the API's own checks before it reaches the case.
 */
export const CASE_ACTION_REFUSALS: readonly ErrorCode[] = [
  ...JSON_BODY_REFUSALS,
  ...CASE_ERROR_CODES,
  'INVALID_DATE',
  'INVALID_INSTANT',
  'INVALID_DURATION',
  'INVALID_PAUSE',
  'INVALID_DEADLINE_INPUT',
  'CASE_NOT_FOUND',
  'UNIT_NOT_FOUND',
  'ACTION_REJECTED',
  'EVIDENCE_NOT_ATTACHED',
  'PERSON_NOT_FOUND',
  'PERSON_OUT_OF_SCOPE',
];

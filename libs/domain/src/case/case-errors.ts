import { DomainError, type DomainErrorKind, ERROR_CODES, type ErrorCode } from '../errors';

/** The codes the case state machine raises; their kinds and default messages are in ERROR_CODES. */
export const CASE_ERROR_CODES = [
  'CASE_STATE_CONFLICT',
  'CLOCK_ALREADY_PAUSED',
  'CLOCK_NOT_PAUSED',
  'EXTENSION_ALREADY_REQUESTED',
  'NO_EXTENSION_PENDING',
  'DOCUMENT_NOT_ISSUED',
  'ALREADY_DELIVERED',
  'SATISFACTION_ALREADY_RECORDED',
  'NO_OBJECTION_PENDING',
  'COMPLETION_ALREADY_REPORTED',
  'NO_RECUSAL_PENDING',
  'ALREADY_RECUSED',
  'ROLE_NOT_ALLOWED',
  'NOT_HOLDING_UNIT',
  'NOT_ON_CASE',
  'NOT_RESPONSIBLE_UNIT_LEADER',
  'NOT_DECIDING_BODY',
  'RECUSED_PERSON',
  'NOT_RECUSAL_DECIDER',
  'SIX_DEFINES_INCOMPLETE',
  'DEADLINE_BEYOND_LIMIT',
  'HANDLER_NOT_IN_UNIT',
  'PACKAGE_LEADER_NOT_LEADER',
  'RESPONSIBLE_UNIT_OUT_OF_SCOPE',
  'ACCUSED_UNIT_EXCLUDED',
  'ACCUSED_PERSON_EXCLUDED',
  'TRANSFER_TO_SELF',
  'ASSIGN_TARGET_NOT_SUBORDINATE',
  'OBJECTION_WINDOW_CLOSED',
  'NOT_ASSIGNED_DOWN',
  'PACKAGE_LEADER_PRESET',
  'RECEPTION_LEADER_NOT_LEADER',
  'RECEPTION_CHANNEL_MISMATCH',
  'EXTENSION_ALREADY_USED',
  'EXTENSION_TOO_LONG',
  'EXTENSION_AFTER_DEADLINE',
  'PAUSE_REASON_NOT_LISTED',
  'CLOCK_ALREADY_RAN_OUT',
  'INVESTIGATION_NOT_RECORDED',
  'DUTY_NEEDS_REPLY',
  'REPLY_NOT_DELIVERED',
  'DELIVERY_IN_FUTURE',
  'REVIEW_OPINION_NOT_DELIVERED',
  'REVIEW_WINDOW_CLOSED',
  'RE_REVIEW_WINDOW_CLOSED',
  'REQUEST_WINDOW_STILL_OPEN',
  'TOO_MANY_REPRESENTATIVES',
  'RECEIVED_AFTER_REGISTRATION',
  'RECUSED_PERSON_NAMED',
  'RECEIVED_IN_FUTURE',
  'RECEIVED_BEFORE_DELIVERY',
  'OUTCOME_RETIRED',
  'ACTION_UNKNOWN',
  'FIELD_REQUIRED',
  'FIELD_INVALID',
  'FACT_MISSING',
  'REASSIGN_NO_CHANGE',
  'UNIT_UNKNOWN',
  'NO_BODY_ABOVE',
  'PRINCIPAL_INVALID',
] as const satisfies readonly ErrorCode[];

export type CaseErrorCode = (typeof CASE_ERROR_CODES)[number];

/** Each case code's kind, read from ERROR_CODES (not a second declaration). */
export const CASE_ERROR_KINDS = Object.fromEntries(
  CASE_ERROR_CODES.map((code) => [code, ERROR_CODES[code][0]]),
) as Readonly<Record<CaseErrorCode, DomainErrorKind>>;

export interface CaseErrorText {
  readonly zh: string;
  readonly en: string;
  readonly field?: string;
  readonly details?: Record<string, unknown>;
}

/** A DomainError of the code (its kind from ERROR_CODES); the message is `中文 / English`. */
export function caseError(code: CaseErrorCode, text: CaseErrorText): DomainError {
  return new DomainError(code, `${text.zh} / ${text.en}`, {
    ...(text.field !== undefined ? { field: text.field } : {}),
    ...(text.details !== undefined ? { details: text.details } : {}),
  });
}

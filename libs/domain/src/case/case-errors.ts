import { DomainError, DomainErrorKind } from '../errors';

/** Every error code the case state machine raises, with its kind (which fixes the HTTP status). */
export const CASE_ERROR_KINDS = {
  // conflict (409): the action does not fit the case's current state
  CASE_STATE_CONFLICT: 'conflict',
  CLOCK_ALREADY_PAUSED: 'conflict',
  CLOCK_NOT_PAUSED: 'conflict',
  EXTENSION_ALREADY_REQUESTED: 'conflict',
  NO_EXTENSION_PENDING: 'conflict',
  DOCUMENT_NOT_ISSUED: 'conflict',
  ALREADY_DELIVERED: 'conflict',
  SATISFACTION_ALREADY_RECORDED: 'conflict',
  NO_OBJECTION_PENDING: 'conflict',
  COMPLETION_ALREADY_REPORTED: 'conflict',
  NO_RECUSAL_PENDING: 'conflict',
  ALREADY_RECUSED: 'conflict',
  // forbidden (403): the actor's role or unit may not do this
  ROLE_NOT_ALLOWED: 'forbidden',
  NOT_HOLDING_UNIT: 'forbidden',
  NOT_ON_CASE: 'forbidden',
  NOT_RESPONSIBLE_UNIT_LEADER: 'forbidden',
  NOT_DECIDING_BODY: 'forbidden',
  RECUSED_PERSON: 'forbidden',
  NOT_RECUSAL_DECIDER: 'forbidden',
  // rule (422): well-formed input that breaks a business rule
  SIX_DEFINES_INCOMPLETE: 'rule',
  DEADLINE_BEYOND_LIMIT: 'rule',
  HANDLER_NOT_IN_UNIT: 'rule',
  PACKAGE_LEADER_NOT_LEADER: 'rule',
  RESPONSIBLE_UNIT_OUT_OF_SCOPE: 'rule',
  ACCUSED_UNIT_EXCLUDED: 'rule',
  ACCUSED_PERSON_EXCLUDED: 'rule',
  TRANSFER_TO_SELF: 'rule',
  ASSIGN_TARGET_NOT_SUBORDINATE: 'rule',
  OBJECTION_WINDOW_CLOSED: 'rule',
  NOT_ASSIGNED_DOWN: 'rule',
  PACKAGE_LEADER_PRESET: 'rule',
  RECEPTION_LEADER_NOT_LEADER: 'rule',
  RECEPTION_CHANNEL_MISMATCH: 'rule',
  EXTENSION_ALREADY_USED: 'rule',
  EXTENSION_TOO_LONG: 'rule',
  EXTENSION_AFTER_DEADLINE: 'rule',
  PAUSE_REASON_NOT_LISTED: 'rule',
  CLOCK_ALREADY_RAN_OUT: 'rule',
  INVESTIGATION_NOT_RECORDED: 'rule',
  DUTY_NEEDS_REPLY: 'rule',
  REPLY_NOT_DELIVERED: 'rule',
  DELIVERY_IN_FUTURE: 'rule',
  REVIEW_OPINION_NOT_DELIVERED: 'rule',
  REVIEW_WINDOW_CLOSED: 'rule',
  RE_REVIEW_WINDOW_CLOSED: 'rule',
  REQUEST_WINDOW_STILL_OPEN: 'rule',
  TOO_MANY_REPRESENTATIVES: 'rule',
  RECEIVED_AFTER_REGISTRATION: 'rule',
  RECUSED_PERSON_NAMED: 'rule',
  RECEIVED_IN_FUTURE: 'rule',
  RECEIVED_BEFORE_DELIVERY: 'rule',
  OUTCOME_RETIRED: 'rule',
  // invalid (400): malformed or incomplete input
  ACTION_UNKNOWN: 'invalid',
  FIELD_REQUIRED: 'invalid',
  FIELD_INVALID: 'invalid',
  FACT_MISSING: 'invalid',
  REASSIGN_NO_CHANGE: 'invalid',
} as const satisfies Record<string, DomainErrorKind>;

export type CaseErrorCode = keyof typeof CASE_ERROR_KINDS;

/**
 * Codes raised from the org module while deciding a case action (unknown unit, no body above the top,
 * malformed principal); listed so the API can map every code a case action can return.
 */
export const ORG_ERROR_KINDS_SEEN_BY_CASES = {
  UNIT_UNKNOWN: 'invalid',
  NO_BODY_ABOVE: 'rule',
  PRINCIPAL_INVALID: 'invalid',
} as const satisfies Record<string, DomainErrorKind>;

export interface CaseErrorText {
  readonly zh: string;
  readonly en: string;
  readonly field?: string;
  readonly details?: Record<string, unknown>;
}

/** A DomainError of the code's kind; the message is `中文 / English`. */
export function caseError(code: CaseErrorCode, text: CaseErrorText): DomainError {
  return new DomainError(code, `${text.zh} / ${text.en}`, {
    kind: CASE_ERROR_KINDS[code],
    ...(text.field !== undefined ? { field: text.field } : {}),
    ...(text.details !== undefined ? { details: text.details } : {}),
  });
}

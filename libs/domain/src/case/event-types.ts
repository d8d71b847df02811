/**
 * 事件类型 / The one list of event types a case records, with what each event's payload carries. The
 * workflow records with these names, persistence (read model, metric facts, notices) reacts to them and
 * the console labels them (event-vocabulary.ts): a type is spelt once, here or in CASE_EVENT_TYPES.
 * Types only: the payloads' JSON is what the workflow has always recorded.
 */
import { CASE_EVENT_TYPES, type CaseEventType } from './case-events';
import { type ActionEventPayloads } from './event-payloads';

/** Events the engine records by itself (clocks, repeat visits, recomputations), beside the actions' own. */
export const SYSTEM_EVENT_TYPES = [
  'deadlineWarning',
  'deadlineEscalated',
  'deadlineRecomputed',
  'feedbackDueWarning',
  'feedbackOverdue',
  'repeatVisitRecorded',
  'repeatVisitEscalated',
  'policyMigrated',
  'receiptBackdated',
  'clockResumed',
] as const;
export type SystemEventType = (typeof SYSTEM_EVENT_TYPES)[number];
/** Every event type a case's timeline can hold: an action's event or one the engine records itself. */
export type RecordedEventType = CaseEventType | SystemEventType;

/** Every event type a case's timeline can hold. */
export const RECORDED_EVENT_TYPES: readonly RecordedEventType[] = [
  ...new Set<RecordedEventType>([...Object.values(CASE_EVENT_TYPES), ...SYSTEM_EVENT_TYPES]),
];

/** Each event type by its own name, for code that reacts to one: `EVENT_TYPES.deadlineEscalated`. */
export const EVENT_TYPES: { readonly [T in RecordedEventType]: T } = Object.fromEntries(
  RECORDED_EVENT_TYPES.map((type) => [type, type]),
) as { readonly [T in RecordedEventType]: T };

/** Whether a stored type is one this engine records (a future or foreign one is not). */
export function isRecordedEventType(type: string): type is RecordedEventType {
  return Object.prototype.hasOwnProperty.call(EVENT_TYPES, type);
}

/** Someone an alarm or repeat visit notifies, as the event lists them. */
export interface EventRecipient {
  userId: string;
  name: string;
  role: string;
  unitCode: string;
}

/** What each event the engine records by itself carries (every one names the case's status). */
export interface SystemEventPayloads {
  /** 临期提醒 (art. 38 supervision of time limits). */
  deadlineWarning: { status: string; clock: string; dueAt: string; recipients: EventRecipient[] };
  /** 超期升级: one level per step up the line of supervision. */
  deadlineEscalated: {
    status: string;
    clock: string;
    dueAt: string;
    level: number;
    recipientRole: string;
    recipients: EventRecipient[];
  };
  /** 时限重算: a policy migration or a published calendar moved the running deadline. */
  deadlineRecomputed: {
    status: string;
    clock: string;
    previousEndsAt: string | null;
    endsAt: string;
    lastDay: string;
  } & DeadlineChangeCause;
  feedbackDueWarning: FeedbackAlarmPayload;
  feedbackOverdue: FeedbackAlarmPayload;
  /** 重复来访: the same matter again while the case is open (art. 30). */
  repeatVisitRecorded: {
    status: string;
    visitId: string;
    visitNumber: number;
    channel: string;
    receivedAt: string;
    similarity: number;
    registeringUnitCode: string;
    skipLevel?: true;
    skipLevelCaseNumber?: string;
  };
  repeatVisitEscalated: {
    status: string;
    visitNumber: number;
    recipientRole: string;
    recipients: EventRecipient[];
  };
  policyMigrated: { status: string; fromVersion: string; toVersion: string; reason: string };
  receiptBackdated: { status: string; receivedAt: string; reason: string | undefined };
}

/** Why a running deadline was recomputed: the policy version or the calendar version now in force. */
export type DeadlineChangeCause =
  { cause: 'policyMigrated'; policyVersion: string } | { cause: 'calendarUpdated'; calendarVersion: string };

/** 交办反馈临期 / 逾期: the feedback a unit owes the unit that assigned it the case. */
export interface FeedbackAlarmPayload {
  status: string;
  dueDate: string;
  dueAt: string;
  fromUnitCode: string;
  toUnitCode: string;
  recipients: EventRecipient[];
}

/** Types only the engine records, never an action (`clockResumed` is both: its payload is an action's). */
export type EngineOnlyEventType = keyof SystemEventPayloads;

/** The payload an event of type T carries: an action's (event-payloads.ts) or the engine's own. */
export type EventPayload<T extends RecordedEventType> = T extends EngineOnlyEventType
  ? SystemEventPayloads[T]
  : T extends keyof ActionEventPayloads
    ? ActionEventPayloads[T]
    : never;

/** Every event as a (type, payload) pair: narrowing on `type` gives the payload its shape. */
export type TypedEvent = {
  [T in RecordedEventType]: { type: T; payload: EventPayload<T> };
}[RecordedEventType];

/**
 * A recorded event read by its type: the payload as the workflow recorded it for that type. The JSON is
 * the workflow's own (never user input), so this is a reading, not a validation; a type this engine does
 * not record reads as undefined.
 */
export function typedEvent(event: { type: string; payload: unknown }): TypedEvent | undefined {
  return isRecordedEventType(event.type)
    ? ({ type: event.type, payload: event.payload } as TypedEvent)
    : undefined;
}

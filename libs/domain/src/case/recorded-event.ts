/**
 * The events a case workflow records, as the recording activity receives them, and what it hands to the
 * notification activity. Pure types and constants: shared by the workflow bundle, the worker, persistence
 * and the API (libs import them from here, never from `workflows/`).
 */
import { type RecordedEventType } from './event-types';

/**
 * An actor as an event stores it (`recordedActorOf` in actor.ts builds it from the one `Actor` type).
 * This is the serialized form on disk and in every committed history: its shape and key order stay.
 */
export interface RecordedActor {
  /** Staff user id, or `system:…` for the engine itself. */
  id: string;
  role: string;
  unitCode: string | null;
}

export const RECORDED_SYSTEM_ACTOR: RecordedActor = { id: 'system:engine', role: 'system', unitCode: null };

/** The petitioner, acting on their own case through the public progress query (never a staff member). */
export const RECORDED_PETITIONER_ACTOR: RecordedActor = {
  id: 'petitioner',
  role: 'petitioner',
  unitCode: null,
};

export interface CaseEventInput {
  caseNumber: string;
  /** Per-case sequence, numbered by the workflow: 1, 2, 3 … with no gap. */
  seq: number;
  /** One of the event types in event-types.ts; its payload is `EventPayload<type>`. */
  type: RecordedEventType;
  actor: RecordedActor;
  /** Workflow time (deterministic), ISO-8601 UTC. */
  occurredAt: string;
  /** JSON on the wire and on disk; `typedEvent(event)` reads it as `EventPayload<type>`. */
  payload: Record<string, unknown>;
  /** The case as it stands after this event, for the read model (not part of the hashed event). */
  view?: CaseView;
}

/** What staff lists filter and sort by, as the workflow sees the case after an event. */
export interface CaseView {
  status: string;
  holdingUnitCode: string;
  responsibleUnitCode: string | null;
  handlerUserId: string | null;
  packageLeaderUserId: string | null;
  sixDefines: Record<string, unknown> | null;
  clock: string | null;
  dueAt: string | null;
  dueLastDay: string | null;
  overdueLevel: number;
  policyVersion: string;
  accusedUnitCodes: string[];
  accusedUserIds: string[];
}

/** The head of a case's hash chain as the workflow keeps it, outside the database. */
export interface ChainHead {
  count: number;
  lastHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export interface NotificationInput {
  caseNumber: string;
  /** The event that caused it: inbox items are idempotent by (case, event, recipient). */
  eventSeq: number;
  /** For `repeatVisit`, `level` is the visit's number among the case's repeat visits. */
  kind: 'warning' | 'escalation' | 'repeatVisit';
  level: number;
  title: string;
  recipients: { userId: string; name: string; role: string; unitCode: string }[];
}

/** One workflow per case; its ID derives from the case number. */
export function caseWorkflowId(caseNumber: string): string {
  return `petition-case-${caseNumber}`;
}

/**
 * A search attribute key: the shape of the SDK's `SearchAttributeKey` (its `defineSearchAttributeKey`
 * returns just `{ name, type }`), so the workflow and libs/temporal share one definition without the SDK here.
 */
export interface CaseSearchAttributeKey<T extends 'KEYWORD' | 'DATETIME' | 'INT'> {
  readonly name: string;
  readonly type: T;
}

/** The search attributes the case workflow keeps current; registered on the namespace at start. */
export const CASE_STATUS: CaseSearchAttributeKey<'KEYWORD'> = { name: 'CaseStatus', type: 'KEYWORD' };
export const RESPONSIBLE_UNIT: CaseSearchAttributeKey<'KEYWORD'> = {
  name: 'ResponsibleUnit',
  type: 'KEYWORD',
};
export const DUE_AT: CaseSearchAttributeKey<'DATETIME'> = { name: 'DueAt', type: 'DATETIME' };
export const OVERDUE_LEVEL: CaseSearchAttributeKey<'INT'> = { name: 'OverdueLevel', type: 'INT' };

/** The signal that carries a published calendar to open cases. */
export const CALENDAR_UPDATED_SIGNAL = 'calendarUpdated';

/**
 * The events a case workflow records, as the recording activity receives them.
 * Pure types and constants: shared by the workflow bundle, the worker and the API.
 */
export interface Actor {
  /** Staff user id, or `system:…` for the engine itself. */
  id: string;
  role: string;
  unitCode: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: 'system:engine', role: 'system', unitCode: null };

/** The petitioner, acting on their own case through the public progress query (never a staff member). */
export const PETITIONER_ACTOR: Actor = { id: 'petitioner', role: 'petitioner', unitCode: null };

export interface CaseEventInput {
  caseNumber: string;
  /** Per-case sequence, numbered by the workflow: 1, 2, 3 … with no gap. */
  seq: number;
  type: string;
  actor: Actor;
  /** Workflow time (deterministic), ISO-8601 UTC. */
  occurredAt: string;
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

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

export interface CaseEventInput {
  caseNumber: string;
  /** Per-case sequence, numbered by the workflow: 1, 2, 3 … with no gap. */
  seq: number;
  type: string;
  actor: Actor;
  /** Workflow time (deterministic), ISO-8601 UTC. */
  occurredAt: string;
  payload: Record<string, unknown>;
}

/** The head of a case's hash chain as the workflow keeps it, outside the database. */
export interface ChainHead {
  count: number;
  lastHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

import { type CaseEventInput } from './case-events';

/** What the case workflow asks of the outside world; implemented in apps/worker. */
export interface CaseActivities {
  /** Appends one event to the case's hash chain and updates the read model, idempotently by (case, seq). */
  recordCaseEvent(event: CaseEventInput): Promise<{ seq: number; hash: string }>;
}

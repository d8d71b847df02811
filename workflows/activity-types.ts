import { type CaseEventInput } from './case-events';

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

/** What the case workflow asks of the outside world; implemented in apps/worker. */
export interface CaseActivities {
  /** Appends one event to the case's hash chain and updates the read model, idempotently by (case, seq). */
  recordCaseEvent(event: CaseEventInput): Promise<{ seq: number; hash: string }>;
  /** Puts the item in each recipient's inbox, idempotently. */
  deliverNotifications(notification: NotificationInput): Promise<{ delivered: number }>;
}

import { type CaseEventInput, type NotificationInput } from '../libs/domain/src/case/recorded-event';

export { type NotificationInput };

/** What the case workflow asks of the outside world; implemented in apps/worker. */
export interface CaseActivities {
  /** Appends one event to the case's hash chain and updates the read model, idempotently by (case, seq). */
  recordCaseEvent(event: CaseEventInput): Promise<{ seq: number; hash: string }>;
  /** Puts the item in each recipient's inbox, idempotently. */
  deliverNotifications(notification: NotificationInput): Promise<{ delivered: number }>;
}

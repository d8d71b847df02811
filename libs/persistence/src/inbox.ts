import { type DataSource } from 'typeorm';
import { type NotificationInput } from '../../../workflows/activity-types';

/** The channel on which PostgreSQL announces new inbox items to every API instance. */
export const INBOX_CHANNEL = 'inbox_items';

/** What an announcement carries: enough to refresh a screen, nothing personal. */
export interface InboxAnnouncement {
  id: string;
  userId: string;
  caseNumber: string;
  kind: string;
  level: number;
}

/**
 * One inbox item per recipient; a retried delivery inserts nothing twice (unique by case, event, recipient).
 * Each new item is announced with NOTIFY in the same transaction, so listeners hear of it once it is committed.
 */
export async function deliverToInboxes(db: DataSource, notification: NotificationInput): Promise<number> {
  let delivered = 0;
  await db.transaction(async (tx) => {
    for (const recipient of notification.recipients) {
      const rows: unknown[] = await tx.query(
        `INSERT INTO inbox_items (recipient_user_id, recipient_name, recipient_role, recipient_unit, case_number, event_seq, kind, level, title)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (case_number, event_seq, recipient_user_id) DO NOTHING RETURNING id`,
        [
          recipient.userId,
          recipient.name,
          recipient.role,
          recipient.unitCode,
          notification.caseNumber,
          notification.eventSeq,
          notification.kind,
          notification.level,
          notification.title,
        ],
      );
      delivered += rows.length;
      for (const row of rows as { id: string }[]) {
        const announcement: InboxAnnouncement = {
          id: String(row.id),
          userId: recipient.userId,
          caseNumber: notification.caseNumber,
          kind: notification.kind,
          level: notification.level,
        };
        await tx.query('SELECT pg_notify($1, $2)', [INBOX_CHANNEL, JSON.stringify(announcement)]);
      }
    }
  });
  return delivered;
}

import { type DataSource } from 'typeorm';
import { type NotificationInput } from '../../../workflows/activity-types';

/** One inbox item per recipient; a retried delivery inserts nothing twice (unique by case, event, recipient). */
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
    }
  });
  return delivered;
}

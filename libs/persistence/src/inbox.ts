import { type DataSource } from 'typeorm';
import { notAccusedSql, unitLineageSql } from './case-visibility';
import { type NotificationInput } from '../../domain/src/case/recorded-event';

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
      // Never to someone the case accuses, whoever the workflow resolved (defence in depth).
      const rows: unknown[] = await tx.query(
        `INSERT INTO inbox_items (recipient_user_id, recipient_name, recipient_role, recipient_unit, case_number, event_seq, kind, level, title)
         SELECT $1::varchar, $2::varchar, $3::varchar, $4::varchar, $5::varchar, $6::int, $7::varchar, $8::int, $9::varchar
         WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.case_number = $5 AND NOT ${notAccusedSql('$1::varchar', unitLineageSql('$4::varchar'))})
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

/** Subscribes a dedicated connection to the inbox channel (its notifications then arrive on the client). */
export async function listenToInboxChannel(client: { query(sql: string): Promise<unknown> }): Promise<void> {
  await client.query(`LISTEN ${INBOX_CHANNEL}`);
}

import { isoOrNull } from './row-values';
import { type DataSource } from 'typeorm';
import { notAccusedSql, unitLineageSql } from './case-visibility';

export interface InboxItem {
  id: string;
  caseNumber: string;
  eventSeq: number;
  kind: string;
  level: number;
  title: string;
  createdAt: string;
  readAt: string | null;
  acknowledgedAt: string | null;
}

/** Defence in depth: an item about an accusation never shows to the accused person or unit's staff. */
const NOT_ACCUSED = `NOT EXISTS (
  SELECT 1 FROM cases c WHERE c.case_number = i.case_number
  AND NOT ${notAccusedSql('$1', unitLineageSql('(SELECT unit_code FROM users WHERE id = $1)'))})`;

export async function inboxOf(db: DataSource, userId: string, limit = 50): Promise<InboxItem[]> {
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT id, case_number, event_seq, kind, level, title, created_at, read_at, acknowledged_at
     FROM inbox_items i WHERE recipient_user_id = $1 AND ${NOT_ACCUSED}
     ORDER BY created_at DESC, id DESC LIMIT $2`,
    [userId, limit],
  );
  return rows.map((row) => ({
    id: String(row.id),
    caseNumber: row.case_number as string,
    eventSeq: row.event_seq as number,
    kind: row.kind as string,
    level: row.level as number,
    title: row.title as string,
    createdAt: (row.created_at as Date).toISOString(),
    readAt: isoOrNull(row.read_at),
    acknowledgedAt: isoOrNull(row.acknowledged_at),
  }));
}

export async function unreadCount(db: DataSource, userId: string): Promise<number> {
  const [row] = await db.query(
    `SELECT count(*)::int AS n FROM inbox_items i
     WHERE recipient_user_id = $1 AND acknowledged_at IS NULL AND ${NOT_ACCUSED}`,
    [userId],
  );
  return row.n;
}

/** Marks one item acknowledged (and read); answers false when it is not this user's item. */
export async function acknowledgeInboxItem(db: DataSource, userId: string, itemId: string): Promise<boolean> {
  const [row] = await db.query(
    `WITH updated AS (
       UPDATE inbox_items SET acknowledged_at = coalesce(acknowledged_at, now()), read_at = coalesce(read_at, now())
       WHERE id = $1 AND recipient_user_id = $2 RETURNING id
     ) SELECT count(*)::int AS n FROM updated`,
    [itemId, userId],
  );
  return row.n > 0;
}

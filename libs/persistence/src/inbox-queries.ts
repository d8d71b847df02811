import { isoOrNull } from './row-values';
import { type DataSource } from 'typeorm';
import { formatLocalDateTime } from '../../domain/src/clock/time-zone';
import { codedValueLabel, inboxItemTitle, unitText } from '../../domain/src/case/event-vocabulary';
import { type CaseStatus, FINAL_STATUSES, isFinalStatus } from '../../domain/src/case/status';
import { notAccusedSql, unitLineageSql } from './case-visibility';
import { directoryNames } from './timeline';

export interface InboxItem {
  id: string;
  caseNumber: string;
  eventSeq: number;
  kind: string;
  level: number;
  /** The title in Chinese with local times, built from the event's fields (the stored one when it has none). */
  title: string;
  /** The text the workflow stored when it delivered the item (older items: English and UTC). */
  storedTitle: string;
  createdAt: string;
  readAt: string | null;
  acknowledgedAt: string | null;
  /** The case's subject and status; an ended case's items are kept but no longer count as unread. */
  subject: string | null;
  caseStatus: string | null;
  caseEnded: boolean;
  eventType: string | null;
  clock: string | null;
  clockLabel: string | null;
  dueAt: string | null;
  /** The due time in office local time ('2026-12-04 23:12'), or the due day for a feedback. */
  dueLocal: string | null;
}

/** One case's items: the highest level first, then the newest. */
export interface InboxCaseGroup {
  caseNumber: string;
  subject: string | null;
  caseEnded: boolean;
  topLevel: number;
  unacknowledged: number;
  latestAt: string;
  items: InboxItem[];
}

/** Defence in depth: an item about an accusation never shows to the accused person or unit's staff. */
const NOT_ACCUSED = `NOT EXISTS (
  SELECT 1 FROM cases c WHERE c.case_number = i.case_number
  AND NOT ${notAccusedSql('$1', unitLineageSql('(SELECT unit_code FROM users WHERE id = $1)'))})`;

/** The case has not ended (items of ended cases are not unread, and acknowledging them is moot). */
const CASE_OPEN = `NOT EXISTS (SELECT 1 FROM cases ended WHERE ended.case_number = i.case_number AND ended.status = ANY($2))`;

export async function inboxOf(
  db: DataSource,
  userId: string,
  limit = 50,
  timeZone = 'Asia/Shanghai',
): Promise<InboxItem[]> {
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT i.id, i.case_number, i.event_seq, i.kind, i.level, i.title, i.created_at, i.read_at, i.acknowledged_at,
            c.subject, c.status AS case_status, e.type AS event_type, e.payload AS payload
     FROM inbox_items i
     LEFT JOIN cases c ON c.case_number = i.case_number
     LEFT JOIN case_events e ON e.case_number = i.case_number AND e.seq = i.event_seq
     WHERE i.recipient_user_id = $1 AND ${NOT_ACCUSED}
     ORDER BY i.created_at DESC, i.id DESC LIMIT $2`,
    [userId, limit],
  );
  const payloads = rows.map((row) => (row.payload ?? {}) as Record<string, unknown>);
  const feedbackUnits = payloads.flatMap((p) => (typeof p.fromUnitCode === 'string' ? [p.fromUnitCode] : []));
  const names = await directoryNames(db, [], feedbackUnits);
  const local = (iso: string) => formatLocalDateTime(Date.parse(iso), timeZone);
  return rows.map((row, index) => {
    const payload = payloads[index];
    const text = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : null);
    const eventType = (row.event_type as string | null) ?? null;
    const clock = eventType?.startsWith('deadline') ? text('clock') : null;
    const dueAt = text('dueAt');
    const dueDate = text('dueDate');
    const fromUnit = text('fromUnitCode');
    const storedTitle = row.title as string;
    const level = row.level as number;
    const caseStatus = (row.case_status as string | null) ?? null;
    return {
      id: String(row.id),
      caseNumber: row.case_number as string,
      eventSeq: row.event_seq as number,
      kind: row.kind as string,
      level,
      title:
        inboxItemTitle(
          {
            eventType,
            kind: row.kind as string,
            level,
            clock,
            dueAt,
            dueDate,
            feedbackUnit: fromUnit ? unitText(fromUnit, names) : null,
            visitNumber: typeof payload.visitNumber === 'number' ? payload.visitNumber : null,
          },
          local,
        ) ?? storedTitle,
      storedTitle,
      createdAt: (row.created_at as Date).toISOString(),
      readAt: isoOrNull(row.read_at),
      acknowledgedAt: isoOrNull(row.acknowledged_at),
      subject: (row.subject as string | null) ?? null,
      caseStatus,
      caseEnded: caseStatus !== null && isFinalStatus(caseStatus as CaseStatus),
      eventType,
      clock,
      clockLabel: clock ? codedValueLabel('clock', clock) : null,
      dueAt,
      dueLocal: eventType?.startsWith('feedback') ? dueDate : dueAt ? local(dueAt) : null,
    };
  });
}

/**
 * One row per case: open cases first, the highest level first, then the most recent; the levels of a
 * case inside its row, highest first. Ended cases come last, marked.
 */
export function groupInboxByCase(items: readonly InboxItem[]): InboxCaseGroup[] {
  const groups = new Map<string, InboxCaseGroup>();
  for (const item of items) {
    const group = groups.get(item.caseNumber) ?? {
      caseNumber: item.caseNumber,
      subject: item.subject,
      caseEnded: item.caseEnded,
      topLevel: 0,
      unacknowledged: 0,
      latestAt: item.createdAt,
      items: [],
    };
    group.items.push(item);
    group.topLevel = Math.max(group.topLevel, item.level);
    if (!item.acknowledgedAt && !item.caseEnded) group.unacknowledged++;
    if (item.createdAt > group.latestAt) group.latestAt = item.createdAt;
    groups.set(item.caseNumber, group);
  }
  for (const group of groups.values()) {
    group.items.sort((a, b) => b.level - a.level || b.createdAt.localeCompare(a.createdAt));
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.caseEnded) - Number(b.caseEnded) ||
      Number(b.unacknowledged > 0) - Number(a.unacknowledged > 0) ||
      b.topLevel - a.topLevel ||
      b.latestAt.localeCompare(a.latestAt),
  );
}

/** Items not yet acknowledged, of cases still open. */
export async function unreadCount(db: DataSource, userId: string): Promise<number> {
  const [row] = await db.query(
    `SELECT count(*)::int AS n FROM inbox_items i
     WHERE recipient_user_id = $1 AND acknowledged_at IS NULL AND ${NOT_ACCUSED} AND ${CASE_OPEN}`,
    [userId, FINAL_STATUSES],
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

/** Acknowledges all of this user's open items, or only those of one case; answers how many it marked. */
export async function acknowledgeAllInboxItems(
  db: DataSource,
  userId: string,
  caseNumber?: string,
): Promise<number> {
  const [row] = await db.query(
    `WITH updated AS (
       UPDATE inbox_items SET acknowledged_at = now(), read_at = coalesce(read_at, now())
       WHERE recipient_user_id = $1 AND acknowledged_at IS NULL AND ($2::varchar IS NULL OR case_number = $2)
       RETURNING id
     ) SELECT count(*)::int AS n FROM updated`,
    [userId, caseNumber ?? null],
  );
  return row.n;
}

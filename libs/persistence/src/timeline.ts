import { stringify } from 'csv-stringify/sync';
import { type DataSource } from 'typeorm';
import { loadCaseEvents } from './chain-verifier';
import { caseNotices, type IssuedNotice } from './notices/notice-records';

export interface TimelineEntry {
  seq: number;
  type: string;
  occurredAt: string;
  actorId: string;
  actorRole: string;
  actorUnit: string | null;
  /** What changed: the status before and after, and the event's own fields. */
  fromStatus: string | null;
  status: string | null;
  details: Record<string, unknown>;
  hash: string;
  /** The written notices this event issued (none for most events). */
  notices: Pick<IssuedNotice, 'id' | 'kind' | 'title' | 'issuedAt'>[];
}

/** A case's events in order with who (actor, role, unit), when, and what changed. */
export async function caseTimeline(db: DataSource, caseNumber: string): Promise<TimelineEntry[]> {
  const [events, notices] = await Promise.all([loadCaseEvents(db, caseNumber), caseNotices(db, caseNumber)]);
  return events.map((event) => {
    const { status, fromStatus, ...details } = event.payload as Record<string, unknown>;
    return {
      seq: event.seq,
      type: event.type,
      occurredAt: event.occurredAt,
      actorId: event.actorId,
      actorRole: event.actorRole,
      actorUnit: event.actorUnit,
      fromStatus: typeof fromStatus === 'string' ? fromStatus : null,
      status: typeof status === 'string' ? status : null,
      details,
      hash: event.hash,
      notices: notices
        .filter((notice) => notice.seq === event.seq)
        .map(({ id, kind, title, issuedAt }) => ({ id, kind, title, issuedAt })),
    };
  });
}

const CSV_COLUMNS = [
  { key: 'seq', header: '序号 seq' },
  { key: 'occurredAt', header: '时间 time' },
  { key: 'type', header: '事件 event' },
  { key: 'actorId', header: '操作人 actor' },
  { key: 'actorRole', header: '角色 role' },
  { key: 'actorUnit', header: '单位 unit' },
  { key: 'fromStatus', header: '原状态 from' },
  { key: 'status', header: '新状态 to' },
  { key: 'details', header: '内容 details' },
  { key: 'hash', header: '哈希 hash' },
];

/** The timeline as CSV (UTF-8 with BOM, so spreadsheet software shows Chinese correctly). */
export function timelineCsv(entries: TimelineEntry[]): string {
  const rows = entries.map(({ notices: _notices, ...entry }) => ({
    ...entry,
    details: JSON.stringify(entry.details),
  }));
  return '\uFEFF' + stringify(rows, { header: true, columns: CSV_COLUMNS });
}

import { stringify } from 'csv-stringify/sync';
import { type DataSource, type EntityManager } from 'typeorm';
import { formatLocalDateTime } from '../../domain/src/clock/time-zone';
import {
  codedValueLabel,
  describeEventDetails,
  type DescribedDetail,
  eventTypeLabel,
  type NameDirectory,
  personText,
  referencedNames,
  roleLabel,
} from '../../domain/src/case/event-vocabulary';
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
  /**
   * The same event as a reader sees it (the one vocabulary of libs/domain; names from the directory).
   * Always filled by caseTimeline; optional only so hand-made entries (tests) need not spell them out.
   */
  typeLabel?: string;
  occurredAtLocal?: string;
  actorName?: string;
  actorRoleLabel?: string;
  /** The actor's unit by name, null for the engine or a unit no longer known. */
  actorUnitName?: string | null;
  fromStatusLabel?: string | null;
  statusLabel?: string | null;
  /** The details as labelled lines: codes by label, people and units by name, times local. */
  detailLines?: DescribedDetail[];
}

/** The names of these people and units, from the users and units tables. */
export async function directoryNames(
  db: DataSource | EntityManager,
  userIds: Iterable<string>,
  unitCodes: Iterable<string>,
): Promise<NameDirectory> {
  const [people, units]: [{ id: string; name: string }[], { code: string; name: string }[]] =
    await Promise.all([
      db.query('SELECT id, name FROM users WHERE id = ANY($1)', [[...userIds]]),
      db.query('SELECT code, name FROM units WHERE code = ANY($1)', [[...unitCodes]]),
    ]);
  const personNames = new Map(people.map((person) => [person.id, person.name]));
  const unitNames = new Map(units.map((unit) => [unit.code, unit.name]));
  return { personName: (id) => personNames.get(id), unitName: (code) => unitNames.get(code) };
}

/** A case's events in order with who (actor, role, unit), when, and what changed. */
export async function caseTimeline(
  db: DataSource,
  caseNumber: string,
  timeZone = 'Asia/Shanghai',
): Promise<Required<TimelineEntry>[]> {
  const [events, notices] = await Promise.all([loadCaseEvents(db, caseNumber), caseNotices(db, caseNumber)]);
  const userIds = new Set<string>();
  const unitCodes = new Set<string>();
  for (const event of events) {
    userIds.add(event.actorId);
    if (event.actorUnit) unitCodes.add(event.actorUnit);
    const found = referencedNames(event.payload);
    found.userIds.forEach((id) => userIds.add(id));
    found.unitCodes.forEach((code) => unitCodes.add(code));
  }
  const names = await directoryNames(db, userIds, unitCodes);
  const local = (iso: string, seconds = false) => formatLocalDateTime(Date.parse(iso), timeZone, { seconds });
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
      typeLabel: eventTypeLabel(event.type),
      occurredAtLocal: local(event.occurredAt, true),
      actorName: personText(event.actorId, names),
      actorRoleLabel: roleLabel(event.actorRole),
      actorUnitName: event.actorUnit ? (names.unitName(event.actorUnit) ?? null) : null,
      fromStatusLabel: typeof fromStatus === 'string' ? codedValueLabel('status', fromStatus) : null,
      statusLabel: typeof status === 'string' ? codedValueLabel('status', status) : null,
      detailLines: describeEventDetails(details, names, (iso) => local(iso)),
    };
  });
}

const CSV_COLUMNS = [
  { key: 'seq', header: '序号 seq' },
  { key: 'time', header: '时间 time' },
  { key: 'event', header: '事件 event' },
  { key: 'actor', header: '操作人 actor' },
  { key: 'role', header: '角色 role' },
  { key: 'unit', header: '单位 unit' },
  { key: 'fromStatus', header: '原状态 from' },
  { key: 'status', header: '新状态 to' },
  { key: 'details', header: '内容 details' },
  { key: 'hash', header: '哈希 hash' },
];

/**
 * The timeline as CSV (UTF-8 with BOM, so spreadsheet software shows Chinese correctly), as an auditor
 * reads it: local times, events and codes by their Chinese labels, people and units by name, details
 * as "label：value" lines rather than JSON.
 */
export function timelineCsv(entries: Required<TimelineEntry>[]): string {
  const rows = entries.map((entry) => ({
    seq: entry.seq,
    time: entry.occurredAtLocal,
    event: entry.typeLabel,
    actor: entry.actorName,
    role: entry.actorRoleLabel,
    unit: entry.actorUnit
      ? entry.actorUnitName
        ? `${entry.actorUnitName}（${entry.actorUnit}）`
        : entry.actorUnit
      : '',
    fromStatus: entry.fromStatusLabel ?? '',
    status: entry.statusLabel ?? '',
    details: entry.detailLines.map((line) => `${line.label}：${line.text}`).join('；'),
    hash: entry.hash,
  }));
  return '\uFEFF' + stringify(rows, { header: true, columns: CSV_COLUMNS });
}

import { isoOrNull } from './row-values';
import { type DataSource } from 'typeorm';
import { type CaseViewer, caseVisibleTo, viewerUnits } from './case-visibility';
import { maskPersonName } from '../../domain/src/intake/masking';

/** Filters staff combine on the case list, always within what the viewer may see. */
export interface CaseListFilter {
  viewer: CaseViewer;
  statuses?: string[];
  /** Cases whose responsible (or, before acceptance, holding) unit is this unit or below it. */
  unitSubtree?: string;
  category?: string;
  channel?: string;
  dueFrom?: Date;
  dueTo?: Date;
  minOverdueLevel?: number;
  receivedFrom?: Date;
  receivedTo?: Date;
  /** Free text over subject and content; Chinese words of two characters or more. */
  text?: string;
  /** Blind indexes of the petitioner's ID number or phone (never the plain number). */
  petitionerIdNumberBidx?: string;
  petitionerPhoneBidx?: string;
  /** Blind index of the petitioner's normalised name (never the plain name). */
  petitionerNameBidx?: string;
  /** Held (for now) by this unit itself. */
  holdingUnit?: string;
  /** The case names this person as its handler or its package leader. */
  namedUserId?: string;
  /** The case names this person as its package leader. */
  packageLeaderUserId?: string;
  /** The case number, exactly or as its beginning (upper case). */
  caseNumber?: string;
  /**
   * Due by the end of the office day `days` after today (0: today), in `timeZone`; counted from the
   * start of today when `fromStartOfToday` (due today, overdue or not), else from now (not yet overdue).
   */
  dueWindow?: { timeZone: string; days: number; fromStartOfToday: boolean };
}

/**
 * Position after the last row of a page: its urgency key (overdue level DESC, due time ASC with cases
 * without a clock last, case number ASC), unique because the case number is.
 */
export interface CaseListCursor {
  overdueLevel: number;
  dueAt: string | null;
  caseNumber: string;
}

export interface CaseListRow {
  caseNumber: string;
  status: string;
  category: string;
  channel: string;
  subject: string;
  unitCode: string;
  holdingUnitCode: string | null;
  responsibleUnitCode: string | null;
  clock: string | null;
  dueAt: string | null;
  overdueLevel: number;
  receivedAt: string;
  registeredAt: string;
  /** The petitioner's name, masked (张**); null for an accusation, whose accuser the queue never shows. */
  petitionerMasked: string | null;
}

export interface CaseListPage {
  items: CaseListRow[];
  nextCursor: CaseListCursor | null;
  /** Every case matching the filters that the viewer may see, on all pages. */
  total: number;
}

/**
 * Most urgent first, across all pages: overdue level DESC, then due time ASC (cases without a running
 * clock last), then case number — a unique key, paged by keyset (index `cases_urgency`).
 * Stability rule: every case that existed when the listing began, and whose urgency did not change
 * meanwhile, appears exactly once across the pages, whatever arrives meanwhile; a case that arrives
 * meanwhile appears at most once. A case whose urgency changes while one pages (its clock moves on, it
 * escalates) is placed where it stands when each page is read.
 */
export async function listCases(
  db: DataSource,
  filter: CaseListFilter,
  limit: number,
  after?: CaseListCursor,
): Promise<CaseListPage> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const units = await viewerUnits(db.manager, filter.viewer.unitCode);
  where.push(
    caseVisibleTo(param(filter.viewer.userId), {
      subtreeParam: param(units.subtree),
      lineageParam: param(units.lineage),
    }),
  );
  if (filter.statuses?.length) where.push(`c.status = ANY(${param(filter.statuses)})`);
  if (filter.unitSubtree) {
    where.push(`coalesce(c.responsible_unit_code, c.holding_unit_code) IN (
      WITH RECURSIVE subtree AS (
        SELECT code FROM units WHERE code = ${param(filter.unitSubtree)}
        UNION ALL SELECT u.code FROM units u JOIN subtree s ON u.parent_code = s.code
      ) SELECT code FROM subtree)`);
  }
  if (filter.category) where.push(`c.category = ${param(filter.category)}`);
  if (filter.channel) where.push(`c.channel = ${param(filter.channel)}`);
  if (filter.dueFrom) where.push(`c.due_at >= ${param(filter.dueFrom)}`);
  if (filter.dueTo) where.push(`c.due_at < ${param(filter.dueTo)}`);
  if (filter.minOverdueLevel) where.push(`c.overdue_level >= ${param(filter.minOverdueLevel)}`);
  if (filter.receivedFrom) where.push(`c.received_at >= ${param(filter.receivedFrom)}`);
  if (filter.receivedTo) where.push(`c.received_at < ${param(filter.receivedTo)}`);
  if (filter.text) {
    // The bigram index narrows to candidates; the substring test keeps only exact matches.
    const text = param(filter.text);
    const like = param(`%${filter.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    where.push(`c.search_vector @@ cjk_bigram_query(${text})
      AND (c.subject ILIKE ${like} OR EXISTS (SELECT 1 FROM case_submissions s WHERE s.case_number = c.case_number AND s.content ILIKE ${like}))`);
  }
  if (filter.petitionerIdNumberBidx) {
    where.push(
      `c.case_number IN (SELECT case_number FROM case_submissions WHERE petitioner_id_number_bidx = ${param(filter.petitionerIdNumberBidx)})`,
    );
  }
  if (filter.petitionerPhoneBidx) {
    where.push(
      `c.case_number IN (SELECT case_number FROM case_submissions WHERE petitioner_phone_bidx = ${param(filter.petitionerPhoneBidx)})`,
    );
  }
  if (filter.petitionerNameBidx) {
    where.push(
      `c.case_number IN (SELECT case_number FROM case_submissions WHERE petitioner_name_bidx = ${param(filter.petitionerNameBidx)})`,
    );
  }
  if (filter.holdingUnit) where.push(`c.holding_unit_code = ${param(filter.holdingUnit)}`);
  if (filter.namedUserId) {
    const user = param(filter.namedUserId);
    where.push(`(c.handler_user_id = ${user} OR c.package_leader_user_id = ${user})`);
  }
  if (filter.packageLeaderUserId)
    where.push(`c.package_leader_user_id = ${param(filter.packageLeaderUserId)}`);
  if (filter.caseNumber) {
    const exact = filter.caseNumber.toUpperCase();
    where.push(
      `(c.case_number = ${param(exact)} OR c.case_number LIKE ${param(`${exact.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)})`,
    );
  }
  if (filter.dueWindow) {
    const zone = param(filter.dueWindow.timeZone);
    const today = `date_trunc('day', now() AT TIME ZONE ${zone})`;
    where.push(
      filter.dueWindow.fromStartOfToday ? `c.due_at >= (${today} AT TIME ZONE ${zone})` : `c.due_at >= now()`,
    );
    where.push(
      `c.due_at < ((${today} + make_interval(days => ${param(filter.dueWindow.days + 1)}::int)) AT TIME ZONE ${zone})`,
    );
  }
  const matching = where.join(' AND ');
  const countParams = [...params];
  const keyset = [...where];
  if (after) {
    const level = param(after.overdueLevel);
    keyset.push(`(c.overdue_level < ${level} OR (c.overdue_level = ${level}
      AND (${DUE_KEY}, c.case_number) > (${param(after.dueAt ?? 'infinity')}::timestamptz, ${param(after.caseNumber)})))`);
  }
  const [rows, counted] = await Promise.all([
    db.query(
      `SELECT c.case_number, c.status, c.category, c.channel, c.subject, c.unit_code, c.holding_unit_code,
              c.responsible_unit_code, c.clock, c.due_at, c.overdue_level, c.received_at, c.registered_at,
              s.petitioner_name
       FROM cases c LEFT JOIN case_submissions s ON s.case_number = c.case_number
       WHERE ${keyset.join(' AND ')}
       ORDER BY c.overdue_level DESC, ${DUE_KEY} ASC, c.case_number ASC
       LIMIT ${param(limit + 1)}`,
      params,
    ) as Promise<Record<string, unknown>[]>,
    db.query(`SELECT count(*)::int AS total FROM cases c WHERE ${matching}`, countParams) as Promise<
      { total: number }[]
    >,
  ]);
  const items = rows.slice(0, limit).map(toRow);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > limit && last
        ? { overdueLevel: last.overdueLevel, dueAt: last.dueAt, caseNumber: last.caseNumber }
        : null,
    total: counted[0]?.total ?? 0,
  };
}

/** The due time as the urgency order sorts it: cases without a running clock after every dated one. */
const DUE_KEY = `coalesce(c.due_at, 'infinity'::timestamptz)`;

function toRow(row: Record<string, unknown>): CaseListRow {
  return {
    caseNumber: row.case_number as string,
    status: row.status as string,
    category: row.category as string,
    channel: row.channel as string,
    subject: row.subject as string,
    unitCode: row.unit_code as string,
    holdingUnitCode: row.holding_unit_code as string | null,
    responsibleUnitCode: row.responsible_unit_code as string | null,
    clock: row.clock as string | null,
    dueAt: isoOrNull(row.due_at),
    overdueLevel: row.overdue_level as number,
    receivedAt: isoOrNull(row.received_at)!,
    registeredAt: (row.registered_at as Date).toISOString(),
    petitionerMasked:
      row.category === 'accusation' || typeof row.petitioner_name !== 'string'
        ? null
        : maskPersonName(row.petitioner_name),
  };
}

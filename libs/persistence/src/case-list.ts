import { isoOrNull } from './row-values';
import { type DataSource } from 'typeorm';
import { type CaseViewer, caseVisibleTo, viewerUnits } from './case-visibility';

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
}

/** Position after the last row of a page: the stable sort key (registered_at DESC, case_number DESC). */
export interface CaseListCursor {
  registeredAt: string;
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
}

export interface CaseListPage {
  items: CaseListRow[];
  nextCursor: CaseListCursor | null;
}

/**
 * Keyset pagination over (registered_at DESC, case_number DESC), a unique key that never changes.
 * Stability rule: every case that existed when the listing began appears exactly once across the
 * pages, whatever arrives meanwhile; a case that arrives meanwhile appears at most once.
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
  if (after) {
    where.push(
      `(c.registered_at, c.case_number) < (${param(new Date(after.registeredAt))}, ${param(after.caseNumber)})`,
    );
  }
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT c.case_number, c.status, c.category, c.channel, c.subject, c.unit_code, c.holding_unit_code,
            c.responsible_unit_code, c.clock, c.due_at, c.overdue_level, c.received_at, c.registered_at
     FROM cases c WHERE ${where.join(' AND ')}
     ORDER BY c.registered_at DESC, c.case_number DESC
     LIMIT ${param(limit + 1)}`,
    params,
  );
  const items = rows.slice(0, limit).map(toRow);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > limit && last ? { registeredAt: last.registeredAt, caseNumber: last.caseNumber } : null,
  };
}

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
  };
}

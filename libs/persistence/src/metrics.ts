import { isoOrNull } from './row-values';
import { notAccusedSql, unitLineageSql } from './case-visibility';
import { type DataSource } from 'typeorm';
import {
  ESCALATION_LEVELS,
  escalationFigureKey,
  type FigurePart,
  METRIC_FIGURE_KEYS,
  outcomeFigureKey,
} from '../../domain/src/metrics/figures';
import { RECORDED_REPLY_OUTCOMES } from '../../domain/src/case/vocabulary';

/**
 * The supervisors' figures as SQL over `cases` (as `m`, with `case_metric_facts`) and the period `p`
 * (`starts` included, `ends` excluded, `now`). A deadline instant is the exclusive end of its last day,
 * so "the deadline falls in the period" reads `starts < due_at <= ends`.
 */
export interface FigureSql {
  denominator: string;
  numerator: string;
}

const inPeriod = (column: string) => `(${column} >= p.starts AND ${column} < p.ends)`;
const ACTIVE = `(m.registered_at < p.ends AND (m.ended_at IS NULL OR m.ended_at >= p.starts))`;
const REPLIED = inPeriod('m.replied_at');
const REVIEW_DECIDED = inPeriod('m.review_decided_at');
const RE_REVIEW_DECIDED = inPeriod('m.re_review_decided_at');

/**
 * A deadline falling in the period counts once it is met or has passed; a case withdrawn before its
 * deadline without the decision owed had nothing left to meet.
 */
function deadlineDue(due: string, met: string): string {
  return `(${due} > p.starts AND ${due} <= p.ends AND (${met} IS NOT NULL
    OR (${due} <= p.now AND (m.ended_at IS NULL OR m.ended_at >= ${due}))))`;
}

/** Past the deadline without the decision owed at some instant of the period. */
function overdueDuring(due: string, met: string): string {
  return `(${due} < p.ends AND coalesce(${met}, m.ended_at, p.now) > greatest(${due}, p.starts))`;
}

const occurred = (kind: string, level?: number) =>
  `EXISTS (SELECT 1 FROM case_metric_occurrences o WHERE o.case_number = m.case_number
     AND o.kind = '${kind}' ${level === undefined ? '' : `AND o.level = ${level}`}
     AND o.occurred_at >= p.starts AND o.occurred_at < p.ends)`;

function outcomeSql(
  stage: 'review' | 'reReview',
  column: string,
  decided: string,
): Record<string, FigureSql> {
  return Object.fromEntries(
    RECORDED_REPLY_OUTCOMES.map((outcome) => [
      outcomeFigureKey(stage, outcome),
      { denominator: decided, numerator: `${column} = '${outcome}'` },
    ]),
  );
}

const escalationSql: Record<string, FigureSql> = Object.fromEntries(
  ESCALATION_LEVELS.map((level) => [
    escalationFigureKey(level),
    { denominator: ACTIVE, numerator: occurred('escalated', level) },
  ]),
);

const FIGURE_SQL: Readonly<Record<string, FigureSql>> = {
  onTimeTriage: {
    denominator: deadlineDue('m.triage_due_at', 'm.triaged_at'),
    numerator: 'm.triaged_at < m.triage_due_at',
  },
  onTimeCompletion: {
    denominator: deadlineDue('m.handling_due_at', 'm.replied_at'),
    numerator: 'm.replied_at < m.handling_due_at',
  },
  overdue: {
    denominator: ACTIVE,
    numerator: `(${overdueDuring('m.triage_due_at', 'm.triaged_at')} OR ${overdueDuring('m.handling_due_at', 'm.replied_at')})`,
  },
  extensions: { denominator: ACTIVE, numerator: occurred('extensionGranted') },
  ...escalationSql,
  supervisionOrders: { denominator: ACTIVE, numerator: occurred('supervisionOrdered') },
  reminders: { denominator: ACTIVE, numerator: occurred('reminderSent') },
  participation: { denominator: REPLIED, numerator: 'm.satisfaction IS NOT NULL' },
  satisfaction: {
    denominator: `(${REPLIED} AND m.satisfaction IS NOT NULL)`,
    numerator: `m.satisfaction IN ('satisfied', 'basicallySatisfied')`,
  },
  repeatPetition: { denominator: inPeriod('m.registered_at'), numerator: 'm.repeat_visits > 0' },
  reviewRequests: { denominator: REPLIED, numerator: 'm.review_requested_at IS NOT NULL' },
  ...outcomeSql('review', 'm.review_outcome', REVIEW_DECIDED),
  reReviewRequests: { denominator: REVIEW_DECIDED, numerator: 'm.re_review_requested_at IS NOT NULL' },
  ...outcomeSql('reReview', 'm.re_review_outcome', RE_REVIEW_DECIDED),
};

/** The SQL of a figure of the catalogue; a key outside it is a bug. */
export function figureSql(key: string): FigureSql {
  const sql = FIGURE_SQL[key];
  if (!sql) throw new Error(`no SQL for figure ${key}`);
  return sql;
}

/** Whose figures, seen by whom: accusations are never counted for the accused unit's staff or the accused. */
export interface MetricsScope {
  unitCode: string;
  viewer: { userId: string; unitCode: string };
}

export interface MetricsWindow {
  starts: Date;
  ends: Date;
  now: Date;
}

export interface FigureCount {
  key: string;
  numerator: number;
  denominator: number;
}

export interface UnitMeasures {
  /** The unit with its whole subtree. */
  total: FigureCount[];
  /** Each direct child unit with its subtree, in code order; units without cases count zero. */
  children: { unitCode: string; unitName: string; figures: FigureCount[] }[];
}

/**
 * The scope's cases with their facts, each tagged with its bucket: the direct child unit whose subtree
 * holds it, or the scope unit itself. Parameters: $1 unit, $2 viewer unit, $3 viewer id, $4–$6 period.
 */
const MEASURED = `
  WITH RECURSIVE scope AS (
    SELECT code, code AS bucket FROM units WHERE code = $1
    UNION ALL
    SELECT u.code, CASE WHEN s.code = $1 THEN u.code ELSE s.bucket END
    FROM units u JOIN scope s ON u.parent_code = s.code
  ), p AS (SELECT $4::timestamptz AS starts, $5::timestamptz AS ends, $6::timestamptz AS now),
  measured AS (
    SELECT c.case_number, c.subject, c.status, c.category, c.registered_at, c.repeat_visits,
      coalesce(c.responsible_unit_code, c.holding_unit_code) AS case_unit_code, s.bucket,
      f.triage_due_at, f.triaged_at, f.handling_due_at, f.replied_at, f.ended_at, f.satisfaction,
      f.review_requested_at, f.review_decided_at, f.review_outcome,
      f.re_review_requested_at, f.re_review_decided_at, f.re_review_outcome
    FROM cases c
    JOIN scope s ON s.code = coalesce(c.responsible_unit_code, c.holding_unit_code)
    LEFT JOIN case_metric_facts f ON f.case_number = c.case_number
    WHERE ${notAccusedSql('$3', unitLineageSql('$2'))}
  )`;

function scopeParams(scope: MetricsScope, window: MetricsWindow): unknown[] {
  return [scope.unitCode, scope.viewer.unitCode, scope.viewer.userId, window.starts, window.ends, window.now];
}

/** Every figure for the unit's subtree, and for each direct child's subtree. */
export async function measureUnit(
  db: DataSource,
  scope: MetricsScope,
  window: MetricsWindow,
): Promise<UnitMeasures> {
  const columns = METRIC_FIGURE_KEYS.flatMap((key, index) => {
    const { denominator, numerator } = figureSql(key);
    return [
      `count(*) FILTER (WHERE ${denominator}) AS d${index}`,
      `count(*) FILTER (WHERE ${denominator} AND ${numerator}) AS n${index}`,
    ];
  });
  const [rows, children]: [Record<string, unknown>[], { code: string; name: string }[]] = await Promise.all([
    db.query(`${MEASURED} SELECT m.bucket, ${columns.join(', ')} FROM measured m, p GROUP BY m.bucket`, [
      ...scopeParams(scope, window),
    ]),
    db.query(`SELECT code, name FROM units WHERE parent_code = $1 ORDER BY code`, [scope.unitCode]),
  ]);
  const countsOf = (row: Record<string, unknown> | undefined): FigureCount[] =>
    METRIC_FIGURE_KEYS.map((key, index) => ({
      key,
      numerator: Number(row?.[`n${index}`] ?? 0),
      denominator: Number(row?.[`d${index}`] ?? 0),
    }));
  const byBucket = new Map(rows.map((row) => [row.bucket as string, countsOf(row)]));
  const total = countsOf(undefined);
  for (const counts of byBucket.values()) {
    counts.forEach((count, index) => {
      total[index].numerator += count.numerator;
      total[index].denominator += count.denominator;
    });
  }
  return {
    total,
    children: children.map((child) => ({
      unitCode: child.code,
      unitName: child.name,
      figures: byBucket.get(child.code) ?? countsOf(undefined),
    })),
  };
}

export interface FigureCase {
  caseNumber: string;
  subject: string;
  status: string;
  category: string;
  unitCode: string;
  registeredAt: string;
  triageDueAt: string | null;
  triagedAt: string | null;
  handlingDueAt: string | null;
  repliedAt: string | null;
  endedAt: string | null;
  satisfaction: string | null;
  reviewRequestedAt: string | null;
  reviewOutcome: string | null;
  reReviewRequestedAt: string | null;
  reReviewOutcome: string | null;
}

export interface FigureCasePage {
  /** How many cases the part counts: the figure's numerator or denominator. */
  total: number;
  items: FigureCase[];
}

/** The cases a figure's numerator or denominator counts, newest registration first. */
export async function figureCases(
  db: DataSource,
  scope: MetricsScope,
  window: MetricsWindow,
  figure: { key: string; part: FigurePart },
  page: { limit: number; offset: number },
): Promise<FigureCasePage> {
  const { denominator, numerator } = figureSql(figure.key);
  const condition = figure.part === 'numerator' ? `${denominator} AND ${numerator}` : denominator;
  const rows: Record<string, unknown>[] = await db.query(
    `${MEASURED} SELECT m.*, count(*) OVER () AS total FROM measured m, p WHERE ${condition}
     ORDER BY m.registered_at DESC, m.case_number DESC LIMIT $7 OFFSET $8`,
    [...scopeParams(scope, window), page.limit, page.offset],
  );
  const total = rows.length > 0 ? Number(rows[0].total) : await countCases(db, scope, window, condition);
  return { total, items: rows.map(toFigureCase) };
}

/** A page past the end has no row to carry the total: count on its own. */
async function countCases(
  db: DataSource,
  scope: MetricsScope,
  window: MetricsWindow,
  condition: string,
): Promise<number> {
  const [row] = await db.query(
    `${MEASURED} SELECT count(*) AS total FROM measured m, p WHERE ${condition}`,
    scopeParams(scope, window),
  );
  return Number(row.total);
}

function toFigureCase(row: Record<string, unknown>): FigureCase {
  const text = (value: unknown) => (value as string | null) ?? null;
  return {
    caseNumber: row.case_number as string,
    subject: row.subject as string,
    status: row.status as string,
    category: row.category as string,
    unitCode: row.case_unit_code as string,
    registeredAt: (row.registered_at as Date).toISOString(),
    triageDueAt: isoOrNull(row.triage_due_at),
    triagedAt: isoOrNull(row.triaged_at),
    handlingDueAt: isoOrNull(row.handling_due_at),
    repliedAt: isoOrNull(row.replied_at),
    endedAt: isoOrNull(row.ended_at),
    satisfaction: text(row.satisfaction),
    reviewRequestedAt: isoOrNull(row.review_requested_at),
    reviewOutcome: text(row.review_outcome),
    reReviewRequestedAt: isoOrNull(row.re_review_requested_at),
    reReviewOutcome: text(row.re_review_outcome),
  };
}

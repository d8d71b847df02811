import { type EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** A repeat visit as stored on the earlier case, before or after its workflow recorded it. */
export interface StoredRepeatVisit {
  id: string;
  caseNumber: string;
  channel: string;
  receivedAt: Date;
  similarity: number;
  /** Set once the case's workflow recorded the visit. */
  visitNumber: number | null;
  /** A skip-level petition (art. 19): the higher level's own case, referred to this lower case. */
  skipLevelCaseNumber?: string | null;
}

/** A repeat visit's petition as it is kept on the earlier case (no personal data: the case holds it). */
export interface NewRepeatVisit {
  id: string;
  caseNumber: string;
  idempotencyKey: string | null;
  channel: string;
  subject: string;
  content: string;
  receivedAt: Date;
  registeringUnitCode: string;
  registeredBy: string;
  similarity: number;
  skipLevelCaseNumber: string | null;
}

interface VisitRow {
  id: string;
  case_number: string;
  channel: string;
  received_at: Date;
  similarity: number;
  visit_number: number | null;
  skip_level_case_number: string | null;
}

const VISIT_COLUMNS =
  'id, case_number, channel, received_at, similarity, visit_number, skip_level_case_number';

function toVisit(row: VisitRow): StoredRepeatVisit {
  return {
    id: row.id,
    caseNumber: row.case_number,
    channel: row.channel,
    receivedAt: row.received_at,
    similarity: row.similarity,
    visitNumber: row.visit_number,
    skipLevelCaseNumber: row.skip_level_case_number,
  };
}

export async function insertRepeatVisit(db: Queryable, visit: NewRepeatVisit): Promise<void> {
  await db.query(
    `INSERT INTO case_repeat_visits (id, case_number, idempotency_key, channel, subject, content, received_at,
         registering_unit_code, registered_by, similarity, submitted_at, skip_level_case_number)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now(), $11)`,
    [
      visit.id,
      visit.caseNumber,
      visit.idempotencyKey,
      visit.channel,
      visit.subject,
      visit.content,
      visit.receivedAt,
      visit.registeringUnitCode,
      visit.registeredBy,
      visit.similarity,
      visit.skipLevelCaseNumber,
    ],
  );
}

/** The skip-level visit the higher level's case was referred down as (art. 19), if it was one. */
export async function findRepeatVisitOfSkipLevelCase(
  db: Queryable,
  caseNumber: string,
): Promise<StoredRepeatVisit | null> {
  const rows: VisitRow[] = await db.query(
    `SELECT ${VISIT_COLUMNS} FROM case_repeat_visits WHERE skip_level_case_number = $1`,
    [caseNumber],
  );
  return rows[0] ? toVisit(rows[0]) : null;
}

/** The repeat visit an earlier request with this Idempotency-Key stored, if it was one. */
export async function findRepeatVisitOfIdempotencyKey(
  db: Queryable,
  idempotencyKey: string,
): Promise<StoredRepeatVisit | null> {
  const rows: VisitRow[] = await db.query(
    `SELECT ${VISIT_COLUMNS} FROM case_repeat_visits WHERE idempotency_key = $1`,
    [idempotencyKey],
  );
  return rows[0] ? toVisit(rows[0]) : null;
}

/** Keeps the visit's number once the case's workflow recorded it. */
export async function setRepeatVisitNumber(
  db: Queryable,
  visitId: string,
  visitNumber: number,
): Promise<void> {
  await db.query(`UPDATE case_repeat_visits SET visit_number = $2 WHERE id = $1`, [visitId, visitNumber]);
}

/** When a case ended (its metric facts), else when it last changed; undefined for an unknown case. */
export async function findCaseEnd(
  db: Queryable,
  caseNumber: string,
): Promise<{ ended_at: Date | null; updated_at: Date } | undefined> {
  const [concluded]: { ended_at: Date | null; updated_at: Date }[] = await db.query(
    `SELECT f.ended_at, c.updated_at FROM cases c LEFT JOIN case_metric_facts f ON f.case_number = c.case_number
       WHERE c.case_number = $1`,
    [caseNumber],
  );
  return concluded;
}

import { type EntityManager } from 'typeorm';
import { IdempotencyKeyEntity, UnitEntity } from './entities';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * Holds the Idempotency-Key's transaction-scoped advisory lock: requests with the same key queue here,
 * on every API instance, until the first one commits.
 */
export async function lockIdempotencyKey(tx: Queryable, idempotencyKey: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`idempotency:${idempotencyKey}`]);
}

/** The case's status in the read model, if the case is there. */
export async function findCaseStatus(db: Queryable, caseNumber: string): Promise<string | undefined> {
  const [row]: { status: string }[] = await db.query(`SELECT status FROM cases WHERE case_number = $1`, [
    caseNumber,
  ]);
  return row?.status;
}

/** What the first request with this Idempotency-Key stored, if one committed. */
export function findIdempotencyKey(db: EntityManager, key: string): Promise<IdempotencyKeyEntity | null> {
  return db.findOne(IdempotencyKeyEntity, { where: { key } });
}

/** Remembers which case (or earlier case, for a repeat visit) this Idempotency-Key's request stored. */
export async function insertIdempotencyKey(
  db: EntityManager,
  row: { key: string; requestHash: string; caseNumber: string },
): Promise<void> {
  await db.insert(IdempotencyKeyEntity, row);
}

/** Whether a unit with this code exists. */
export function unitExists(db: EntityManager, unitCode: string): Promise<boolean> {
  return db.exists(UnitEntity, { where: { code: unitCode } });
}

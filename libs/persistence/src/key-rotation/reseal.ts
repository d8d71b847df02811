import { type ClientBase } from 'pg';
import { PersonalDataProtector } from '../personal-data';
import { SEALED_COLUMNS, type SealedColumns } from './sealed-columns';

/**
 * Where a re-sealing stands, saved after every batch so a stopped run continues where it was:
 * the table (index in SEALED_COLUMNS) and the primary key of the last row looked at.
 */
export interface ResealCursor {
  tableIndex: number;
  after: unknown[] | null;
  resealed: number;
  /** Full passes over all tables; a pass that finds values under an old key is followed by another. */
  passes: number;
}

export const FIRST_RESEAL_CURSOR: ResealCursor = { tableIndex: 0, after: null, resealed: 0, passes: 0 };

const MAX_PASSES = 5;

function notUnderActive(set: SealedColumns): string {
  return set.columns.map((column) => `(${column} IS NOT NULL AND ${column} NOT LIKE $1)`).join(' OR ');
}

/** Values of all sealed columns not yet under the active key. */
export async function countNotUnderActiveKey(
  db: ClientBase,
  activeKeyId: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const set of SEALED_COLUMNS) {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${set.table} WHERE ${notUnderActive(set)}`,
      [`v1:${activeKeyId}:%`],
    );
    counts[set.table] = rows[0]!.n;
  }
  return counts;
}

async function resealBatch(
  db: ClientBase,
  protector: PersonalDataProtector,
  set: SealedColumns,
  after: unknown[] | null,
  batchSize: number,
): Promise<{ rows: number; resealed: number; last: unknown[] | null }> {
  const key = set.key.join(', ');
  const params: unknown[] = [`v1:${protector.activeKeyId}:%`, batchSize];
  const afterClause = after ? `AND (${key}) > (${set.key.map((_, i) => `$${i + 3}`).join(', ')})` : '';
  if (after) params.push(...after);
  const { rows } = await db.query<Record<string, string | null>>(
    `SELECT ${key}, ${set.columns.join(', ')} FROM ${set.table}
     WHERE (${notUnderActive(set)}) ${afterClause} ORDER BY ${key} LIMIT $2`,
    params,
  );
  let resealed = 0;
  await db.query('BEGIN');
  try {
    for (const row of rows) {
      for (const column of set.columns) {
        const old = row[column];
        if (!old || PersonalDataProtector.keyIdOf(old) === protector.activeKeyId) continue;
        const renewed = protector.encryptBytes(protector.decryptBytes(old));
        // Only if nobody changed it meanwhile; a value written since is under the active key already.
        const where = set.key.map((name, i) => `${name} = $${i + 3}`).join(' AND ');
        const updated = await db.query(
          `UPDATE ${set.table} SET ${column} = $1 WHERE ${column} = $2 AND ${where}`,
          [renewed, old, ...set.key.map((name) => row[name])],
        );
        resealed += updated.rowCount ?? 0;
      }
    }
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  const lastRow = rows.at(-1);
  return { rows: rows.length, resealed, last: lastRow ? set.key.map((name) => lastRow[name]) : null };
}

/**
 * Re-seals every value not under the protector's active key, table by table in primary-key order, in
 * batches of `batchSize` (one transaction each), calling `save` with the cursor after each batch.
 * Stops after `maxBatches` batches (then `finished` is false and a later call with the saved cursor
 * goes on), or when a final count finds nothing left under an old key.
 */
export async function resealPersonalData(
  db: ClientBase,
  protector: PersonalDataProtector,
  start: ResealCursor,
  options: {
    batchSize: number;
    maxBatches?: number;
    save: (cursor: ResealCursor) => void;
    onProgress?: (line: string) => void;
  },
): Promise<{ finished: boolean; cursor: ResealCursor }> {
  let cursor = { ...start };
  let batches = 0;
  for (;;) {
    while (cursor.tableIndex < SEALED_COLUMNS.length) {
      if (options.maxBatches !== undefined && batches >= options.maxBatches)
        return { finished: false, cursor };
      const set = SEALED_COLUMNS[cursor.tableIndex]!;
      const batch = await resealBatch(db, protector, set, cursor.after, options.batchSize);
      batches++;
      cursor =
        batch.rows < options.batchSize
          ? {
              ...cursor,
              tableIndex: cursor.tableIndex + 1,
              after: null,
              resealed: cursor.resealed + batch.resealed,
            }
          : { ...cursor, after: batch.last, resealed: cursor.resealed + batch.resealed };
      options.save(cursor);
      if (batch.rows > 0)
        options.onProgress?.(`${set.table}: +${batch.resealed} (共 / total ${cursor.resealed})`);
    }
    const left = await countNotUnderActiveKey(db, protector.activeKeyId);
    const total = Object.values(left).reduce((sum, n) => sum + n, 0);
    if (total === 0) return { finished: true, cursor };
    // Values written under an old key while a pass ran (by an app not yet on the new ring): once more.
    if (cursor.passes + 1 >= MAX_PASSES)
      throw new Error(
        `多轮重新加密后仍有旧密钥数据 / values still under old keys after ${MAX_PASSES} passes: ${JSON.stringify(left)}`,
      );
    cursor = { ...FIRST_RESEAL_CURSOR, resealed: cursor.resealed, passes: cursor.passes + 1 };
    options.save(cursor);
  }
}

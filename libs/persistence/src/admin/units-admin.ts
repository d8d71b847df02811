import { type EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

export interface UnitRow {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  /** 0 for the root of the listed subtree. */
  depth: number;
}

const SUBTREE = `WITH RECURSIVE subtree AS (
  SELECT code, name, level, parent_code, 0 AS depth, ARRAY[code]::text[] AS path FROM units WHERE code = $1
  UNION ALL
  SELECT u.code, u.name, u.level, u.parent_code, s.depth + 1, s.path || u.code::text
  FROM units u JOIN subtree s ON u.parent_code = s.code
)`;

/** The unit and every unit below it, each after its parent (depth first, siblings by code). */
export async function listUnitSubtree(db: Queryable, rootCode: string): Promise<UnitRow[]> {
  const rows: { code: string; name: string; level: string; parent_code: string | null; depth: number }[] =
    await db.query(`${SUBTREE} SELECT code, name, level, parent_code, depth FROM subtree ORDER BY path`, [
      rootCode,
    ]);
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parent_code,
    depth: Number(row.depth),
  }));
}

/** Where `code` lies relative to the subtree of `rootCode` (the root itself is inside). */
export async function unitPlacement(
  db: Queryable,
  rootCode: string,
  code: string,
): Promise<'inside' | 'outside' | 'unknown'> {
  const [row] = await db.query(
    `${SUBTREE} SELECT EXISTS (SELECT 1 FROM subtree WHERE code = $2) AS inside,
       EXISTS (SELECT 1 FROM units WHERE code = $2) AS known`,
    [rootCode, code],
  );
  return row.inside === true ? 'inside' : row.known === true ? 'outside' : 'unknown';
}

/** Inserts the unit; false when its code is taken. */
export async function insertUnit(
  db: Queryable,
  unit: { code: string; name: string; level: string; parentCode: string },
): Promise<boolean> {
  const inserted = await db.query(
    `INSERT INTO units (code, name, level, parent_code) VALUES ($1, $2, $3, $4)
     ON CONFLICT (code) DO NOTHING RETURNING code`,
    [unit.code, unit.name, unit.level, unit.parentCode],
  );
  return inserted.length === 1;
}

/** Sets a unit's short name and 文号 pattern (null: the full name, the default pattern). */
export async function setUnitNoticeNumbering(
  db: Queryable,
  code: string,
  numbering: { shortName: string | null; pattern: string | null },
): Promise<void> {
  await db.query(`UPDATE units SET short_name = $2, notice_number_pattern = $3 WHERE code = $1`, [
    code,
    numbering.shortName,
    numbering.pattern,
  ]);
}

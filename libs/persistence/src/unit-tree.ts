import { type EntityManager } from 'typeorm';
import { buildUnitTree, type Unit, type UnitTree } from '../../domain/src/org/units';

/**
 * SQL `WITH RECURSIVE` naming a unit's line of the tree: `up` (the unit given by `unitSql` and every unit
 * above it), `down` (it and every unit below it) and `line` (both); the query that follows selects.
 */
export function unitLineCtes(unitSql: string): string {
  return `WITH RECURSIVE up AS (
       SELECT code, parent_code FROM units WHERE code = ${unitSql}
       UNION ALL SELECT u.code, u.parent_code FROM units u JOIN up ON u.code = up.parent_code
     ), down AS (
       SELECT code FROM units WHERE code = ${unitSql}
       UNION ALL SELECT u.code FROM units u JOIN down d ON u.parent_code = d.code
     ), line AS (SELECT code FROM up UNION SELECT code FROM down)`;
}

/** The whole tree the unit belongs to (from its top unit down), as the domain takes it. */
export async function loadUnitTree(
  db: EntityManager,
  unitCode: string,
  bodiesAboveTop: readonly string[],
): Promise<UnitTree> {
  const rows: { code: string; name: string; level: Unit['level']; parent_code: string | null }[] =
    await db.query(
      `WITH RECURSIVE up AS (
       SELECT code, parent_code FROM units WHERE code = $1
       UNION ALL SELECT u.code, u.parent_code FROM units u JOIN up ON u.code = up.parent_code
     ), down AS (
       SELECT u.code, u.name, u.level, u.parent_code FROM units u JOIN up ON u.code = up.code WHERE up.parent_code IS NULL
       UNION ALL SELECT u.code, u.name, u.level, u.parent_code FROM units u JOIN down ON u.parent_code = down.code
     )
     SELECT code, name, level, parent_code FROM down ORDER BY code`,
      [unitCode],
    );
  return buildUnitTree(
    rows.map((row) => ({ code: row.code, name: row.name, level: row.level, parentCode: row.parent_code })),
    bodiesAboveTop,
  );
}

/** The top unit of the tree `unitCode` belongs to (itself when it has no parent); null for an unknown unit. */
export async function topUnitOf(db: Pick<EntityManager, 'query'>, unitCode: string): Promise<string | null> {
  const [row]: { code: string }[] = await db.query(
    `WITH RECURSIVE up AS (
       SELECT code, parent_code FROM units WHERE code = $1
       UNION ALL SELECT u.code, u.parent_code FROM units u JOIN up ON u.code = up.parent_code
     )
     SELECT code FROM up WHERE parent_code IS NULL`,
    [unitCode],
  );
  return row?.code ?? null;
}

/** The unit `unitCode` when it is `rootCode` or lies below it; null otherwise (or when it does not exist). */
export async function unitInSubtree(
  db: EntityManager,
  rootCode: string,
  unitCode: string,
): Promise<{ code: string; name: string } | null> {
  const [row]: { code: string; name: string }[] = await db.query(
    `WITH RECURSIVE subtree AS (
       SELECT code, name FROM units WHERE code = $1
       UNION ALL SELECT u.code, u.name FROM units u JOIN subtree s ON u.parent_code = s.code
     ) SELECT code, name FROM subtree WHERE code = $2`,
    [rootCode, unitCode],
  );
  return row ?? null;
}

/** Whether `unitCode` is `ancestorCode` itself or lies anywhere below it. */
export async function isWithinUnit(
  db: EntityManager,
  ancestorCode: string,
  unitCode: string,
): Promise<boolean> {
  return (await unitInSubtree(db, ancestorCode, unitCode)) !== null;
}

/** Whether the two units lie on one line of the tree: the same unit, or one above the other. */
export async function isInUnitLine(db: EntityManager, unitCode: string, otherCode: string): Promise<boolean> {
  return (await isWithinUnit(db, unitCode, otherCode)) || (await isWithinUnit(db, otherCode, unitCode));
}

/** The unit's name, if the unit exists. */
export async function findUnitName(
  db: Pick<EntityManager, 'query'>,
  unitCode: string,
): Promise<string | undefined> {
  const [unit]: { name: string }[] = await db.query(`SELECT name FROM units WHERE code = $1`, [unitCode]);
  return unit?.name;
}

import { type EntityManager } from 'typeorm';
import { buildUnitTree, type Unit, type UnitTree } from '../../domain/src/org/units';

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

/** Whether `unitCode` is `ancestorCode` itself or lies anywhere below it. */
export async function isWithinUnit(
  db: EntityManager,
  ancestorCode: string,
  unitCode: string,
): Promise<boolean> {
  const [row] = await db.query(
    `WITH RECURSIVE up AS (
       SELECT code, parent_code FROM units WHERE code = $2
       UNION ALL SELECT u.code, u.parent_code FROM units u JOIN up ON u.code = up.parent_code
     ) SELECT EXISTS (SELECT 1 FROM up WHERE code = $1) AS within`,
    [ancestorCode, unitCode],
  );
  return row.within === true;
}

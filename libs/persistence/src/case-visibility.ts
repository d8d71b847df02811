import { type EntityManager } from 'typeorm';

/** The calling staff member as case visibility sees them. */
export interface CaseViewer {
  userId: string;
  unitCode: string;
}

/** SQL for the unit given by `unitSql` and every unit above it, as an array (computed once per query). */
export function unitLineageSql(unitSql: string): string {
  return `ARRAY(WITH RECURSIVE up AS (
      SELECT code, parent_code FROM units WHERE code = ${unitSql}
      UNION ALL SELECT u.code, u.parent_code FROM units u JOIN up ON u.code = up.parent_code
    ) SELECT code FROM up)::varchar[]`;
}

/** SQL for the unit given by `unitSql` and every unit below it, as an array (computed once per query). */
export function unitSubtreeSql(unitSql: string): string {
  return `ARRAY(WITH RECURSIVE down AS (
      SELECT code FROM units WHERE code = ${unitSql}
      UNION ALL SELECT u.code FROM units u JOIN down d ON u.parent_code = d.code
    ) SELECT code FROM down)::varchar[]`;
}

/**
 * SQL condition over the `cases` row aliased `c`: the person (`userSql`) in the unit (`unitSql`) is not
 * accused by it — neither named, nor staff of an accused unit or of any unit below one. Every read path
 * (visibility, counts, metrics, inbox, notification) uses this one rule.
 */
export function notAccusedSql(userSql: string, unitLineage: string): string {
  return `NOT (c.accused_user_ids @> ARRAY[${userSql}::varchar] OR c.accused_unit_codes && ${unitLineage})`;
}

/**
 * SQL condition over the `cases` row aliased `c`: the viewer may see the case. One of its units
 * (responsible, holding, registering, and where the matter arises unless it is an accusation — see
 * `scope_unit_codes`) lies in the viewer's unit subtree, or the viewer is its handler or package leader;
 * never when the viewer is accused by it (`notAccusedSql`), which overrides scope and naming.
 * `userParam` holds the viewer's id; `units` either the viewer's unit (`unitParam`) or, as lists pass
 * them, the viewer's subtree and lineage as array parameters, which lets the planner estimate the
 * condition from statistics.
 */
export function caseVisibleTo(
  userParam: string,
  units: { unitParam: string } | { subtreeParam: string; lineageParam: string },
): string {
  const [subtree, lineage] =
    'unitParam' in units
      ? [unitSubtreeSql(units.unitParam), unitLineageSql(units.unitParam)]
      : [`${units.subtreeParam}::varchar[]`, `${units.lineageParam}::varchar[]`];
  return `${notAccusedSql(userParam, lineage)}
    AND (c.handler_user_id = ${userParam} OR c.package_leader_user_id = ${userParam}
      OR c.scope_unit_codes && ${subtree})`;
}

/** The viewer's unit subtree and lineage (the unit and those above it), for `caseVisibleTo`'s parameters. */
export async function viewerUnits(
  db: EntityManager,
  unitCode: string,
): Promise<{ subtree: string[]; lineage: string[] }> {
  const [row] = await db.query(
    `SELECT ${unitSubtreeSql('$1')} AS subtree, ${unitLineageSql('$1')} AS lineage`,
    [unitCode],
  );
  return { subtree: row.subtree, lineage: row.lineage };
}

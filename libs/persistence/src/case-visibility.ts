import { type EntityManager } from 'typeorm';

/** The calling staff member as case visibility sees them. */
export interface CaseViewer {
  userId: string;
  unitCode: string;
}

/**
 * SQL condition over the `cases` row aliased `c`: the viewer may see the case. Its responsible, holding,
 * registering or matter unit lies in the viewer's unit subtree, or the viewer is its handler or package
 * leader; and never when the viewer, or the viewer's unit, is accused by it — that exclusion overrides
 * scope and naming. `userParam` and `unitParam` are the placeholders holding the viewer's id and unit.
 */
export function caseVisibleTo(userParam: string, unitParam: string): string {
  // ARRAY(...) over the subtree does not depend on the row: PostgreSQL computes it once per query.
  return `NOT (${userParam}::varchar = ANY(c.accused_user_ids) OR ${unitParam}::varchar = ANY(c.accused_unit_codes))
    AND (c.handler_user_id = ${userParam} OR c.package_leader_user_id = ${userParam}
      OR ARRAY[c.responsible_unit_code, c.holding_unit_code, c.registering_unit_code, c.unit_code]::varchar[] && ARRAY(
        WITH RECURSIVE scope AS (
          SELECT code FROM units WHERE code = ${unitParam}
          UNION ALL SELECT u.code FROM units u JOIN scope s ON u.parent_code = s.code
        ) SELECT code FROM scope)::varchar[])`;
}

/** Whether the viewer may see this one case (false too when it does not exist). */
export async function canSeeCase(
  db: EntityManager,
  viewer: CaseViewer,
  caseNumber: string,
): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM cases c WHERE c.case_number = $1 AND ${caseVisibleTo('$2', '$3')}`,
    [caseNumber, viewer.userId, viewer.unitCode],
  );
  return rows.length > 0;
}

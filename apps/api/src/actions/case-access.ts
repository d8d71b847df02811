import { type EntityManager } from 'typeorm';
import { type CaseEntity } from '../../../../libs/persistence/src';

/** The calling user as authorization sees it. */
export interface Caller {
  userId: string;
  unitCode: string;
}

/**
 * Whether a case is the caller's business: its unit (responsible, holding, registering or where the
 * matter arises) lies in the caller's unit subtree, or the caller is named on it. An accusation is never
 * visible to the accused person or to the staff of the accused unit, whatever their scope: that
 * exclusion overrides everything else.
 */
export async function canSeeCase(db: EntityManager, caller: Caller, found: CaseEntity): Promise<boolean> {
  if (found.accusedUserIds.includes(caller.userId) || found.accusedUnitCodes.includes(caller.unitCode))
    return false;
  if (found.handlerUserId === caller.userId || found.packageLeaderUserId === caller.userId) return true;
  const caseUnits = [
    found.responsibleUnitCode,
    found.holdingUnitCode,
    found.registeringUnitCode,
    found.unitCode,
  ].filter((code): code is string => Boolean(code));
  const [row] = await db.query(
    `WITH RECURSIVE subtree AS (
       SELECT code FROM units WHERE code = $1
       UNION ALL SELECT u.code FROM units u JOIN subtree s ON u.parent_code = s.code
     ) SELECT EXISTS (SELECT 1 FROM subtree WHERE code = ANY($2)) AS visible`,
    [caller.unitCode, caseUnits],
  );
  return row.visible === true;
}

import { PersonRef } from '../org/principal';
import { isInSubtree, UnitTree } from '../org/units';
import { caseError } from './case-errors';
import { CaseState } from './case-state';

/**
 * A case must never reach an accused unit or person (arts. 30, 46). A unit is excluded when it is an
 * accused unit or lies below one (checked when the tree is at hand; otherwise by code alone).
 */
export function assertNotAccusedUnit(
  state: CaseState,
  unitCode: string,
  tree: UnitTree | undefined,
  field: string,
): void {
  const hit = state.accused.unitCodes.find((accused) =>
    tree ? isInSubtree(tree, accused, unitCode) || accused === unitCode : accused === unitCode,
  );
  if (hit === undefined) return;
  throw caseError('ACCUSED_UNIT_EXCLUDED', {
    zh: '检举控告事项不得转送、交办给被检举控告的单位或由其办理',
    en: 'an accusation may not be sent to, or handled by, the accused unit',
    field,
    details: { unitCode },
  });
}

export function assertNotAccusedPerson(state: CaseState, person: PersonRef, field: string): void {
  if (!state.accused.userIds.includes(person.userId)) return;
  throw caseError('ACCUSED_PERSON_EXCLUDED', {
    zh: '被检举控告人不得承办或包案本案',
    en: 'the accused person may not handle or lead this case',
    field,
  });
}

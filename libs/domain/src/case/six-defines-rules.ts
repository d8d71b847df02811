import { assertPrincipal, PersonRef } from '../org/principal';
import { isLeaderRole, ROLE_LABELS } from '../org/roles';
import { isInSubtree, requireUnit, UnitTree } from '../org/units';
import { SixDefinesInput } from './actions';
import { assertNotAccusedPerson, assertNotAccusedUnit } from './accused-exclusion';
import { caseError } from './case-errors';
import { assertNotRecusedPerson, interestOf } from './recusal';
import { CaseState, SIX_DEFINE_FIELDS, SIX_DEFINE_LABELS, SixDefines } from './case-state';
import { requireLocalDate, requireText } from './input-checks';
import { compareLocalDates, LocalDate } from './time-values';

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** All six must be present: one error listing every missing define. */
function assertComplete(input: SixDefinesInput, field: string): void {
  const missing = SIX_DEFINE_FIELDS.filter((key) => isMissing(input[key]));
  if (missing.length === 0) return;
  throw caseError('SIX_DEFINES_INCOMPLETE', {
    zh: `六定未齐：缺少${missing.map((key) => SIX_DEFINE_LABELS[key]).join('、')}`,
    en: `six defines incomplete: ${missing.join(', ')} missing`,
    field: `${field}.${missing[0]}`,
    details: { missing },
  });
}

/**
 * Checks a full set of six defines for a case and returns it cleaned:
 * all six present; the responsible unit is the accepting unit or below it; the handler belongs to
 * the responsible unit; the package leader holds a leader role; the completion deadline is not after
 * the statutory handling deadline; and, for an accusation, no accused unit or person is named.
 */
export function checkSixDefines(
  input: SixDefinesInput,
  state: CaseState,
  tree: UnitTree,
  statutoryLastDay: LocalDate,
  field = 'defines',
): SixDefines {
  assertComplete(input, field);
  const defines = input as SixDefines;
  assertPrincipal(defines.packageLeader, `${field}.packageLeader`);
  assertPrincipal(defines.handler, `${field}.handler`);
  const completionDeadline = requireLocalDate(defines.completionDeadline, `${field}.completionDeadline`);
  const resolutionPlan = requireText(defines.resolutionPlan, `${field}.resolutionPlan`, '化解方案');
  const targetOutcome = requireText(defines.targetOutcome, `${field}.targetOutcome`, '化解目标');
  const responsibleUnitCode = requireUnit(
    tree,
    defines.responsibleUnitCode,
    `${field}.responsibleUnitCode`,
  ).code;

  if (!isInSubtree(tree, state.holdingUnitCode, responsibleUnitCode)) {
    throw caseError('RESPONSIBLE_UNIT_OUT_OF_SCOPE', {
      zh: `责任单位须为受理单位 ${state.holdingUnitCode} 或其下级单位`,
      en: `the responsible unit must be the accepting unit ${state.holdingUnitCode} or below it`,
      field: `${field}.responsibleUnitCode`,
    });
  }
  if (defines.handler.unitCode !== responsibleUnitCode) {
    throw caseError('HANDLER_NOT_IN_UNIT', {
      zh: `责任人须为责任单位 ${responsibleUnitCode} 的工作人员`,
      en: `the handler must belong to the responsible unit ${responsibleUnitCode}`,
      field: `${field}.handler`,
    });
  }
  if (!isLeaderRole(defines.packageLeader.role)) {
    throw caseError('PACKAGE_LEADER_NOT_LEADER', {
      zh: `包案领导须担任领导职务（现为${ROLE_LABELS[defines.packageLeader.role]}）`,
      en: `the package leader must hold a leader role, not ${defines.packageLeader.role}`,
      field: `${field}.packageLeader`,
    });
  }
  if (compareLocalDates(completionDeadline, statutoryLastDay) > 0) {
    throw caseError('DEADLINE_BEYOND_LIMIT', {
      zh: `办结时限 ${completionDeadline} 晚于法定期限 ${statutoryLastDay}`,
      en: `completion deadline ${completionDeadline} is after the statutory limit ${statutoryLastDay}`,
      field: `${field}.completionDeadline`,
      details: { statutoryLastDay },
    });
  }
  assertNotAccusedUnit(state, responsibleUnitCode, tree, `${field}.responsibleUnitCode`);
  assertNotAccusedPerson(state, defines.handler, `${field}.handler`);
  assertNotAccusedPerson(state, defines.packageLeader, `${field}.packageLeader`);
  assertNotRecusedPerson(state, defines.handler, `${field}.handler`);
  assertNotRecusedPerson(state, defines.packageLeader, `${field}.packageLeader`);

  const person = (ref: PersonRef): PersonRef => ({
    userId: ref.userId,
    name: ref.name,
    role: ref.role,
    unitCode: ref.unitCode,
  });
  return {
    packageLeader: person(defines.packageLeader),
    responsibleUnitCode,
    handler: person(defines.handler),
    resolutionPlan,
    completionDeadline,
    targetOutcome,
  };
}

/**
 * The first six defines of a case registered in a leader's reception session: the receiving leader is
 * the package leader (filled in when the input names none; naming another is refused — changing the
 * package leader later is a reassignment with a reason).
 */
export function withReceptionLeader(input: SixDefinesInput, state: CaseState): SixDefinesInput {
  const leader = state.reception?.leader;
  // A receiving leader who has to step aside (art. 28) leaves the package leader to be named.
  if (!leader || interestOf(state, leader.userId) !== null) return input;
  const named = input.packageLeader;
  if (named === undefined || named === null) return { ...input, packageLeader: leader };
  if (named.userId !== leader.userId) {
    throw caseError('PACKAGE_LEADER_PRESET', {
      zh: `本案登记于领导接待日，包案领导为接待领导 ${leader.name}`,
      en: `a case registered in a reception session has the receiving leader ${leader.userId} as package leader`,
      field: 'defines.packageLeader',
      details: { packageLeaderUserId: leader.userId },
    });
  }
  return input;
}

/** The current defines with the submitted changes laid over them (absent fields keep their value). */
export function mergeDefines(current: SixDefines, changes: SixDefinesInput): SixDefinesInput {
  const merged: Record<string, unknown> = { ...current };
  for (const key of SIX_DEFINE_FIELDS) {
    if (changes[key] !== undefined && changes[key] !== null) merged[key] = changes[key];
  }
  return merged as SixDefinesInput;
}

export function sameDefines(a: SixDefines, b: SixDefines): boolean {
  return SIX_DEFINE_FIELDS.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

import { HandlingBody } from '../org/bodies';
import { Principal } from '../org/principal';
import { ROLE_LABELS } from '../org/roles';
import { ancestorsOf, topUnit } from '../org/units';
import { CaseActionType, CASE_ACTION_LABELS } from './actions';
import { CaseActor, isSystemActor } from './actor';
import { caseError } from './case-errors';
import { CaseState } from './case-state';
import { CaseFacts, requireFact } from './facts';
import { ACTION_ROLES } from './transition-table';

/** Role check from the table (`ROLE_NOT_ALLOWED`, forbidden). */
export function assertRoleAllowed(actor: CaseActor, action: CaseActionType): void {
  const allowed = ACTION_ROLES[action];
  const role = isSystemActor(actor) ? 'system' : actor.role;
  if (!allowed.includes(role)) {
    const roleLabel = role === 'system' ? '系统' : ROLE_LABELS[role];
    throw caseError('ROLE_NOT_ALLOWED', {
      zh: `${roleLabel}无权执行“${CASE_ACTION_LABELS[action]}”`,
      en: `role ${role} may not ${action}`,
      details: { role, action, allowed },
    });
  }
}

/** The unit the case belongs to now: the responsible unit once there is one, else the holding unit. */
export function caseUnitOf(state: CaseState): string {
  return state.responsibleUnitCode ?? state.holdingUnitCode;
}

/** Named on the case as handler or package leader (a reception-day case names its leader from the start). */
export function isNamedOnCase(state: CaseState, person: Principal): boolean {
  const defines = state.sixDefines;
  if (defines === null) return state.reception?.leader.userId === person.userId;
  return defines.handler.userId === person.userId || defines.packageLeader.userId === person.userId;
}

/** Triage belongs to the unit holding the case. */
export function assertHoldingUnit(state: CaseState, actor: CaseActor): void {
  if (isSystemActor(actor) || actor.unitCode === state.holdingUnitCode) return;
  throw caseError('NOT_HOLDING_UNIT', {
    zh: `本案现由单位 ${state.holdingUnitCode} 分流办理，您所在单位不能操作`,
    en: `only unit ${state.holdingUnitCode}, which holds the case, may do this`,
    details: { holdingUnitCode: state.holdingUnitCode },
  });
}

/** Staff of the holding or responsible unit, or named on the case. */
export function isOnCase(state: CaseState, person: Principal): boolean {
  return (
    person.unitCode === state.holdingUnitCode ||
    person.unitCode === state.responsibleUnitCode ||
    isNamedOnCase(state, person)
  );
}

function notOnCase(state: CaseState): Error {
  return caseError('NOT_ON_CASE', {
    zh: '您不是本案的承办单位人员或包案人员',
    en: 'you are neither in the unit handling this case nor named on it',
    details: { caseUnitCode: caseUnitOf(state) },
  });
}

/** The case team: staff of the holding or responsible unit, or the named handler and package leader. */
export function assertOnCase(state: CaseState, actor: CaseActor): void {
  if (isSystemActor(actor) || isOnCase(state, actor)) return;
  throw notOnCase(state);
}

/** The case team, or anyone in a unit above the case's unit (leaders' instructions, supervision). */
export function assertOnCaseOrAbove(
  state: CaseState,
  actor: CaseActor,
  facts: CaseFacts,
  action: CaseActionType,
): void {
  if (isSystemActor(actor) || isOnCase(state, actor)) return;
  const tree = requireFact(facts, 'unitTree', action);
  if (ancestorsOf(tree, caseUnitOf(state)).some((unit) => unit.code === actor.unitCode)) return;
  throw notOnCase(state);
}

/** Acting for a deciding body: its own staff; for a body above the top unit, the top unit records its acts. */
export function assertActsForBody(
  actor: CaseActor,
  body: HandlingBody,
  facts: CaseFacts,
  action: CaseActionType,
): void {
  if (isSystemActor(actor)) return;
  if (body.kind === 'unit' && actor.unitCode === body.code) return;
  if (body.kind === 'external' && actor.unitCode === topUnit(requireFact(facts, 'unitTree', action)).code)
    return;
  const name = body.kind === 'unit' ? body.code : body.name;
  throw caseError('NOT_DECIDING_BODY', {
    zh: `此操作应由${name}办理`,
    en: `only ${name} (or, for a body outside the system, the top unit) may do this`,
    details: { body },
  });
}

/** Extension approval: a unit leader of the responsible unit. */
export function assertResponsibleUnitLeader(state: CaseState, actor: CaseActor): void {
  if (isSystemActor(actor)) return;
  if (actor.role === 'unitLeader' && actor.unitCode === caseUnitOf(state)) return;
  throw caseError('NOT_RESPONSIBLE_UNIT_LEADER', {
    zh: '延期须由责任单位负责人审批',
    en: 'an extension is approved by a leader of the responsible unit',
    details: { responsibleUnitCode: caseUnitOf(state) },
  });
}

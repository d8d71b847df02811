/**
 * Recusal (回避), art. 28 of the 2022 Regulation: 信访工作人员与信访事项或者信访人有直接利害关系的，应当回避.
 *
 * - A staff member declares their own interest (自行回避): effective at once.
 * - A petitioner's request for someone's recusal (申请回避) is recorded by staff on the case with the
 *   person and the ground. While pending it blocks nothing; the same person's request while one is
 *   pending is the same request (recorded once).
 * - The request is decided (决定回避 or 驳回申请, with a reason) by a leader (单位负责人) of the unit the
 *   person belongs to; when the person is a leader of that unit, by a leader of the unit above; when
 *   that unit is the top unit, by another leader of it (the leadership collectively, 领导班子).
 * - A recused person — upheld or self-declared — and an accused person (state.accused.userIds, who has
 *   an interest by definition) may not act on the case at all (RECUSED_PERSON, 403), nor be named its
 *   handler, package leader or duty performer (RECUSED_PERSON_NAMED / ACCUSED_PERSON_EXCLUDED, 422).
 *   Holding a six-defines seat when recused makes a reassignment due, and the next reassignment must
 *   replace them (it is refused while it still names them).
 * Every check here fires only once a recusal or an accusation exists on the case.
 */
import { assertPrincipal, PersonRef } from '../org/principal';
import { findUnit, requireUnit, UnitTree } from '../org/units';
import { ActionContext, ActionHandlers } from './action-handler';
import { CaseActionOf } from './actions';
import { CaseActor, isSystemActor } from './actor';
import { assertOnCaseOrAbove } from './actor-checks';
import { caseError } from './case-errors';
import { CaseState, Recusal, SixDefines } from './case-state';
import { CaseFacts, requireFact } from './facts';
import { optionalText, requireOneOf, requireText } from './input-checks';
import {
  RECUSAL_DECISION_LABELS,
  RECUSAL_DECISIONS,
  RECUSAL_GROUND_LABELS,
  RECUSAL_GROUNDS,
  RecusalGround,
} from './vocabulary';

/** Why a person may not take part: accused in the petition, self-declared, or a request upheld. */
export type InterestBasis = 'accused' | 'selfDeclared' | 'upheld';

export const INTEREST_BASIS_LABELS: Readonly<Record<InterestBasis, string>> = {
  accused: '被检举控告人',
  selfDeclared: '已自行回避',
  upheld: '已决定回避',
};

export function recusalsOf(state: CaseState): readonly Recusal[] {
  return state.recusals ?? [];
}

/** The recusal that is in force for the person, if any. */
function recusalInForce(state: CaseState, userId: string): Recusal | undefined {
  return recusalsOf(state).find(
    (recusal) =>
      recusal.person.userId === userId &&
      (recusal.kind === 'selfDeclared' || recusal.ruling?.decision === 'recuse'),
  );
}

/** Why the person may not take part in the case, or null when nothing keeps them out. */
export function interestOf(state: CaseState, userId: string): InterestBasis | null {
  if (state.accused.userIds.includes(userId)) return 'accused';
  const recusal = recusalInForce(state, userId);
  if (!recusal) return null;
  return recusal.kind === 'selfDeclared' ? 'selfDeclared' : 'upheld';
}

export function isRecused(state: CaseState, userId: string): boolean {
  return recusalInForce(state, userId) !== undefined;
}

/** The petitioner's request for this person's recusal that awaits a decision. */
export function pendingRecusalOf(state: CaseState, userId: string): Recusal | undefined {
  return recusalsOf(state).find(
    (recusal) => recusal.kind === 'requested' && recusal.person.userId === userId && recusal.ruling === null,
  );
}

/** A person with an interest may not act on the case at all (any action, 403). */
export function assertMayActOnCase(state: CaseState, actor: CaseActor): void {
  if (isSystemActor(actor)) return;
  const basis = interestOf(state, actor.userId);
  if (basis === null) return;
  throw caseError('RECUSED_PERSON', {
    zh: `您与本信访事项有利害关系（${INTEREST_BASIS_LABELS[basis]}），应当回避，不得办理本案（《信访工作条例》第二十八条）`,
    en: 'you have an interest in this petition and are recused: you may not act on it (art. 28)',
    details: { userId: actor.userId, basis },
  });
}

/** A recused person may not be named handler, package leader or duty performer (422, with the field). */
export function assertNotRecusedPerson(state: CaseState, person: PersonRef, field: string): void {
  const recusal = recusalInForce(state, person.userId);
  if (!recusal) return;
  const basis: InterestBasis = recusal.kind === 'selfDeclared' ? 'selfDeclared' : 'upheld';
  throw caseError('RECUSED_PERSON_NAMED', {
    zh: `${person.name}${INTEREST_BASIS_LABELS[basis]}，不得承办、包案或参与办理本案（《信访工作条例》第二十八条）`,
    en: `${person.userId} is recused and may not handle, lead or work on this case (art. 28)`,
    field,
    details: { userId: person.userId, basis },
  });
}

/** The six-defines seats held by a person who has to step aside: each must be replaced by a reassignment. */
export interface SeatToReplace {
  readonly field: 'handler' | 'packageLeader';
  readonly person: PersonRef;
  readonly basis: InterestBasis;
}

export function seatsToReplace(state: CaseState): SeatToReplace[] {
  const defines: SixDefines | null = state.sixDefines;
  if (defines === null) return [];
  const seats: SeatToReplace[] = [];
  for (const field of ['handler', 'packageLeader'] as const) {
    const basis = interestOf(state, defines[field].userId);
    if (basis !== null) seats.push({ field, person: defines[field], basis });
  }
  return seats;
}

/**
 * Whose leader decides a request for this person's recusal: a leader of the person's unit; for a leader
 * of that unit, a leader of the unit above (for the top unit's leader, another leader of the top unit).
 */
export function recusalDecidingUnit(person: PersonRef, tree: UnitTree): string {
  const unit = requireUnit(tree, person.unitCode, 'userId');
  if (person.role !== 'unitLeader' || unit.parentCode === null) return unit.code;
  return findUnit(tree, unit.parentCode)?.code ?? unit.code;
}

function groundOf(
  value: unknown,
  explanation: unknown,
): { ground: RecusalGround; explanation: string | null } {
  const ground = requireOneOf(value, RECUSAL_GROUNDS, 'ground');
  const text = optionalText(explanation, 'explanation');
  if (ground === 'other' && text === null) {
    throw caseError('FIELD_REQUIRED', {
      zh: '“其他利害关系”须说明具体情形',
      en: 'explanation is required when the ground is other',
      field: 'explanation',
    });
  }
  return { ground, explanation: text };
}

function personRef(person: PersonRef): PersonRef {
  return { userId: person.userId, name: person.name, role: person.role, unitCode: person.unitCode };
}

function withRecusal(state: CaseState, recusal: Recusal): CaseState {
  return { ...state, recusals: [...recusalsOf(state), recusal] };
}

function describe(person: PersonRef, ground: RecusalGround, explanation: string | null): string {
  return `${person.name}（${person.unitCode}）${RECUSAL_GROUND_LABELS[ground]}${explanation ? `：${explanation}` : ''}`;
}

function seatsText(seats: readonly SeatToReplace[]): string {
  const labels = { handler: '责任人', packageLeader: '包案领导' } as const;
  return seats.length === 0
    ? ''
    : `；其现任${seats.map((seat) => labels[seat.field]).join('、')}，须调整六定另行指定`;
}

/** A recusal request is decided by a leader of the unit above the person (or the top unit), never the person. */
export function assertMayDecideRecusal(actor: CaseActor, request: Recusal, facts: CaseFacts): void {
  if (isSystemActor(actor)) return;
  const unitCode = recusalDecidingUnit(request.person, requireFact(facts, 'unitTree', 'decideRecusal'));
  if (actor.role !== 'unitLeader' || actor.unitCode !== unitCode || actor.userId === request.person.userId) {
    throw caseError('NOT_RECUSAL_DECIDER', {
      zh: `对${request.person.name}的回避申请应由单位 ${unitCode} 的负责人决定（本人不得决定）`,
      en: `a request for ${request.person.userId}'s recusal is decided by a leader of unit ${unitCode}, not by the person`,
      details: { decidingUnitCode: unitCode },
    });
  }
}

/**
 * What the timeline shows for a recusal event beyond the action's fields: a readable sentence and the
 * six-defines seats the recused person holds and that a reassignment must now fill with someone else.
 */
export function recusalEventDetails(
  action: CaseActionOf<'declareInterest'> | CaseActionOf<'requestRecusal'> | CaseActionOf<'decideRecusal'>,
  before: CaseState,
  after: CaseState,
  by: CaseActor,
): Record<string, unknown> {
  const { type: _type, ...fields } = action;
  if (action.type === 'declareInterest') {
    const person = isSystemActor(by) ? null : by;
    const seats = person ? seatsToReplace(after).filter((seat) => seat.person.userId === person.userId) : [];
    return {
      ...fields,
      ...(person ? { person: personRef(person) } : {}),
      replacementNeeded: seats.map((seat) => seat.field),
      description: `自行回避：${person ? describe(person, action.ground, optionalText(action.explanation, 'explanation')) : ''}${seatsText(seats)}`,
    };
  }
  if (action.type === 'requestRecusal') {
    const person = personRef(action.person);
    return {
      ...fields,
      person,
      description: `信访人申请回避：${describe(person, action.ground, optionalText(action.explanation, 'explanation'))}；待决定期间不影响办理`,
    };
  }
  const request = pendingRecusalOf(before, action.userId);
  const seats = seatsToReplace(after).filter((seat) => seat.person.userId === action.userId);
  const name = request ? `${request.person.name}（${request.person.unitCode}）` : action.userId;
  return {
    ...fields,
    ...(request ? { person: request.person, ground: request.ground } : {}),
    replacementNeeded: seats.map((seat) => seat.field),
    description: `回避决定：${RECUSAL_DECISION_LABELS[action.decision]}，${name}${
      action.decision === 'recuse' ? '应当回避，不得再办理本案' : '继续参与办理'
    }；理由：${action.reason.trim()}${action.decision === 'recuse' ? seatsText(seats) : ''}`,
  };
}

/** Declaring one's own interest again, or asking again for a pending request's person, records nothing. */
export function isRepeatedRecusal(context: ActionContext, action: { readonly type: string }): boolean {
  const { state, actor } = context;
  if (action.type === 'declareInterest')
    return !isSystemActor(actor) && interestOf(state, actor.userId) !== null;
  if (action.type === 'requestRecusal') {
    const userId = (action as CaseActionOf<'requestRecusal'>).person?.userId;
    return typeof userId === 'string' && pendingRecusalOf(state, userId) !== undefined;
  }
  return false;
}

export const recusalHandlers: ActionHandlers<'declareInterest' | 'requestRecusal' | 'decideRecusal'> = {
  declareInterest: {
    check({ state, actor, facts }, action) {
      groundOf(action.ground, action.explanation);
      assertOnCaseOrAbove(state, actor, facts, action.type);
    },
    apply({ state, actor, at }, action) {
      if (isSystemActor(actor)) return state;
      const { ground, explanation } = groundOf(action.ground, action.explanation);
      return withRecusal(state, {
        kind: 'selfDeclared',
        person: personRef(actor),
        ground,
        explanation,
        at,
        by: actor,
        ruling: null,
      });
    },
  },

  requestRecusal: {
    check({ state, actor, facts }, action) {
      assertPrincipal(action.person, 'person');
      groundOf(action.ground, action.explanation);
      assertOnCaseOrAbove(state, actor, facts, action.type);
      if (interestOf(state, action.person.userId) !== null) {
        throw caseError('ALREADY_RECUSED', {
          zh: '此人已回避或依法不得办理本案，无需再申请',
          en: 'this person is already kept out of the case',
          field: 'userId',
        });
      }
    },
    apply({ state, actor, at }, action) {
      const { ground, explanation } = groundOf(action.ground, action.explanation);
      return withRecusal(state, {
        kind: 'requested',
        person: personRef(action.person),
        ground,
        explanation,
        at,
        by: actor,
        ruling: null,
      });
    },
  },

  decideRecusal: {
    check({ state, actor, facts }, action) {
      requireOneOf(action.decision, RECUSAL_DECISIONS, 'decision');
      requireText(action.reason, 'reason', '决定理由');
      const request = typeof action.userId === 'string' ? pendingRecusalOf(state, action.userId) : undefined;
      if (!request) {
        throw caseError('NO_RECUSAL_PENDING', {
          zh: '此人没有待决定的回避申请',
          en: 'there is no pending recusal request for this person',
          field: 'userId',
        });
      }
      assertMayDecideRecusal(actor, request, facts);
    },
    apply({ state, actor, at }, action) {
      const request = pendingRecusalOf(state, action.userId);
      if (!request) return state;
      const ruling = { decision: action.decision, reason: action.reason.trim(), at, by: actor };
      return {
        ...state,
        recusals: recusalsOf(state).map((recusal) =>
          recusal === request ? { ...recusal, ruling } : recusal,
        ),
      };
    },
  },
};

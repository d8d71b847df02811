import { isInSubtree, requireUnit } from '../org/units';
import { ActionContext, ActionHandlers } from './action-handler';
import { assertNotAccusedUnit } from './accused-exclusion';
import { assertHoldingUnit } from './actor-checks';
import { caseError } from './case-errors';
import { CaseState, RoutingStep } from './case-state';
import { requireFact } from './facts';
import { optionalText, requireLocalDate, requireOneOf, requireText } from './input-checks';
import { compareInstants, LocalDate } from './time-values';
import { NOT_ACCEPT_REASONS } from './vocabulary';

/** The routing step that brought the case to its holding unit (the one a misroute objection answers). */
export function arrivalStep(state: CaseState): RoutingStep {
  const step = [...state.routing]
    .reverse()
    .find((s) => s.kind !== 'objection' && s.toUnitCode === state.holdingUnitCode);
  if (!step) {
    throw caseError('CASE_STATE_CONFLICT', {
      zh: '本案不是转送或交办而来，不能提出异议',
      en: 'the case did not arrive by transfer or assignment',
    });
  }
  return step;
}

/** The case sent on to another unit: the routing step recorded, that unit now holding the case. */
function handedOn(
  { state, actor, at }: ActionContext,
  kind: 'transfer' | 'assignDown',
  action: { readonly toUnitCode: string; readonly reason: string },
  feedbackDueDate: LocalDate | null,
): CaseState {
  const step: RoutingStep = {
    kind,
    fromUnitCode: state.holdingUnitCode,
    toUnitCode: action.toUnitCode,
    reason: action.reason.trim(),
    feedbackDueDate,
    at,
    by: actor,
  };
  return { ...state, routing: [...state.routing, step], holdingUnitCode: action.toUnitCode };
}

/** Triage at the holding unit (分流): accept, send on, decline, or object to a misrouted case. */
export const triageHandlers: ActionHandlers<
  'accept' | 'transfer' | 'assignDown' | 'notAccept' | 'objectMisroute'
> = {
  accept: {
    check({ state, actor, facts }) {
      assertHoldingUnit(state, actor);
      assertNotAccusedUnit(state, state.holdingUnitCode, facts.unitTree, 'holdingUnitCode');
    },
    apply({ state, at }) {
      return { ...state, acceptedAt: at, responsibleUnitCode: state.holdingUnitCode };
    },
  },

  transfer: {
    check({ state, actor, facts }, action) {
      assertHoldingUnit(state, actor);
      requireText(action.reason, 'reason', '转送理由');
      const tree = requireFact(facts, 'unitTree', action.type);
      const target = requireUnit(tree, action.toUnitCode, 'toUnitCode').code;
      if (target === state.holdingUnitCode) {
        throw caseError('TRANSFER_TO_SELF', {
          zh: '不能转送或交办给本单位',
          en: 'a case cannot be sent to the unit holding it',
          field: 'toUnitCode',
        });
      }
      assertNotAccusedUnit(state, target, tree, 'toUnitCode');
    },
    apply: (context, action) => handedOn(context, 'transfer', action, null),
  },

  assignDown: {
    check(context, action) {
      triageHandlers.transfer.check(context, {
        type: 'transfer',
        toUnitCode: action.toUnitCode,
        reason: action.reason,
      });
      const tree = requireFact(context.facts, 'unitTree', action.type);
      if (!isInSubtree(tree, context.state.holdingUnitCode, action.toUnitCode)) {
        throw caseError('ASSIGN_TARGET_NOT_SUBORDINATE', {
          zh: '交办对象须为本单位的下级单位',
          en: 'a case is assigned only to a unit below the holding unit',
          field: 'toUnitCode',
        });
      }
      requireLocalDate(action.feedbackDueDate, 'feedbackDueDate');
    },
    apply: (context, action) => handedOn(context, 'assignDown', action, action.feedbackDueDate),
  },

  notAccept: {
    check({ state, actor }, action) {
      assertHoldingUnit(state, actor);
      const reason = requireOneOf(action.reason, NOT_ACCEPT_REASONS, 'reason');
      requireText(action.explanation, 'explanation', '不予受理理由说明');
      if (reason === 'lawfulChannel') requireText(action.legalChannel, 'legalChannel', '法定途径');
    },
    apply({ state, actor, at }, action) {
      return {
        ...state,
        notAcceptance: {
          reason: action.reason,
          explanation: action.explanation.trim(),
          legalChannel: optionalText(action.legalChannel, 'legalChannel'),
          unitCode: state.holdingUnitCode,
          at,
          by: actor,
        },
      };
    },
  },

  objectMisroute: {
    check({ state, actor, facts, at }, action) {
      assertHoldingUnit(state, actor);
      requireText(action.reason, 'reason', '异议理由');
      arrivalStep(state);
      const windowEndsAt = requireFact(facts, 'windowEndsAt', action.type);
      if (compareInstants(at, windowEndsAt) >= 0) {
        throw caseError('OBJECTION_WINDOW_CLOSED', {
          zh: '已超过提出异议的期限',
          en: 'the time to object that the matter is not this unit’s has passed',
          details: { windowEndsAt },
        });
      }
    },
    apply({ state, actor, at }, action) {
      const sender = arrivalStep(state).fromUnitCode;
      const step: RoutingStep = {
        kind: 'objection',
        fromUnitCode: state.holdingUnitCode,
        toUnitCode: sender,
        reason: action.reason.trim(),
        feedbackDueDate: null,
        at,
        by: actor,
      };
      return { ...state, routing: [...state.routing, step], holdingUnitCode: sender };
    },
  },
};

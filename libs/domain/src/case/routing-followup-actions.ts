import { ActionHandlers } from './action-handler';
import { assertHoldingUnit, assertOnCase } from './actor-checks';
import { caseError } from './case-errors';
import { CaseState, CompletionReport, RoutingStep } from './case-state';
import { requireFact } from './facts';
import { requireOneOf, requireText, requireTextList } from './input-checks';
import { compareLocalDates } from './time-values';
import { OBJECTION_DECISIONS } from './vocabulary';

/** The receiving unit's objection that brought the case back to its holder, still awaiting a ruling. */
export function pendingObjection(state: CaseState): RoutingStep {
  const last = state.routing[state.routing.length - 1];
  if (!last || last.kind !== 'objection' || last.toUnitCode !== state.holdingUnitCode || last.ruling) {
    throw caseError('NO_OBJECTION_PENDING', {
      zh: '本案没有待处理的异议',
      en: 'no misroute objection awaits a decision on this case',
    });
  }
  return last;
}

/**
 * The assignment (交办) that put the case in the hands of its holding unit: the latest assignDown to that
 * unit (an overruled objection keeps the assignment it answered); undefined when it came otherwise.
 */
export function assignmentOfHolder(state: CaseState): RoutingStep | undefined {
  return [...state.routing]
    .reverse()
    .find((s) => s.kind === 'assignDown' && s.toUnitCode === state.holdingUnitCode);
}

export function assignmentToHolder(state: CaseState): RoutingStep {
  const step = assignmentOfHolder(state);
  if (!step) {
    throw caseError('NOT_ASSIGNED_DOWN', {
      zh: '本案不是上级交办本单位的案件，无需办结报告',
      en: 'the case was not assigned down to the unit holding it; no completion report is due',
    });
  }
  return step;
}

/**
 * What follows a move between units: the sender's decision on the receiving unit's objection, and the
 * receiving unit's completion report (办结报告) on an assigned-down case.
 */
export const routingFollowupHandlers: ActionHandlers<'decideObjection' | 'reportCompletion'> = {
  decideObjection: {
    check({ state, actor }, action) {
      assertHoldingUnit(state, actor);
      requireOneOf(action.decision, OBJECTION_DECISIONS, 'decision');
      requireText(action.reason, 'reason', '处理理由');
      pendingObjection(state);
    },
    apply({ state, actor, at }, action) {
      const objection = pendingObjection(state);
      const ruling = { decision: action.decision, reason: action.reason.trim(), at, by: actor };
      const routing = [...state.routing.slice(0, -1), { ...objection, ruling }];
      if (action.decision === 'uphold') return { ...state, routing };
      // Overruled: back to the objecting unit, with the feedback date of the assignment it objected to.
      const answered = [...state.routing]
        .reverse()
        .find((s) => s.kind !== 'objection' && s.toUnitCode === objection.fromUnitCode);
      const back: RoutingStep = {
        kind: 'objectionOverruled',
        fromUnitCode: state.holdingUnitCode,
        toUnitCode: objection.fromUnitCode,
        reason: ruling.reason,
        feedbackDueDate: answered?.feedbackDueDate ?? null,
        at,
        by: actor,
      };
      return { ...state, routing: [...routing, back], holdingUnitCode: objection.fromUnitCode };
    },
  },

  reportCompletion: {
    check({ state, actor, facts }, action) {
      assertOnCase(state, actor);
      requireText(action.summary, 'summary', '办结情况');
      requireTextList(action.evidenceRefs, 'evidenceRefs', '佐证材料', 1);
      assignmentToHolder(state);
      requireFact(facts, 'today', action.type);
      if (state.completionReport) {
        throw caseError('COMPLETION_ALREADY_REPORTED', {
          zh: '本案已报送办结报告',
          en: 'the completion report has already been sent',
        });
      }
    },
    apply({ state, actor, at, facts }, action) {
      const assignment = assignmentToHolder(state);
      const today = requireFact(facts, 'today', action.type);
      const due = assignment.feedbackDueDate;
      const report: CompletionReport = {
        summary: action.summary.trim(),
        evidenceRefs: [...action.evidenceRefs],
        toUnitCode: assignment.fromUnitCode,
        feedbackDueDate: due,
        late: due !== null && compareLocalDates(today, due) > 0,
        at,
        by: actor,
      };
      return { ...state, completionReport: report };
    },
  },
};

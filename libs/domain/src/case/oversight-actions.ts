import { ActionContext, ActionHandlers } from './action-handler';
import { isSystemActor } from './actor';
import {
  assertActsForBody,
  assertHoldingUnit,
  assertOnCase,
  assertOnCaseOrAbove,
  isOnCase,
} from './actor-checks';
import { caseError } from './case-errors';
import { type PauseReason } from '../policy/policy';
import { CLOCK_LABELS } from '../policy/statute';
import { CaseActionOf } from './actions';
import { ActivePause, CaseState, CompletedPause, SupervisionRecord } from './case-state';
import { requireFact } from './facts';
import { optionalLocalDate, optionalText, requireText } from './input-checks';
import { assertDelivered } from './opinion-actions';
import { clockPhaseOf } from './status';
import { compareInstants } from './time-values';
import { SupervisionKind } from './vocabulary';

/** Pausing and resuming belong to whoever runs the clock of the current phase. */
export function assertRunsClock(context: ActionContext, type: 'pauseClock' | 'resumeClock'): void {
  const { state, actor, facts } = context;
  switch (clockPhaseOf(state.status)) {
    case 'triage':
      return assertHoldingUnit(state, actor);
    case 'reviewDecision':
    case 'reReviewDecision': {
      const review = clockPhaseOf(state.status) === 'reviewDecision' ? state.review : state.reReview;
      if (review) return assertActsForBody(actor, review.body, facts, type);
      return assertOnCase(state, actor);
    }
    default:
      return assertOnCase(state, actor);
  }
}

/**
 * Under lawful clock rules a clock pauses only for a reason its policy lists for that clock, and only
 * while it still runs; undefined for cases that keep the earlier rules (any stated reason).
 */
export function lawfulPauseReason(
  context: ActionContext,
  action: CaseActionOf<'pauseClock'>,
): PauseReason | undefined {
  const reasons = context.facts.pauseReasons;
  if (reasons === undefined) return undefined;
  const clock = requireFact(context.facts, 'runningClock', action.type);
  const listed = reasons.filter((reason) => reason.clocks.includes(clock.name));
  const chosen = listed.find((reason) => reason.code === action.reasonCode);
  if (chosen === undefined) {
    throw caseError('PAUSE_REASON_NOT_LISTED', {
      zh:
        listed.length === 0
          ? `${CLOCK_LABELS[clock.name]}没有法定的暂停理由，不能暂停`
          : `暂停须依据政策列明的理由：${listed.map((reason) => reason.label).join('；')}`,
      en:
        listed.length === 0
          ? `the ${clock.name} clock has no lawful reason to pause`
          : `pause only for a listed reason: ${listed.map((reason) => reason.code).join(', ')}`,
      field: 'reasonCode',
      details: { allowed: listed.map((reason) => reason.code) },
    });
  }
  if (compareInstants(context.at, clock.endsAt) >= 0) {
    throw caseError('CLOCK_ALREADY_RAN_OUT', {
      zh: `${CLOCK_LABELS[clock.name]}已届满，不能暂停`,
      en: `the ${clock.name} clock ran out at ${clock.endsAt}; it cannot be paused`,
      details: { endsAt: clock.endsAt },
    });
  }
  return chosen;
}

/** Ends an open pause: by a resume action, or because the clock phase it belonged to is over. */
export function endPause(
  state: CaseState,
  context: Pick<ActionContext, 'actor' | 'at'>,
  endedWithPhase: boolean,
): CaseState {
  if (state.pause === null) return state;
  const ended: CompletedPause = {
    ...state.pause,
    resumedAt: context.at,
    resumedBy: context.actor,
    endedWithPhase,
  };
  return { ...state, pause: null, pauses: [...state.pauses, ended] };
}

function supervision(
  context: ActionContext,
  kind: SupervisionKind,
  text: string,
  dueDate: string | null,
): CaseState {
  const record: SupervisionRecord = { kind, text: text.trim(), dueDate, at: context.at, by: context.actor };
  return { ...context.state, supervision: [...context.state.supervision, record] };
}

/** Close needs the petitioner's request window to have lapsed after the last opinion was delivered. */
export function checkClose(context: ActionContext): void {
  const { state, actor, facts, at } = context;
  if (!isSystemActor(actor) && !isOnCase(state, actor)) {
    if (state.review === null) assertOnCase(state, actor);
    else assertActsForBody(actor, state.review.body, facts, 'close');
  }
  assertDelivered(state, state.status === 'reviewed' ? 'reviewOpinion' : 'reply');
  const windowEndsAt = requireFact(facts, 'windowEndsAt', 'close');
  if (compareInstants(at, windowEndsAt) < 0) {
    throw caseError('REQUEST_WINDOW_STILL_OPEN', {
      zh: '申请复查（复核）的期限尚未届满，不能办结',
      en: 'the petitioner may still ask for review; the case cannot close yet',
      details: { windowEndsAt },
    });
  }
}

/** Leaders' instructions, supervision, the paused clock, and the ways a case ends early or closes. */
export const oversightHandlers: ActionHandlers<
  'instruct' | 'superviseOrder' | 'remind' | 'pauseClock' | 'resumeClock' | 'withdraw' | 'close'
> = {
  instruct: {
    check({ state, actor, facts }, action) {
      requireText(action.text, 'text', '批示内容');
      assertOnCaseOrAbove(state, actor, facts, action.type);
    },
    apply({ state, actor, at }, action) {
      return { ...state, instructions: [...state.instructions, { text: action.text.trim(), at, by: actor }] };
    },
  },

  superviseOrder: {
    check({ state, actor, facts }, action) {
      requireText(action.text, 'text', '督办内容');
      optionalLocalDate(action.dueDate, 'dueDate');
      assertOnCaseOrAbove(state, actor, facts, action.type);
    },
    apply(context, action) {
      return supervision(context, 'order', action.text, action.dueDate ?? null);
    },
  },

  remind: {
    check({ state, actor, facts }, action) {
      requireText(action.text, 'text', '催办内容');
      assertOnCaseOrAbove(state, actor, facts, action.type);
    },
    apply(context, action) {
      return supervision(context, 'reminder', action.text, null);
    },
  },

  pauseClock: {
    check(context, action) {
      requireText(action.reason, 'reason', '暂停理由');
      assertRunsClock(context, action.type);
      if (context.state.pause !== null) {
        throw caseError('CLOCK_ALREADY_PAUSED', { zh: '计时已暂停', en: 'the clock is already paused' });
      }
      lawfulPauseReason(context, action);
    },
    apply(context, action) {
      const { state, actor, at } = context;
      const lawful = lawfulPauseReason(context, action);
      const pause: ActivePause = {
        reason: action.reason.trim(),
        ...(lawful
          ? { reasonCode: lawful.code, legalBasis: lawful.legalBasis, counting: lawful.counting }
          : {}),
        phase: clockPhaseOf(state.status),
        holdingUnitCode: state.holdingUnitCode,
        pausedAt: at,
        pausedBy: actor,
      };
      return { ...state, pause };
    },
  },

  resumeClock: {
    check(context, action) {
      assertRunsClock(context, action.type);
      if (context.state.pause === null) {
        throw caseError('CLOCK_NOT_PAUSED', { zh: '计时未暂停', en: 'the clock is not paused' });
      }
    },
    apply(context) {
      return endPause(context.state, context, false);
    },
  },

  withdraw: {
    check({ state, actor }, action) {
      requireText(action.reason, 'reason', '撤回说明');
      assertOnCase(state, actor);
    },
    apply({ state, actor, at }, action) {
      return { ...state, withdrawal: { reason: action.reason.trim(), at, by: actor } };
    },
  },

  close: {
    check(context, action) {
      optionalText(action.note, 'note');
      checkClose(context);
    },
    apply({ state, actor, at }, action) {
      const reason =
        optionalText(action.note, 'note') ??
        (state.status === 'reviewed'
          ? '复核申请期限届满未申请复核 / re-review window lapsed without a request'
          : '复查申请期限届满未申请复查 / review window lapsed without a request');
      return { ...state, closure: { reason, at, by: actor } };
    },
  },
};

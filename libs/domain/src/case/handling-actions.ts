import { assertPrincipal, PersonRef } from '../org/principal';
import { ActionContext, ActionHandlers } from './action-handler';
import { SixDefinesInput } from './actions';
import { assertOnCase, assertOnCaseOrAbove, assertResponsibleUnitLeader } from './actor-checks';
import { assertNotAccusedPerson } from './accused-exclusion';
import { caseError } from './case-errors';
import { assertNotRecusedPerson } from './recusal';
import { CaseState, DutyRecord, SixDefines } from './case-state';
import { requireFact } from './facts';
import {
  optionalText,
  requireBoolean,
  requireLocalDate,
  requireOneOf,
  requireText,
  requireTextList,
} from './input-checks';
import { checkSixDefines, mergeDefines, sameDefines, withReceptionLeader } from './six-defines-rules';
import { compareInstants } from './time-values';
import { DUTY_KINDS } from './vocabulary';

export function currentDefines(state: CaseState): SixDefines {
  if (state.sixDefines === null) {
    throw caseError('CASE_STATE_CONFLICT', { zh: '本案尚未六定', en: 'the six defines are not set yet' });
  }
  return state.sixDefines;
}

function definesFor(
  context: ActionContext,
  input: SixDefinesInput,
  action: 'defineSix' | 'reassign',
): SixDefines {
  const tree = requireFact(context.facts, 'unitTree', action);
  const lastDay = requireFact(context.facts, 'statutoryHandlingLastDay', action);
  return checkSixDefines(input, context.state, tree, lastDay, action === 'defineSix' ? 'defines' : 'changes');
}

function requireDays(value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw caseError('FIELD_INVALID', {
      zh: '延期天数须为正整数',
      en: 'days must be a positive whole number',
      field: 'days',
    });
  }
  return value as number;
}

function assertWithinMax(days: number, max: number): void {
  if (days <= max) return;
  throw caseError('EXTENSION_TOO_LONG', {
    zh: `延期不得超过 ${max} 日`,
    en: `an extension is at most ${max} days`,
    field: 'days',
    details: { max },
  });
}

/** One extension per case (art. 33): none granted yet, none awaiting approval. */
export function assertNoExtensionYet(state: CaseState): void {
  if (state.extension.granted !== null) {
    throw caseError('EXTENSION_ALREADY_USED', {
      zh: '本案已延期一次，不得再次延期',
      en: 'the one extension has already been granted',
    });
  }
  if (state.extension.pending !== null) {
    throw caseError('EXTENSION_ALREADY_REQUESTED', {
      zh: '已有待审批的延期申请',
      en: 'an extension request is already awaiting approval',
    });
  }
}

/** Art. 34: the extension is asked and granted while the handling period runs (lawful clock rules). */
export function assertHandlingPeriodRuns(context: ActionContext): void {
  const clock = context.facts.runningClock;
  if (clock?.name !== 'handling' || compareInstants(context.at, clock.endsAt) < 0) return;
  throw caseError('EXTENSION_AFTER_DEADLINE', {
    zh: '办理期限已届满，不能再申请或批准延期',
    en: `the handling period ended at ${clock.endsAt}; an extension can no longer be requested or granted`,
    details: { endsAt: clock.endsAt },
  });
}

/** Nobody with an interest in the case performs its duties (arts. 28, 30). */
function assertPerformersMayTakePart(state: CaseState, people: readonly PersonRef[]): void {
  people.forEach((person, index) => {
    assertNotAccusedPerson(state, person, `performedBy[${index}]`);
    assertNotRecusedPerson(state, person, `performedBy[${index}]`);
  });
}

function checkedPeople(value: unknown): PersonRef[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw caseError('FIELD_REQUIRED', {
      zh: '请填写办理人员',
      en: 'performedBy is required',
      field: 'performedBy',
    });
  }
  value.forEach((person, index) => assertPrincipal(person, `performedBy[${index}]`));
  return (value as PersonRef[]).map((p) => ({
    userId: p.userId,
    name: p.name,
    role: p.role,
    unitCode: p.unitCode,
  }));
}

/** The six defines, and the package team's work while handling: duties and the one extension. */
export const handlingHandlers: ActionHandlers<
  'defineSix' | 'reassign' | 'recordDuty' | 'requestExtension' | 'approveExtension'
> = {
  defineSix: {
    check(context, action) {
      assertOnCaseOrAbove(context.state, context.actor, context.facts, action.type);
      definesFor(context, withReceptionLeader(action.defines ?? {}, context.state), action.type);
    },
    apply(context, action) {
      const defines = definesFor(context, withReceptionLeader(action.defines, context.state), action.type);
      return { ...context.state, sixDefines: defines, responsibleUnitCode: defines.responsibleUnitCode };
    },
  },

  reassign: {
    check(context, action) {
      assertOnCaseOrAbove(context.state, context.actor, context.facts, action.type);
      requireText(action.reason, 'reason', '调整理由');
      const current = currentDefines(context.state);
      const next = definesFor(context, mergeDefines(current, action.changes ?? {}), action.type);
      if (sameDefines(current, next)) {
        throw caseError('REASSIGN_NO_CHANGE', {
          zh: '六定没有变化',
          en: 'the six defines are unchanged',
          field: 'changes',
        });
      }
    },
    apply(context, action) {
      const { state, actor, at } = context;
      const previous = currentDefines(state);
      const next = definesFor(context, mergeDefines(previous, action.changes), action.type);
      return {
        ...state,
        sixDefines: next,
        responsibleUnitCode: next.responsibleUnitCode,
        sixDefinesHistory: [
          ...state.sixDefinesHistory,
          { previous, reason: action.reason.trim(), at, by: actor },
        ],
      };
    },
  },

  recordDuty: {
    check({ state, actor }, action) {
      assertOnCase(state, actor);
      const duty = requireOneOf(action.duty, DUTY_KINDS, 'duty');
      assertPerformersMayTakePart(state, checkedPeople(action.performedBy));
      requireLocalDate(action.performedOn, 'performedOn');
      requireText(action.summary, 'summary', '办理情况');
      requireTextList(action.evidenceRefs, 'evidenceRefs', '佐证材料', 1);
      if ((duty === 'replyAndSettle' || duty === 'followUpVisit') && state.reply === null) {
        throw caseError('DUTY_NEEDS_REPLY', {
          zh: '答复息诉和回访须在出具处理意见后记录',
          en: `${duty} is recorded only after the handling opinion is issued`,
          field: 'duty',
        });
      }
    },
    apply({ state, actor, at }, action) {
      const record: DutyRecord = {
        duty: action.duty,
        performedBy: checkedPeople(action.performedBy),
        performedOn: action.performedOn,
        summary: action.summary.trim(),
        evidenceRefs: [...action.evidenceRefs],
        recordedAt: at,
        recordedBy: actor,
      };
      return { ...state, duties: [...state.duties, record] };
    },
  },

  requestExtension: {
    check(context, action) {
      const { state, actor, facts } = context;
      assertOnCase(state, actor);
      const days = requireDays(action.days);
      requireText(action.reason, 'reason', '延期理由');
      assertNoExtensionYet(state);
      assertWithinMax(days, requireFact(facts, 'maxExtensionDays', action.type));
      assertHandlingPeriodRuns(context);
    },
    apply({ state, actor, at }, action) {
      const pending = {
        days: action.days,
        reason: action.reason.trim(),
        requestedAt: at,
        requestedBy: actor,
      };
      return { ...state, extension: { ...state.extension, pending } };
    },
  },

  approveExtension: {
    check(context, action) {
      const { state, actor, facts } = context;
      assertResponsibleUnitLeader(state, actor);
      const pending = state.extension.pending;
      if (pending === null) {
        throw caseError('NO_EXTENSION_PENDING', {
          zh: '没有待审批的延期申请',
          en: 'no extension request is pending',
        });
      }
      const granted = requireBoolean(action.granted, 'granted');
      optionalText(action.note, 'note');
      if (granted) {
        assertWithinMax(pending.days, requireFact(facts, 'maxExtensionDays', action.type));
        assertHandlingPeriodRuns(context);
      }
    },
    apply({ state, actor, at }, action) {
      const pending = state.extension.pending;
      if (pending === null) return state;
      const decision = {
        ...pending,
        granted: action.granted,
        note: optionalText(action.note, 'note'),
        decidedAt: at,
        decidedBy: actor,
      };
      return {
        ...state,
        extension: action.granted
          ? { ...state.extension, pending: null, granted: decision }
          : { ...state.extension, pending: null, refused: [...state.extension.refused, decision] },
      };
    },
  },
};

/**
 * What a person may do on a case right now: for every staff action, whether the case's status, the
 * person's role, the unit holding the case, the person's place on it and the case's own facts (a pending
 * request, an issued opinion, a running window…) permit it. The body's fields are left out: an action is
 * allowed when the only refusals left would be about its input (a missing reason, a unit that is not
 * below, too many days…).
 *
 * Built from the very checks `decide` runs (the same helpers, in the same order), so that what the
 * console offers is what the workflow accepts; a generated table (allowed-now.spec.ts) holds them equal.
 */
import { DomainError, isDomainError } from '../errors';
import { isInSubtree } from '../org/units';
import { ActionContext, CaseCommandType } from './action-handler';
import { CASE_ACTION_TYPES } from './actions';
import { CaseActor, recordedActor } from './actor';
import { assertNotAccusedUnit } from './accused-exclusion';
import {
  assertActsForBody,
  assertHoldingUnit,
  assertOnCase,
  assertOnCaseOrAbove,
  assertResponsibleUnitLeader,
} from './actor-checks';
import { caseError } from './case-errors';
import { CaseState } from './case-state';
import { checkStatusRoleAndInterest } from './decide';
import { CaseFacts, requireFact } from './facts';
import { assertHandlingPeriodRuns, assertNoExtensionYet, currentDefines } from './handling-actions';
import {
  assertDeliverable,
  assertDelivered,
  assertMayDeliver,
  assertNotYetRequested,
  assertWithinWindow,
  decidingBody,
  opinionOf,
  receivedMoment,
  requireReview,
  REVIEW_REQUEST_RULES,
} from './opinion-actions';
import { assertRunsClock, checkClose, lawfulPauseReason } from './oversight-actions';
import { assertMayDecideRecusal, pendingRecusalOf, recusalsOf } from './recusal';
import { assignmentToHolder, pendingObjection } from './routing-followup-actions';
import { arrivalStep } from './triage-actions';
import { compareInstants } from './time-values';
import { OPINION_DOCUMENTS, OpinionDocument } from './vocabulary';

/** Allowed, or refused with the code and message `decide` would answer whatever the body said. */
export type ActionAvailability =
  { readonly allowed: true } | { readonly allowed: false; readonly code: string; readonly message: string };

/** Every action staff perform on a registered case (registration itself is not an action on a case). */
export const CASE_COMMAND_TYPES = CASE_ACTION_TYPES.filter(
  (type): type is CaseCommandType => type !== 'register',
);

/** The facts of one action (the misroute objection has its own window), or the same facts for all. */
export type FactsForAction = CaseFacts | ((type: CaseCommandType) => CaseFacts);

/** A recorded opinion awaiting its delivery, in the order the documents are issued. */
function undeliveredDocuments(state: CaseState): OpinionDocument[] {
  return OPINION_DOCUMENTS.filter((document) => {
    const opinion = opinionOf(state, document);
    return opinion !== null && opinion.delivery === null;
  });
}

/** Whether a check passes (a DomainError is a no; any other error is a bug and still throws). */
function passes(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (isDomainError(error)) return false;
    throw error;
  }
}

/**
 * The document a delivery would be recorded for: the first undelivered one this person may record,
 * else the first undelivered one, else the reply (and then the reason it cannot be delivered).
 */
export function deliverableDocument(context: ActionContext): OpinionDocument {
  const waiting = undeliveredDocuments(context.state);
  const mine = waiting.find((document) => passes(() => assertMayDeliver(context, document)));
  return mine ?? waiting[0] ?? 'reply';
}

/**
 * The pending recusal request `decideRecusal` would decide: one this person may decide,
 * else the first pending one; undefined when none is pending.
 */
export function decidableRecusalUserId(context: ActionContext): string | undefined {
  const { state, actor, facts } = context;
  const pending = recusalsOf(state).filter(
    (recusal) => recusal.kind === 'requested' && recusal.ruling === null,
  );
  const mine = pending.find((request) => passes(() => assertMayDecideRecusal(actor, request, facts)));
  return (mine ?? pending[0])?.person.userId;
}

/** Each action's own checks that do not depend on its body, as its handler runs them. */
/** A review or re-review request as recorded now, received now (the handler's checks without the body). */
function reviewRequestable(context: ActionContext, type: 'requestReview' | 'requestReReview'): void {
  const rule = REVIEW_REQUEST_RULES[type];
  assertDelivered(context.state, rule.after);
  assertNotYetRequested(context.state, rule);
  const receivedAt = receivedMoment(context, { type, reason: '' }, rule);
  assertWithinWindow(context, type, rule.closedCode, rule.closedZh, receivedAt);
  assertActsForBody(context.actor, decidingBody(context, type), context.facts, type);
}

const PRECONDITIONS: { readonly [T in CaseCommandType]: (context: ActionContext) => void } = {
  accept: ({ state, actor, facts }) => {
    assertHoldingUnit(state, actor);
    assertNotAccusedUnit(state, state.holdingUnitCode, facts.unitTree, 'holdingUnitCode');
  },
  transfer: ({ state, actor, facts }) => {
    assertHoldingUnit(state, actor);
    const tree = requireFact(facts, 'unitTree', 'transfer');
    if (!tree.units.some((unit) => unit.code !== state.holdingUnitCode)) {
      throw caseError('TRANSFER_TO_SELF', {
        zh: '没有可转送的其他单位',
        en: 'there is no other unit to send the case to',
        field: 'toUnitCode',
      });
    }
  },
  assignDown: ({ state, actor, facts }) => {
    assertHoldingUnit(state, actor);
    const tree = requireFact(facts, 'unitTree', 'assignDown');
    const below = tree.units.filter(
      (unit) => unit.code !== state.holdingUnitCode && isInSubtree(tree, state.holdingUnitCode, unit.code),
    );
    if (below.length === 0) {
      throw caseError('ASSIGN_TARGET_NOT_SUBORDINATE', {
        zh: '本单位没有下级单位，不能交办',
        en: 'the holding unit has no unit below it to assign the case to',
        field: 'toUnitCode',
      });
    }
  },
  notAccept: ({ state, actor }) => assertHoldingUnit(state, actor),
  objectMisroute: ({ state, actor, facts, at }) => {
    assertHoldingUnit(state, actor);
    arrivalStep(state);
    const windowEndsAt = requireFact(facts, 'windowEndsAt', 'objectMisroute');
    if (compareInstants(at, windowEndsAt) >= 0) {
      throw caseError('OBJECTION_WINDOW_CLOSED', {
        zh: '已超过提出异议的期限',
        en: 'the time to object that the matter is not this unit’s has passed',
        details: { windowEndsAt },
      });
    }
  },
  decideObjection: ({ state, actor }) => {
    assertHoldingUnit(state, actor);
    pendingObjection(state);
  },
  reportCompletion: ({ state, actor, facts }) => {
    assertOnCase(state, actor);
    assignmentToHolder(state);
    requireFact(facts, 'today', 'reportCompletion');
    if (state.completionReport) {
      throw caseError('COMPLETION_ALREADY_REPORTED', {
        zh: '本案已报送办结报告',
        en: 'the completion report has already been sent',
      });
    }
  },
  defineSix: ({ state, actor, facts }) => {
    assertOnCaseOrAbove(state, actor, facts, 'defineSix');
    requireFact(facts, 'unitTree', 'defineSix');
    requireFact(facts, 'statutoryHandlingLastDay', 'defineSix');
  },
  reassign: ({ state, actor, facts }) => {
    assertOnCaseOrAbove(state, actor, facts, 'reassign');
    currentDefines(state);
    requireFact(facts, 'unitTree', 'reassign');
    requireFact(facts, 'statutoryHandlingLastDay', 'reassign');
  },
  recordDuty: ({ state, actor }) => assertOnCase(state, actor),
  requestExtension: (context) => {
    const { state, actor, facts } = context;
    assertOnCase(state, actor);
    assertNoExtensionYet(state);
    requireFact(facts, 'maxExtensionDays', 'requestExtension');
    assertHandlingPeriodRuns(context);
  },
  // A pending request can always be refused; granting it late is a refusal about the input.
  approveExtension: ({ state, actor }) => {
    assertResponsibleUnitLeader(state, actor);
    if (state.extension.pending === null) {
      throw caseError('NO_EXTENSION_PENDING', {
        zh: '没有待审批的延期申请',
        en: 'no extension request is pending',
      });
    }
  },
  pauseClock: (context) => {
    assertRunsClock(context, 'pauseClock');
    if (context.state.pause !== null) {
      throw caseError('CLOCK_ALREADY_PAUSED', { zh: '计时已暂停', en: 'the clock is already paused' });
    }
    const reasons = context.facts.pauseReasons;
    if (reasons === undefined) return;
    const clock = requireFact(context.facts, 'runningClock', 'pauseClock');
    // Under lawful rules: a clock with a listed reason, still running (the first listed reason stands in).
    const listed = reasons.find((reason) => reason.clocks.includes(clock.name));
    lawfulPauseReasonCheck(context, listed?.code);
  },
  resumeClock: (context) => {
    assertRunsClock(context, 'resumeClock');
    if (context.state.pause === null) {
      throw caseError('CLOCK_NOT_PAUSED', { zh: '计时未暂停', en: 'the clock is not paused' });
    }
  },
  reply: ({ state, actor }) => {
    assertOnCase(state, actor);
    if (!state.duties.some((record) => record.duty === 'investigate')) {
      throw caseError('INVESTIGATION_NOT_RECORDED', {
        zh: '答复前须记录调查核实情况（包调查核实）',
        en: 'record the investigation duty before replying',
      });
    }
  },
  recordDelivery: (context) => assertDeliverable(context, deliverableDocument(context)),
  recordSatisfaction: ({ state, actor }) => {
    assertOnCase(state, actor);
    assertDelivered(state, 'reply');
    if (state.satisfaction !== null) {
      throw caseError('SATISFACTION_ALREADY_RECORDED', {
        zh: '已记录满意度评价',
        en: 'the petitioner’s satisfaction is already recorded',
      });
    }
  },
  requestReview: (context) => reviewRequestable(context, 'requestReview'),
  decideReview: ({ state, actor, facts }) =>
    assertActsForBody(actor, requireReview(state, 'review').body, facts, 'decideReview'),
  requestReReview: (context) => reviewRequestable(context, 'requestReReview'),
  decideReReview: ({ state, actor, facts }) =>
    assertActsForBody(actor, requireReview(state, 'reReview').body, facts, 'decideReReview'),
  withdraw: ({ state, actor }) => assertOnCase(state, actor),
  close: (context) => checkClose(context),
  instruct: ({ state, actor, facts }) => assertOnCaseOrAbove(state, actor, facts, 'instruct'),
  superviseOrder: ({ state, actor, facts }) => assertOnCaseOrAbove(state, actor, facts, 'superviseOrder'),
  remind: ({ state, actor, facts }) => assertOnCaseOrAbove(state, actor, facts, 'remind'),
  declareInterest: ({ state, actor, facts }) => assertOnCaseOrAbove(state, actor, facts, 'declareInterest'),
  requestRecusal: ({ state, actor, facts }) => assertOnCaseOrAbove(state, actor, facts, 'requestRecusal'),
  decideRecusal: (context) => {
    const { state, actor, facts } = context;
    const userId = decidableRecusalUserId(context);
    const request = userId === undefined ? undefined : pendingRecusalOf(state, userId);
    if (!request) {
      throw caseError('NO_RECUSAL_PENDING', {
        zh: '没有待决定的回避申请',
        en: 'there is no pending recusal request on this case',
        field: 'userId',
      });
    }
    assertMayDecideRecusal(actor, request, facts);
  },
};

/** The lawful pause checks with a stand-in reason: none listed for the clock, or the clock ran out. */
function lawfulPauseReasonCheck(context: ActionContext, reasonCode: string | undefined): void {
  lawfulPauseReason(context, { type: 'pauseClock', reason: '-', reasonCode });
}

function availabilityOf(
  state: CaseState,
  type: CaseCommandType,
  actor: CaseActor,
  facts: CaseFacts,
): ActionAvailability {
  try {
    const at = requireFact(facts, 'at', type);
    checkStatusRoleAndInterest(state, type, actor);
    PRECONDITIONS[type]({ state, actor: recordedActor(actor), facts, at });
    return { allowed: true };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return refused(error);
  }
}

function refused(error: DomainError): ActionAvailability {
  return { allowed: false, code: error.code, message: error.message };
}

/** For every staff action: allowed now, or the refusal `decide` would answer whatever the body said. */
export function actionAvailability(
  state: CaseState,
  actor: CaseActor,
  factsFor: FactsForAction,
): Record<CaseCommandType, ActionAvailability> {
  const facts = typeof factsFor === 'function' ? factsFor : () => factsFor;
  return Object.fromEntries(
    CASE_COMMAND_TYPES.map((type) => [type, availabilityOf(state, type, actor, facts(type))]),
  ) as Record<CaseCommandType, ActionAvailability>;
}

/** The staff actions allowed to this person on this case now, in the order of the action list. */
export function actionsAllowedNow(
  state: CaseState,
  actor: CaseActor,
  factsFor: FactsForAction,
): CaseCommandType[] {
  const table = actionAvailability(state, actor, factsFor);
  return CASE_COMMAND_TYPES.filter((type) => table[type].allowed);
}

import { DomainError, isDomainError } from '../errors';
import { assertPrincipal } from '../org/principal';
import { ActionContext, ActionHandler, ActionHandlers, CaseCommandType } from './action-handler';
import { CaseAction, CaseActionType, CASE_ACTION_LABELS, isCaseActionType } from './actions';
import { CaseActor, isSystemActor, recordedActor } from './actor';
import { assertRoleAllowed } from './actor-checks';
import { caseError } from './case-errors';
import { CaseEvent, CASE_EVENT_TYPES } from './case-events';
import { CaseState, ReviewInfo } from './case-state';
import { CaseFacts, requireFact } from './facts';
import { handlingHandlers } from './handling-actions';
import { opinionHandlers } from './opinion-actions';
import { endPause, oversightHandlers } from './oversight-actions';
import { assertMayActOnCase, isRepeatedRecusal, recusalEventDetails, recusalHandlers } from './recusal';
import { checkRegister, registeredCase } from './registration';
import { routingFollowupHandlers } from './routing-followup-actions';
import { CASE_STATUS_LABELS, CaseStatus, clockPhaseOf } from './status';
import { allowedActions, nextStatus } from './transition-table';
import { compareInstants } from './time-values';
import { triageHandlers } from './triage-actions';

const HANDLERS: ActionHandlers<CaseCommandType> = {
  ...triageHandlers,
  ...routingFollowupHandlers,
  ...handlingHandlers,
  ...opinionHandlers,
  ...oversightHandlers,
  ...recusalHandlers,
};

/** The result of a valid action: the new case and the events to record, in order. */
export interface CaseDecision {
  readonly state: CaseState;
  readonly events: readonly CaseEvent[];
}

export type CaseDecisionResult =
  ({ readonly ok: true } & CaseDecision) | { readonly ok: false; readonly error: DomainError };

function handlerFor(type: CaseCommandType): ActionHandler<CaseCommandType> {
  return HANDLERS[type] as unknown as ActionHandler<CaseCommandType>;
}

function stateConflict(status: CaseStatus | null, action: CaseAction['type']): DomainError {
  const statusZh = status === null ? '尚未登记' : CASE_STATUS_LABELS[status];
  return caseError('CASE_STATE_CONFLICT', {
    zh: `案件当前状态（${statusZh}）下不能执行“${CASE_ACTION_LABELS[action]}”`,
    en: `${action} is not allowed when the case is ${status ?? 'not registered'}`,
    details: { status, action, allowed: allowedActions(status) },
  });
}

/**
 * The checks every action passes before its own: a well-formed actor, the status (the transition
 * table), the role (ACTION_ROLES), and no interest in the case (art. 28). Returns the status it leads to.
 */
export function checkStatusRoleAndInterest(
  state: CaseState | null,
  type: CaseActionType,
  actor: CaseActor,
): CaseStatus {
  if (!isSystemActor(actor)) assertPrincipal(actor, 'actor');
  const to = nextStatus(state?.status ?? null, type);
  // A review or re-review asked after the lapse closed the case is a transition: its handler names the
  // lapsed window (REVIEW_WINDOW_CLOSED / RE_REVIEW_WINDOW_CLOSED) unless it was received in time.
  if (to === undefined) throw stateConflict(state?.status ?? null, type);
  assertRoleAllowed(actor, type);
  // A person with an interest (recused, or accused) may not act (art. 28); declaring it again is a no-op.
  if (state !== null && type !== 'declareInterest') assertMayActOnCase(state, actor);
  return to;
}

/** Status, then role, then the action's own checks (input, unit scope, business rules). */
function check(state: CaseState | null, action: CaseAction, actor: CaseActor, facts: CaseFacts): CaseStatus {
  if (typeof action !== 'object' || action === null || !isCaseActionType(action.type)) {
    throw caseError('ACTION_UNKNOWN', { zh: '未知的操作', en: 'unknown action', field: 'action.type' });
  }
  const at = requireFact(facts, 'at', action.type);
  const to = checkStatusRoleAndInterest(state, action.type, actor);
  if (action.type === 'register') {
    checkRegister(action, facts);
  } else if (state !== null) {
    handlerFor(action.type).check({ state, actor: recordedActor(actor), facts, at }, action);
  }
  return to;
}

/**
 * Checks an action against the case without changing anything; throws a DomainError when it is not
 * allowed. Meant for a Temporal Update validator: a throw rejects the Update and nothing is recorded.
 * `state` is null before registration (only `register` is allowed then).
 */
export function validateAction(
  state: CaseState | null,
  action: CaseAction,
  actor: CaseActor,
  facts: CaseFacts,
): void {
  check(state, action, actor, facts);
}

/**
 * A review or re-review request on the timeline: the deciding body, for a review the original handling
 * body it sits above (art. 35), whether it was back-dated (received before it was recorded, with the
 * reason), and the closure it undid when it reopened a case the lapse had closed.
 */
function reviewRequestDetails(
  fields: Record<string, unknown>,
  request: ReviewInfo,
  before: CaseState | null,
  after: CaseState,
): Record<string, unknown> {
  return {
    ...fields,
    body: request.body,
    ...(request === after.review && after.reply?.handlingUnitCode
      ? { handlingUnitCode: after.reply.handlingUnitCode }
      : {}),
    ...(request.receivedAt !== undefined
      ? { backdated: compareInstants(request.receivedAt, request.requestedAt) < 0 }
      : {}),
    ...(before?.status === 'closed' && before.closure ? { reopenedClosure: before.closure } : {}),
  };
}

function eventDetails(
  action: CaseAction,
  before: CaseState | null,
  after: CaseState,
  by: CaseActor,
): Record<string, unknown> {
  if (
    before !== null &&
    (action.type === 'declareInterest' || action.type === 'requestRecusal' || action.type === 'decideRecusal')
  )
    return recusalEventDetails(action, before, after, by);
  const { type, ...fields } = action;
  if (type === 'requestReview' && after.review)
    return reviewRequestDetails(fields, after.review, before, after);
  if (type === 'requestReReview' && after.reReview)
    return reviewRequestDetails(fields, after.reReview, before, after);
  if (type === 'reply' && after.reply?.handlingUnitCode)
    return { ...fields, handlingUnitCode: after.reply.handlingUnitCode };
  if (type === 'reassign' && after.sixDefines) return { ...fields, defines: after.sixDefines };
  if (type === 'reportCompletion' && after.completionReport) {
    const { toUnitCode, feedbackDueDate, late } = after.completionReport;
    return { ...fields, toUnitCode, feedbackDueDate, late };
  }
  if (type === 'decideObjection') return { ...fields, holdingUnitCode: after.holdingUnitCode };
  if (type === 'pauseClock' && after.pause?.legalBasis) {
    return { ...fields, legalBasis: after.pause.legalBasis, counting: after.pause.counting };
  }
  return fields;
}

/**
 * Applies an action: validates it again (pure, so a validator and a handler agree), then returns the
 * new case and its events. A pause ends by itself when its clock phase ends or the case changes hands.
 */
export function applyAction(
  state: CaseState | null,
  action: CaseAction,
  actor: CaseActor,
  facts: CaseFacts,
): CaseDecision {
  const to = check(state, action, actor, facts);
  const context = { actor: recordedActor(actor), at: facts.at };
  // The same recusal asked or declared again is the one already on the case: nothing new to record.
  if (state !== null && isRepeatedRecusal({ state, actor: context.actor, facts, at: facts.at }, action))
    return { state, events: [] };
  let next: CaseState;
  if (action.type === 'register') {
    const clerk = context.actor;
    if (isSystemActor(clerk)) throw new Error('unreachable: the role table lets only clerks register');
    next = registeredCase(action, clerk, facts.at);
  } else {
    const current = state as CaseState;
    const handlerContext: ActionContext = { ...context, state: current, facts };
    next = handlerFor(action.type).apply(handlerContext, action);
  }
  next = { ...next, status: to, updatedAt: facts.at };

  // eventDetails builds, per action, the details event-payloads.ts declares for its event type; the
  // type cannot follow the action through the table, hence the one assertion.
  const events: CaseEvent[] = [
    {
      type: CASE_EVENT_TYPES[action.type],
      at: facts.at,
      by: context.actor,
      fromStatus: state?.status ?? null,
      toStatus: to,
      details: eventDetails(action, state, next, context.actor),
    } as CaseEvent,
  ];
  const pause = next.pause;
  if (pause && (pause.phase !== clockPhaseOf(to) || pause.holdingUnitCode !== next.holdingUnitCode)) {
    next = endPause(next, context, true);
    events.push({
      type: 'clockResumed',
      at: facts.at,
      by: context.actor,
      fromStatus: to,
      toStatus: to,
      details: { endedWithPhase: true, pausedAt: pause.pausedAt, reason: pause.reason },
    });
  }
  return { state: next, events };
}

/** `applyAction` as a result value: `{ ok: false, error }` for a DomainError; other errors (bugs) still throw. */
export function decide(
  state: CaseState | null,
  action: CaseAction,
  actor: CaseActor,
  facts: CaseFacts,
): CaseDecisionResult {
  try {
    return { ok: true, ...applyAction(state, action, actor, facts) };
  } catch (error) {
    if (isDomainError(error)) return { ok: false, error };
    throw error;
  }
}

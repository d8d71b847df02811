import { bodyAbove, HandlingBody, unitBody } from '../org/bodies';
import { ActionContext, ActionHandler, ActionHandlers } from './action-handler';
import { CaseActionOf, CaseActionType } from './actions';
import { assertActsForBody, assertOnCase, caseUnitOf } from './actor-checks';
import { caseError, CaseErrorCode } from './case-errors';
import { CaseState, Opinion, ReviewInfo } from './case-state';
import { localDateAt } from '../clock/time-zone';
import { CaseFacts, requireFact } from './facts';
import { optionalText, requireInstant, requireLocalDate, requireOneOf, requireText } from './input-checks';
import { compareInstants, Instant } from './time-values';
import {
  DELIVERY_METHODS,
  isLegacyReplyOutcome,
  OPINION_DOCUMENTS,
  OpinionDocument,
  RECORDED_REPLY_OUTCOMES,
  REPLY_OUTCOMES,
  SATISFACTION_LEVELS,
} from './vocabulary';

export function opinionOf(state: CaseState, document: OpinionDocument): Opinion | null {
  if (document === 'reply') return state.reply;
  return (document === 'reviewOpinion' ? state.review : state.reReview)?.opinion ?? null;
}

function withOpinion(state: CaseState, document: OpinionDocument, opinion: Opinion): CaseState {
  if (document === 'reply') return { ...state, reply: opinion };
  const key = document === 'reviewOpinion' ? 'review' : 'reReview';
  const review = state[key];
  return review === null ? state : { ...state, [key]: { ...review, opinion } };
}

/** The opinion must have reached the petitioner: the next window runs from delivery. */
export function assertDelivered(state: CaseState, document: 'reply' | 'reviewOpinion'): void {
  if (opinionOf(state, document)?.delivery) return;
  const code: CaseErrorCode = document === 'reply' ? 'REPLY_NOT_DELIVERED' : 'REVIEW_OPINION_NOT_DELIVERED';
  throw caseError(code, {
    zh: document === 'reply' ? '信访处理意见书尚未送达' : '复查意见书尚未送达',
    en:
      document === 'reply'
        ? 'the handling opinion has not been delivered'
        : 'the review opinion has not been delivered',
  });
}

type DeliveryContext = Pick<ActionContext, 'state' | 'actor' | 'facts'>;

/** Who may record a document's delivery: the case team for the reply, the deciding body for the others. */
export function assertMayDeliver({ state, actor, facts }: DeliveryContext, document: OpinionDocument): void {
  if (document === 'reply') return assertOnCase(state, actor);
  const key = document === 'reviewOpinion' ? 'review' : 'reReview';
  assertActsForBody(actor, requireReview(state, key).body, facts, 'recordDelivery');
}

/**
 * Whether this person may record the document's delivery now, whatever the body says: the case team for
 * the reply, the deciding body for a review or re-review opinion; the document issued, not yet delivered.
 */
export function assertDeliverable(context: DeliveryContext, document: OpinionDocument): void {
  assertMayDeliver(context, document);
  const opinion = opinionOf(context.state, document);
  if (opinion === null) {
    throw caseError('DOCUMENT_NOT_ISSUED', {
      zh: '该文书尚未出具',
      en: `no ${document} has been issued`,
      field: 'document',
    });
  }
  if (opinion.delivery !== null) {
    throw caseError('ALREADY_DELIVERED', {
      zh: '该文书已记录送达',
      en: `the ${document} is already delivered`,
      field: 'document',
    });
  }
}

/** The request must have been received (not merely recorded) before its window ended. */
export function assertWithinWindow(
  context: ActionContext,
  type: CaseActionType,
  closedCode: CaseErrorCode,
  zh: string,
  receivedAt: Instant,
): void {
  const windowEndsAt = requireFact(context.facts, 'windowEndsAt', type);
  if (compareInstants(receivedAt, windowEndsAt) < 0) return;
  throw caseError(closedCode, {
    zh,
    en: `the request window ended at ${windowEndsAt}`,
    details: { windowEndsAt, receivedAt },
  });
}

export function requireReview(state: CaseState, key: 'review' | 'reReview'): ReviewInfo {
  const review = state[key];
  if (review === null) {
    throw caseError('CASE_STATE_CONFLICT', {
      zh: key === 'review' ? '本案没有复查申请' : '本案没有复核申请',
      en: `no ${key} was requested`,
    });
  }
  return review;
}

/**
 * The original handling body (原办理机关、单位, art. 35): the unit that accepted the matter and issued
 * the handling opinion, as recorded on it — not the responsible unit it had do the work. An opinion
 * from before it was recorded: the holding unit, which is the accepting unit once a case is accepted.
 */
export function originalHandlingUnitOf(state: CaseState): string {
  return state.reply?.handlingUnitCode ?? state.holdingUnitCode;
}

/**
 * Review goes one level above the original handling body (art. 35); re-review one level above the
 * review body (art. 36). A case from before art. 35's rule (fact `legacyReviewBody`) keeps the rule it
 * started under: one level above the responsible unit.
 */
export function decidingBody(
  context: ActionContext,
  type: 'requestReview' | 'requestReReview',
): HandlingBody {
  const tree = requireFact(context.facts, 'unitTree', type);
  if (type === 'requestReReview') return bodyAbove(tree, requireReview(context.state, 'review').body);
  const handledBy =
    context.facts.legacyReviewBody === true
      ? caseUnitOf(context.state)
      : originalHandlingUnitOf(context.state);
  return bodyAbove(tree, unitBody(handledBy));
}

/**
 * Art. 32's outcomes only (予以支持 / 解释说明 / 不予支持); the retired 'partlySupport' is refused with
 * OUTCOME_RETIRED (422, field outcome) unless the case predates art. 32's wording (fact `legacyOutcomes`).
 */
function checkOpinionInput(action: { outcome: unknown; reasons: unknown }, facts: CaseFacts): void {
  const legacy = facts.legacyOutcomes === true;
  if (!legacy && isLegacyReplyOutcome(action.outcome)) {
    throw caseError('OUTCOME_RETIRED', {
      zh: '“部分支持”不是《信访工作条例》第三十二条规定的处理结论，请选择予以支持、解释说明或不予支持',
      en: `'${action.outcome}' is not an outcome of art. 32; use support, explain or notSupport`,
      field: 'outcome',
      details: { allowed: REPLY_OUTCOMES },
    });
  }
  requireOneOf(action.outcome, legacy ? RECORDED_REPLY_OUTCOMES : REPLY_OUTCOMES, 'outcome');
  requireText(action.reasons, 'reasons', '理由');
}

function issuedOpinion(
  context: ActionContext,
  action: { outcome: Opinion['outcome']; reasons: string },
): Opinion {
  return {
    outcome: action.outcome,
    reasons: action.reasons.trim(),
    issuedAt: context.at,
    issuedBy: context.actor,
    delivery: null,
  };
}

export interface ReviewRequestRule {
  key: 'review' | 'reReview';
  /** The opinion whose delivery opens this request's window. */
  after: 'reply' | 'reviewOpinion';
  closedCode: CaseErrorCode;
  label: string;
  closedZh: string;
}

type ReviewRequestType = 'requestReview' | 'requestReReview';
type ReviewDecisionType = 'decideReview' | 'decideReReview';

/**
 * When a review or re-review request was received: by default when it is recorded; back-dated like a
 * registration's receipt — not later than now, not before the day the opinion was delivered, and with
 * a reason when it falls on an earlier day than today (in the case's time zone).
 */
export function receivedMoment(
  context: ActionContext,
  action: CaseActionOf<ReviewRequestType>,
  rule: ReviewRequestRule,
): Instant {
  if (action.receivedAt === undefined || action.receivedAt === null) {
    if (context.state.status === 'closed') {
      // Closed because the window lapsed: only a request received in time, and so dated, reopens it.
      throw caseError(rule.closedCode, {
        zh: `${rule.closedZh}，案件已办结；期限内收到的申请须填写收到时间`,
        en: 'the window has lapsed and the case is closed; a request received in time needs its receivedAt',
        field: 'receivedAt',
      });
    }
    return context.at;
  }
  const receivedAt = requireInstant(action.receivedAt, 'receivedAt');
  if (compareInstants(receivedAt, context.at) > 0) {
    throw caseError('RECEIVED_IN_FUTURE', {
      zh: '收到时间不能晚于现在',
      en: 'the receipt time cannot be in the future',
      field: 'receivedAt',
    });
  }
  const timeZone = requireFact(context.facts, 'timeZone', action.type);
  const receivedOn = localDateAt(Date.parse(receivedAt), timeZone);
  const deliveredOn = opinionOf(context.state, rule.after)?.delivery?.deliveredOn;
  if (deliveredOn !== undefined && receivedOn < deliveredOn) {
    throw caseError('RECEIVED_BEFORE_DELIVERY', {
      zh: `收到时间不能早于${rule.after === 'reply' ? '信访处理意见书' : '复查意见书'}送达之日（${deliveredOn}）`,
      en: `the request cannot have been received before the opinion was delivered on ${deliveredOn}`,
      field: 'receivedAt',
      details: { deliveredOn },
    });
  }
  if (receivedOn < localDateAt(Date.parse(context.at), timeZone)) {
    requireText(action.receivedAtReason, 'receivedAtReason', '补登原因（收到时间早于今日）');
  }
  return receivedAt;
}

/** A request on a closed case reopens it only where the window lapsed: nothing asked yet at this level. */
export function assertNotYetRequested(state: CaseState, rule: ReviewRequestRule): void {
  if (state[rule.key] === null) return;
  throw caseError('CASE_STATE_CONFLICT', {
    zh: rule.key === 'review' ? '本案已申请过复查' : '本案已申请过复核',
    en: `a ${rule.key} was already requested`,
  });
}

export const REVIEW_REQUEST_RULES: Readonly<Record<ReviewRequestType, ReviewRequestRule>> = {
  requestReview: {
    key: 'review',
    after: 'reply',
    closedCode: 'REVIEW_WINDOW_CLOSED',
    label: '复查请求',
    closedZh: '已超过申请复查的期限',
  },
  requestReReview: {
    key: 'reReview',
    after: 'reviewOpinion',
    closedCode: 'RE_REVIEW_WINDOW_CLOSED',
    label: '复核请求',
    closedZh: '已超过申请复核的期限',
  },
};

/**
 * A review or re-review request: received in its window (recorded then, or later with the moment it
 * was received), recorded by the body one level up. One received in time but recorded after the window
 * lapsed reopens the case the lapse closed.
 */
function reviewRequest<T extends ReviewRequestType>(rule: ReviewRequestRule): ActionHandler<T> {
  return {
    check(context, generic) {
      const action = generic as CaseActionOf<ReviewRequestType>;
      requireText(action.reason, 'reason', rule.label);
      assertDelivered(context.state, rule.after);
      assertNotYetRequested(context.state, rule);
      const receivedAt = receivedMoment(context, action, rule);
      assertWithinWindow(context, action.type, rule.closedCode, rule.closedZh, receivedAt);
      assertActsForBody(context.actor, decidingBody(context, action.type), context.facts, action.type);
    },
    apply(context, generic) {
      const action = generic as CaseActionOf<ReviewRequestType>;
      const backdated = action.receivedAt !== undefined && action.receivedAt !== null;
      const reason = optionalText(action.receivedAtReason, 'receivedAtReason');
      const request: ReviewInfo = {
        body: decidingBody(context, action.type),
        reason: action.reason.trim(),
        requestedAt: context.at,
        ...(backdated ? { receivedAt: action.receivedAt } : {}),
        ...(backdated && reason !== null ? { receivedAtReason: reason } : {}),
        recordedBy: context.actor,
        opinion: null,
      };
      const reopened = context.state.status === 'closed' ? { closure: null } : {};
      return { ...context.state, ...reopened, [rule.key]: request };
    },
  };
}

/** A review or re-review decision: issued by the body the request went to. */
function reviewDecision<T extends ReviewDecisionType>(
  key: 'review' | 'reReview',
  document: 'reviewOpinion' | 'reReviewOpinion',
): ActionHandler<T> {
  return {
    check({ state, actor, facts }, generic) {
      const action = generic as CaseActionOf<ReviewDecisionType>;
      assertActsForBody(actor, requireReview(state, key).body, facts, action.type);
      checkOpinionInput(action, facts);
    },
    apply(context, generic) {
      return withOpinion(
        context.state,
        document,
        issuedOpinion(context, generic as CaseActionOf<ReviewDecisionType>),
      );
    },
  };
}

/** Written opinions, their delivery and the petitioner's answer; review and re-review. */
export const opinionHandlers: ActionHandlers<
  | 'reply'
  | 'recordDelivery'
  | 'recordSatisfaction'
  | 'requestReview'
  | 'decideReview'
  | 'requestReReview'
  | 'decideReReview'
> = {
  reply: {
    check({ state, actor, facts }, action) {
      assertOnCase(state, actor);
      checkOpinionInput(action, facts);
      if (!state.duties.some((record) => record.duty === 'investigate')) {
        throw caseError('INVESTIGATION_NOT_RECORDED', {
          zh: '答复前须记录调查核实情况（包调查核实）',
          en: 'record the investigation duty before replying',
        });
      }
    },
    apply(context, action) {
      // Issued in the name of the unit that accepted the matter: the original handling body (art. 35).
      const reply = { ...issuedOpinion(context, action), handlingUnitCode: context.state.holdingUnitCode };
      return { ...context.state, reply };
    },
  },

  recordDelivery: {
    check({ state, actor, facts }, action) {
      const document = requireOneOf(action.document, OPINION_DOCUMENTS, 'document');
      requireOneOf(action.method, DELIVERY_METHODS, 'method');
      requireLocalDate(action.deliveredOn, 'deliveredOn');
      if (facts.today !== undefined && action.deliveredOn > facts.today) {
        throw caseError('DELIVERY_IN_FUTURE', {
          zh: '送达日期不能晚于今天',
          en: 'the delivery date cannot be later than today',
          field: 'deliveredOn',
        });
      }
      assertDeliverable({ state, actor, facts }, document);
    },
    apply({ state, actor, at }, action) {
      const opinion = opinionOf(state, action.document);
      if (opinion === null) return state;
      const delivery = {
        method: action.method,
        deliveredOn: action.deliveredOn,
        recordedAt: at,
        recordedBy: actor,
      };
      return withOpinion(state, action.document, { ...opinion, delivery });
    },
  },

  recordSatisfaction: {
    check({ state, actor }, action) {
      assertOnCase(state, actor);
      requireOneOf(action.satisfaction, SATISFACTION_LEVELS, 'satisfaction');
      assertDelivered(state, 'reply');
      if (state.satisfaction !== null) {
        throw caseError('SATISFACTION_ALREADY_RECORDED', {
          zh: '已记录满意度评价',
          en: 'the petitioner’s satisfaction is already recorded',
        });
      }
    },
    apply({ state, actor, at }, action) {
      return {
        ...state,
        satisfaction: { satisfaction: action.satisfaction, recordedAt: at, recordedBy: actor },
      };
    },
  },

  requestReview: reviewRequest(REVIEW_REQUEST_RULES.requestReview),
  decideReview: reviewDecision('review', 'reviewOpinion'),
  requestReReview: reviewRequest(REVIEW_REQUEST_RULES.requestReReview),
  decideReReview: reviewDecision('reReview', 'reReviewOpinion'),
};

import { bodyAbove, HandlingBody, unitBody } from '../org/bodies';
import { ActionContext, ActionHandler, ActionHandlers } from './action-handler';
import { CaseActionOf, CaseActionType } from './actions';
import { assertActsForBody, assertOnCase, caseUnitOf } from './actor-checks';
import { caseError, CaseErrorCode } from './case-errors';
import { CaseState, Opinion, ReviewInfo } from './case-state';
import { requireFact } from './facts';
import { requireLocalDate, requireOneOf, requireText } from './input-checks';
import { compareInstants } from './time-values';
import {
  DELIVERY_METHODS,
  OPINION_DOCUMENTS,
  OpinionDocument,
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

export function assertWithinWindow(
  context: ActionContext,
  type: CaseActionType,
  closedCode: CaseErrorCode,
  zh: string,
): void {
  const windowEndsAt = requireFact(context.facts, 'windowEndsAt', type);
  if (compareInstants(context.at, windowEndsAt) < 0) return;
  throw caseError(closedCode, {
    zh,
    en: `the request window ended at ${windowEndsAt}`,
    details: { windowEndsAt },
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

/** Review goes one level above the handler unit; re-review one level above the review body. */
export function decidingBody(
  context: ActionContext,
  type: 'requestReview' | 'requestReReview',
): HandlingBody {
  const tree = requireFact(context.facts, 'unitTree', type);
  return type === 'requestReview'
    ? bodyAbove(tree, unitBody(caseUnitOf(context.state)))
    : bodyAbove(tree, requireReview(context.state, 'review').body);
}

function checkOpinionInput(action: { outcome: unknown; reasons: unknown }): void {
  requireOneOf(action.outcome, REPLY_OUTCOMES, 'outcome');
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

interface ReviewRequestRule {
  key: 'review' | 'reReview';
  /** The opinion whose delivery opens this request's window. */
  after: 'reply' | 'reviewOpinion';
  closedCode: CaseErrorCode;
  label: string;
  closedZh: string;
}

type ReviewRequestType = 'requestReview' | 'requestReReview';
type ReviewDecisionType = 'decideReview' | 'decideReReview';

/** A review or re-review request: asked in its window, recorded by the body one level up. */
function reviewRequest<T extends ReviewRequestType>(rule: ReviewRequestRule): ActionHandler<T> {
  return {
    check(context, generic) {
      const action = generic as CaseActionOf<ReviewRequestType>;
      requireText(action.reason, 'reason', rule.label);
      assertDelivered(context.state, rule.after);
      assertWithinWindow(context, action.type, rule.closedCode, rule.closedZh);
      assertActsForBody(context.actor, decidingBody(context, action.type), context.facts, action.type);
    },
    apply(context, generic) {
      const action = generic as CaseActionOf<ReviewRequestType>;
      const request: ReviewInfo = {
        body: decidingBody(context, action.type),
        reason: action.reason.trim(),
        requestedAt: context.at,
        recordedBy: context.actor,
        opinion: null,
      };
      return { ...context.state, [rule.key]: request };
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
      checkOpinionInput(action);
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
    check({ state, actor }, action) {
      assertOnCase(state, actor);
      checkOpinionInput(action);
      if (!state.duties.some((record) => record.duty === 'investigate')) {
        throw caseError('INVESTIGATION_NOT_RECORDED', {
          zh: '答复前须记录调查核实情况（包调查核实）',
          en: 'record the investigation duty before replying',
        });
      }
    },
    apply(context, action) {
      return { ...context.state, reply: issuedOpinion(context, action) };
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
      if (document === 'reply') assertOnCase(state, actor);
      else
        assertActsForBody(
          actor,
          requireReview(state, document === 'reviewOpinion' ? 'review' : 'reReview').body,
          facts,
          action.type,
        );
      const opinion = opinionOf(state, document);
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

  requestReview: reviewRequest({
    key: 'review',
    after: 'reply',
    closedCode: 'REVIEW_WINDOW_CLOSED',
    label: '复查请求',
    closedZh: '已超过申请复查的期限',
  }),
  decideReview: reviewDecision('review', 'reviewOpinion'),
  requestReReview: reviewRequest({
    key: 'reReview',
    after: 'reviewOpinion',
    closedCode: 'RE_REVIEW_WINDOW_CLOSED',
    label: '复核请求',
    closedZh: '已超过申请复核的期限',
  }),
  decideReReview: reviewDecision('reReview', 'reReviewOpinion'),
};

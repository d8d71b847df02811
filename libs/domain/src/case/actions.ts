import { PersonRef } from '../org/principal';
import { AccusedParties, ReceptionRef, SixDefines } from './case-state';
import { Instant, LocalDate } from './time-values';
import {
  CaseCategory,
  CaseChannel,
  DeliveryMethod,
  DutyKind,
  NotAcceptReason,
  ObjectionDecision,
  OpinionDocument,
  RecusalDecision,
  RecusalGround,
  RecordedReplyOutcome,
  Satisfaction,
} from './vocabulary';

/** Six defines as submitted: any field may be missing, and the validator says which ones are. */
export type SixDefinesInput = { readonly [K in keyof SixDefines]?: SixDefines[K] | null };

export interface RegisterAction {
  readonly type: 'register';
  readonly caseNumber: string;
  readonly category: CaseCategory;
  readonly channel: CaseChannel;
  readonly receivedAt: Instant;
  readonly subject: string;
  readonly contentRef?: string;
  readonly matterUnitCode?: string;
  /** References to petitioners' personal data, stored encrypted elsewhere. */
  readonly petitionerRefs: readonly string[];
  readonly collective?: { readonly headcount: number; readonly representativeRefs: readonly string[] };
  readonly accused?: AccusedParties;
  readonly attachmentRefs?: readonly string[];
  readonly linkedCaseNumbers?: readonly string[];
  /** The clerk judged this earlier case of the same petitioner not the same matter: not a repeat visit. */
  readonly notRepeatOf?: { readonly caseNumber: string; readonly reason: string };
  /** Registered in a leader's reception session (领导接待日): the session and its leader, the package leader. */
  readonly reception?: ReceptionRef;
}

/**
 * A review or re-review request (arts. 35–36). Like a registration it may carry the moment it was
 * received, earlier than it is recorded: the request window and the decision clock run from that moment.
 */
export interface ReviewRequestFields {
  readonly reason: string;
  /** When the request reached the office; defaults to the moment it is recorded. */
  readonly receivedAt?: Instant;
  /** Required when `receivedAt` falls on a day before the day it is recorded: why it is entered late. */
  readonly receivedAtReason?: string;
}

export type CaseAction =
  | RegisterAction
  | { readonly type: 'accept' }
  | { readonly type: 'transfer'; readonly toUnitCode: string; readonly reason: string }
  | {
      readonly type: 'assignDown';
      readonly toUnitCode: string;
      readonly reason: string;
      readonly feedbackDueDate: LocalDate;
    }
  | {
      readonly type: 'notAccept';
      readonly reason: NotAcceptReason;
      readonly explanation: string;
      readonly legalChannel?: string;
    }
  | { readonly type: 'objectMisroute'; readonly reason: string }
  | { readonly type: 'decideObjection'; readonly decision: ObjectionDecision; readonly reason: string }
  | {
      readonly type: 'reportCompletion';
      readonly summary: string;
      readonly evidenceRefs: readonly string[];
    }
  | { readonly type: 'defineSix'; readonly defines: SixDefinesInput }
  | { readonly type: 'reassign'; readonly changes: SixDefinesInput; readonly reason: string }
  | {
      readonly type: 'recordDuty';
      readonly duty: DutyKind;
      readonly performedBy: readonly PersonRef[];
      readonly performedOn: LocalDate;
      readonly summary: string;
      readonly evidenceRefs: readonly string[];
    }
  | { readonly type: 'requestExtension'; readonly days: number; readonly reason: string }
  | { readonly type: 'approveExtension'; readonly granted: boolean; readonly note?: string }
  | {
      readonly type: 'pauseClock';
      /** What happens meanwhile (e.g. the hearing's date and place). */
      readonly reason: string;
      /** The policy's pause reason (required under lawful clock rules). */
      readonly reasonCode?: string;
    }
  | { readonly type: 'resumeClock' }
  | { readonly type: 'reply'; readonly outcome: RecordedReplyOutcome; readonly reasons: string }
  | {
      readonly type: 'recordDelivery';
      readonly document: OpinionDocument;
      readonly method: DeliveryMethod;
      readonly deliveredOn: LocalDate;
    }
  | { readonly type: 'recordSatisfaction'; readonly satisfaction: Satisfaction }
  | ({ readonly type: 'requestReview' } & ReviewRequestFields)
  | { readonly type: 'decideReview'; readonly outcome: RecordedReplyOutcome; readonly reasons: string }
  | ({ readonly type: 'requestReReview' } & ReviewRequestFields)
  | { readonly type: 'decideReReview'; readonly outcome: RecordedReplyOutcome; readonly reasons: string }
  | { readonly type: 'withdraw'; readonly reason: string }
  | { readonly type: 'close'; readonly note?: string }
  | { readonly type: 'instruct'; readonly text: string }
  | { readonly type: 'superviseOrder'; readonly text: string; readonly dueDate?: LocalDate }
  | { readonly type: 'remind'; readonly text: string }
  | { readonly type: 'declareInterest'; readonly ground: RecusalGround; readonly explanation?: string }
  | {
      readonly type: 'requestRecusal';
      /** The staff member the petitioner asks to be recused. */
      readonly person: PersonRef;
      readonly ground: RecusalGround;
      readonly explanation?: string;
    }
  | {
      readonly type: 'decideRecusal';
      /** Whose pending request is decided. */
      readonly userId: string;
      readonly decision: RecusalDecision;
      readonly reason: string;
    };

export type CaseActionType = CaseAction['type'];
export type CaseActionOf<T extends CaseActionType> = Extract<CaseAction, { type: T }>;

export const CASE_ACTION_LABELS: Readonly<Record<CaseActionType, string>> = {
  register: '登记',
  accept: '受理',
  transfer: '转送',
  assignDown: '交办',
  notAccept: '不予受理',
  objectMisroute: '异议退回',
  decideObjection: '异议处理',
  reportCompletion: '办结报告',
  defineSix: '六定',
  reassign: '调整六定',
  recordDuty: '记录五包',
  requestExtension: '申请延期',
  approveExtension: '审批延期',
  pauseClock: '暂停计时',
  resumeClock: '恢复计时',
  reply: '答复',
  recordDelivery: '送达',
  recordSatisfaction: '满意度评价',
  requestReview: '申请复查',
  decideReview: '复查决定',
  requestReReview: '申请复核',
  decideReReview: '复核决定',
  withdraw: '撤回',
  close: '办结',
  instruct: '领导批示',
  superviseOrder: '督办',
  remind: '催办',
  declareInterest: '自行回避',
  requestRecusal: '申请回避',
  decideRecusal: '回避决定',
};

export const CASE_ACTION_TYPES = Object.keys(CASE_ACTION_LABELS) as CaseActionType[];

export function isCaseActionType(value: unknown): value is CaseActionType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CASE_ACTION_LABELS, value);
}

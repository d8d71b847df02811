import { HandlingBody } from '../org/bodies';
import { PersonRef } from '../org/principal';
import { CaseActor, PetitionerActor } from './actor';
import { CaseStatus, ClockPhase } from './status';
import { Instant, LocalDate } from './time-values';
import type { PauseCounting } from '../policy/policy';
import {
  CaseCategory,
  CaseChannel,
  DeliveryMethod,
  DutyKind,
  NotAcceptReason,
  ObjectionDecision,
  RecusalDecision,
  RecusalGround,
  RecordedReplyOutcome,
  Satisfaction,
  SupervisionKind,
} from './vocabulary';

/** The six defines (六定). All six are set together; a case cannot be handled without them. */
export interface SixDefines {
  /** 定包案领导: a person holding a leader role. */
  readonly packageLeader: PersonRef;
  /** 定责任单位: the accepting unit or a unit below it. */
  readonly responsibleUnitCode: string;
  /** 定责任人: a person of the responsible unit. */
  readonly handler: PersonRef;
  /** 定化解方案 */
  readonly resolutionPlan: string;
  /** 定办结时限: a day not after the statutory handling deadline. */
  readonly completionDeadline: LocalDate;
  /** 定化解目标 */
  readonly targetOutcome: string;
}

export const SIX_DEFINE_FIELDS = [
  'packageLeader',
  'responsibleUnitCode',
  'handler',
  'resolutionPlan',
  'completionDeadline',
  'targetOutcome',
] as const satisfies readonly (keyof SixDefines)[];

export const SIX_DEFINE_LABELS: Readonly<Record<keyof SixDefines, string>> = {
  packageLeader: '包案领导',
  responsibleUnitCode: '责任单位',
  handler: '责任人',
  resolutionPlan: '化解方案',
  completionDeadline: '办结时限',
  targetOutcome: '化解目标',
};

/** A replaced set of six defines, kept with who replaced it, when and why. */
export interface SixDefinesRevision {
  readonly previous: SixDefines;
  readonly reason: string;
  readonly at: Instant;
  readonly by: CaseActor;
}

/** A leader's reception session (领导接待日) a case was registered in, and its leader. */
export interface ReceptionRef {
  readonly sessionId: string;
  readonly leader: PersonRef;
}

/** Accused persons and units: a case must never reach them (arts. 30, 46). */
export interface AccusedParties {
  readonly unitCodes: readonly string[];
  readonly userIds: readonly string[];
}

/**
 * Petitioners by reference only: personal data (ID number, phone, address) is stored encrypted
 * elsewhere and never sits in case state or workflow history.
 */
export interface Petitioners {
  readonly refs: readonly string[];
  /** A collective visit: headcount and at most 5 representatives (art. 20). */
  readonly collective: { readonly headcount: number; readonly representativeRefs: readonly string[] } | null;
}

/** The sending unit's answer to a misroute objection. */
export interface ObjectionRuling {
  readonly decision: ObjectionDecision;
  readonly reason: string;
  readonly at: Instant;
  readonly by: CaseActor;
}

/**
 * One move of the case between units. `objectionOverruled` sends the case back to the unit whose
 * objection the sender overruled; that unit must then triage it and cannot object again.
 */
export interface RoutingStep {
  readonly kind: 'transfer' | 'assignDown' | 'objection' | 'objectionOverruled';
  readonly fromUnitCode: string;
  readonly toUnitCode: string;
  readonly reason: string;
  /** For an assignment (交办): when the receiving unit's feedback is due. */
  readonly feedbackDueDate: LocalDate | null;
  readonly at: Instant;
  readonly by: CaseActor;
  /** On an objection step, once the sender has decided it. */
  readonly ruling?: ObjectionRuling;
}

/** The completion report (办结报告) of an assigned-down case, to the unit that assigned it. */
export interface CompletionReport {
  readonly summary: string;
  readonly evidenceRefs: readonly string[];
  /** The unit that assigned the case down and receives the report. */
  readonly toUnitCode: string;
  readonly feedbackDueDate: LocalDate | null;
  /** Reported after the feedback due date. */
  readonly late: boolean;
  readonly at: Instant;
  readonly by: CaseActor;
}

export interface NotAcceptance {
  readonly reason: NotAcceptReason;
  readonly explanation: string;
  /** The lawful channel named in the notice (诉访分离). */
  readonly legalChannel: string | null;
  readonly unitCode: string;
  readonly at: Instant;
  readonly by: CaseActor;
}

export interface DutyRecord {
  readonly duty: DutyKind;
  readonly performedBy: readonly PersonRef[];
  readonly performedOn: LocalDate;
  readonly summary: string;
  readonly evidenceRefs: readonly string[];
  readonly recordedAt: Instant;
  readonly recordedBy: CaseActor;
}

export interface ExtensionRequest {
  readonly days: number;
  readonly reason: string;
  readonly requestedAt: Instant;
  readonly requestedBy: CaseActor;
}

export interface ExtensionDecision extends ExtensionRequest {
  readonly granted: boolean;
  readonly note: string | null;
  readonly decidedAt: Instant;
  readonly decidedBy: CaseActor;
}

/** One extension of the handling clock (art. 34); a refused request does not use it up. */
export interface ExtensionInfo {
  readonly pending: ExtensionRequest | null;
  readonly granted: ExtensionDecision | null;
  readonly refused: readonly ExtensionDecision[];
}

export interface ActivePause {
  readonly reason: string;
  /** The policy's pause reason (lawful rules): its code, legal basis and how its time counts. */
  readonly reasonCode?: string;
  readonly legalBasis?: string;
  readonly counting?: PauseCounting;
  readonly phase: ClockPhase;
  readonly holdingUnitCode: string;
  readonly pausedAt: Instant;
  readonly pausedBy: CaseActor;
}

export interface CompletedPause extends ActivePause {
  readonly resumedAt: Instant;
  readonly resumedBy: CaseActor;
  /** True when the pause ended because its clock phase ended, not by a resume action. */
  readonly endedWithPhase: boolean;
}

export interface Delivery {
  readonly method: DeliveryMethod;
  readonly deliveredOn: LocalDate;
  readonly recordedAt: Instant;
  readonly recordedBy: CaseActor;
}

/** A written opinion: the handling opinion, or a review or re-review opinion. */
export interface Opinion {
  /** Art. 32's outcome; an opinion from before its wording may carry a legacy one (partlySupport). */
  readonly outcome: RecordedReplyOutcome;
  readonly reasons: string;
  readonly issuedAt: Instant;
  readonly issuedBy: CaseActor;
  readonly delivery: Delivery | null;
  /**
   * On the handling opinion: the original handling body (原办理机关、单位, art. 35) — the unit that
   * accepted the matter and issues the opinion in its name, whichever unit below it did the work.
   * Review goes one level above it. Absent on opinions issued before it was recorded.
   */
  readonly handlingUnitCode?: string;
}

export interface ReviewInfo {
  /**
   * The body deciding: one level above the original handling body, the unit that accepted and issued
   * the handling opinion (review, art. 35), or above the review body (re-review, art. 36).
   */
  readonly body: HandlingBody;
  readonly reason: string;
  /** When the request was recorded. */
  readonly requestedAt: Instant;
  /**
   * When the request was received, if earlier than recorded (back-dated, with `receivedAtReason`):
   * the window was judged and the decision clock runs from it. Absent: received when recorded.
   */
  readonly receivedAt?: Instant;
  readonly receivedAtReason?: string;
  readonly recordedBy: CaseActor;
  readonly opinion: Opinion | null;
}

export interface SatisfactionRecord {
  readonly satisfaction: Satisfaction;
  readonly recordedAt: Instant;
  /** Staff at the counter, or the petitioner themself through the public progress query. */
  readonly recordedBy: CaseActor | PetitionerActor;
}

/** A leader's instruction (批示). */
export interface Instruction {
  readonly text: string;
  readonly at: Instant;
  readonly by: CaseActor;
}

/** A supervision order (督办) or reminder (催办). */
export interface SupervisionRecord {
  readonly kind: SupervisionKind;
  readonly text: string;
  readonly dueDate: LocalDate | null;
  readonly at: Instant;
  readonly by: CaseActor;
}

/** The decision on a petitioner's request for recusal (决定回避 / 驳回申请), with its reason. */
export interface RecusalRuling {
  readonly decision: RecusalDecision;
  readonly reason: string;
  readonly at: Instant;
  readonly by: CaseActor;
}

/**
 * A recusal (回避, art. 28): a staff member's own declaration of interest (自行回避, effective at once),
 * or a petitioner's request recorded by staff (申请回避, effective once upheld; pending until decided).
 */
export interface Recusal {
  readonly kind: 'selfDeclared' | 'requested';
  readonly person: PersonRef;
  readonly ground: RecusalGround;
  readonly explanation: string | null;
  readonly at: Instant;
  readonly by: CaseActor;
  /** A request's decision; null while pending, and always null for a self-declaration. */
  readonly ruling: RecusalRuling | null;
}

export interface Ending {
  readonly reason: string;
  readonly at: Instant;
  readonly by: CaseActor;
}

/** Everything the state machine knows about one case. Plain JSON: it travels in workflow state. */
export interface CaseState {
  readonly status: CaseStatus;
  readonly caseNumber: string;
  readonly category: CaseCategory;
  readonly channel: CaseChannel;
  readonly subject: string;
  readonly contentRef: string | null;
  /** The unit where the matter arises. */
  readonly matterUnitCode: string | null;
  readonly petitioners: Petitioners;
  readonly accused: AccusedParties;
  readonly attachmentRefs: readonly string[];
  readonly linkedCaseNumbers: readonly string[];
  /** The legal receipt time; may precede registration. */
  readonly receivedAt: Instant;
  readonly registeredAt: Instant;
  readonly registeredBy: CaseActor;
  readonly registeringUnitCode: string;
  /** The unit that has the case now: triages it, and once it accepts, owns it. */
  readonly holdingUnitCode: string;
  /** Set on acceptance (the holding unit) and then by the six defines. */
  readonly responsibleUnitCode: string | null;
  readonly routing: readonly RoutingStep[];
  readonly acceptedAt: Instant | null;
  readonly notAcceptance: NotAcceptance | null;
  readonly sixDefines: SixDefines | null;
  readonly sixDefinesHistory: readonly SixDefinesRevision[];
  readonly duties: readonly DutyRecord[];
  readonly extension: ExtensionInfo;
  readonly pause: ActivePause | null;
  readonly pauses: readonly CompletedPause[];
  readonly reply: Opinion | null;
  readonly satisfaction: SatisfactionRecord | null;
  readonly review: ReviewInfo | null;
  readonly reReview: ReviewInfo | null;
  readonly instructions: readonly Instruction[];
  readonly supervision: readonly SupervisionRecord[];
  readonly withdrawal: Ending | null;
  readonly closure: Ending | null;
  readonly updatedAt: Instant;
  /**
   * Registered in a leader's reception session: its leader is the case's package leader. Absent in
   * states from before reception days existed.
   */
  readonly reception?: ReceptionRef | null;
  /** Absent in states from before completion reports existed. */
  readonly completionReport?: CompletionReport | null;
  /** Recusals declared or requested, in order. Absent in states from before recusals existed. */
  readonly recusals?: readonly Recusal[];
}

import { CaseActionType } from './actions';
import { CaseActor } from './actor';
import { type ActionEventDetailsByType } from './event-payloads';
import { CaseStatus } from './status';
import { Instant } from './time-values';

/** The event each action records (past tense, for the timeline). */
export const CASE_EVENT_TYPES = {
  register: 'caseRegistered',
  accept: 'caseAccepted',
  transfer: 'caseTransferred',
  assignDown: 'caseAssignedDown',
  notAccept: 'caseNotAccepted',
  objectMisroute: 'misrouteObjected',
  decideObjection: 'objectionDecided',
  reportCompletion: 'completionReported',
  defineSix: 'sixDefinesSet',
  reassign: 'sixDefinesReassigned',
  recordDuty: 'dutyRecorded',
  requestExtension: 'extensionRequested',
  approveExtension: 'extensionDecided',
  pauseClock: 'clockPaused',
  resumeClock: 'clockResumed',
  reply: 'replyIssued',
  recordDelivery: 'deliveryRecorded',
  recordSatisfaction: 'satisfactionRecorded',
  requestReview: 'reviewRequested',
  decideReview: 'reviewDecided',
  requestReReview: 'reReviewRequested',
  decideReReview: 'reReviewDecided',
  withdraw: 'caseWithdrawn',
  close: 'caseClosed',
  instruct: 'instructionGiven',
  superviseOrder: 'supervisionOrdered',
  remind: 'reminderSent',
  declareInterest: 'interestDeclared',
  requestRecusal: 'recusalRequested',
  decideRecusal: 'recusalDecided',
} as const satisfies Record<CaseActionType, string>;

export type CaseEventType = (typeof CASE_EVENT_TYPES)[CaseActionType];

/**
 * One thing that happened to a case, for the audit timeline. `details` holds the action's own fields
 * (references only, never personal data) plus what the machine derived (e.g. the deciding body), as
 * event-payloads.ts types them per event type. A pause that ends because its clock phase ended is
 * recorded as its own `clockResumed` event with `details.endedWithPhase: true`.
 */
export type CaseEvent = { [T in CaseEventType]: CaseEventOf<T> }[CaseEventType];

/** An event of one type. */
export interface CaseEventOf<T extends CaseEventType> {
  readonly type: T;
  readonly at: Instant;
  readonly by: CaseActor;
  readonly fromStatus: CaseStatus | null;
  readonly toStatus: CaseStatus;
  readonly details: Readonly<ActionEventDetailsByType[T]>;
}

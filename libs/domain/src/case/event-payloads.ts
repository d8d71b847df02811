/**
 * 事件内容 / What each action's event carries, by event type: the action's own fields (its body, without
 * `type`) and what the machine derived when it applied them (decide.ts `eventDetails`). Types only: the
 * JSON is what the workflow has always recorded, and every committed history still holds it.
 */
import { type PauseCounting } from '../policy/policy';
import { type HandlingBody } from '../org/bodies';
import { type PersonRef } from '../org/principal';
import { type CaseActionOf, type CaseActionType } from './actions';
import { type CASE_EVENT_TYPES } from './case-events';
import { type Ending, type SixDefines } from './case-state';
import { type PetitionerRatingChannel } from './actor';
import { type RecusalGround, type Satisfaction } from './vocabulary';
import { type Instant, type LocalDate } from './time-values';

/** A review or re-review request as recorded: its deciding body, back-dating, the closure it undid. */
export interface ReviewRequestDerived {
  body: HandlingBody;
  /** For a review: the original handling body it sits above (art. 35). */
  handlingUnitCode?: string;
  /** Received before it was recorded (then `receivedAtReason` says why). */
  backdated?: boolean;
  /** The closure a request in time undid, when the lapse had closed the case. */
  reopenedClosure?: Ending;
}

/** Who declared an interest or is asked to stand aside, and the seats to fill again (recusal.ts). */
interface RecusalDerived {
  person?: PersonRef;
  /** The timeline's one-line account, in Chinese. */
  description: string;
}

/** What the machine adds to an action's fields in its event; an action not listed adds nothing. */
export interface DerivedEventDetails {
  reply: { handlingUnitCode?: string };
  reassign: { defines?: SixDefines };
  reportCompletion: { toUnitCode?: string; feedbackDueDate?: LocalDate | null; late?: boolean };
  decideObjection: { holdingUnitCode: string };
  pauseClock: { legalBasis?: string; counting?: PauseCounting };
  requestReview: Partial<ReviewRequestDerived>;
  requestReReview: Partial<ReviewRequestDerived>;
  declareInterest: RecusalDerived & { replacementNeeded: ('handler' | 'packageLeader')[] };
  requestRecusal: RecusalDerived & { person: PersonRef };
  decideRecusal: RecusalDerived & {
    ground?: RecusalGround;
    replacementNeeded: ('handler' | 'packageLeader')[];
  };
}

/** The details an action's event records: the action's fields, then what the machine derived. */
export type ActionEventDetails<A extends CaseActionType> = Omit<CaseActionOf<A>, 'type'> &
  (A extends keyof DerivedEventDetails ? DerivedEventDetails[A] : unknown);

/** A pause that ended because its clock phase ended (or the case changed hands): its own `clockResumed`. */
export interface PauseEndedDetails {
  endedWithPhase: true;
  pausedAt: Instant;
  reason: string;
}

/** The petitioner's own rating through the public progress query (art. 21), a `satisfactionRecorded`. */
export interface PetitionerRatingDetails {
  satisfaction: Satisfaction;
  by: 'petitioner';
  channel: PetitionerRatingChannel;
  comment: string | null;
  replySeq: number;
  ratingId: string;
  submittedAt: string;
}

/** The other form an action's event type has: recorded by the engine or by the petitioner. */
interface OtherEventForms {
  resumeClock: PauseEndedDetails;
  recordSatisfaction: PetitionerRatingDetails;
}

/** Where the case stands after the event, and where it stood before. */
export interface EventStatusFields {
  status: string;
  fromStatus?: string | null;
}

/** The details each action's event type records (its payload without the status fields). */
export type ActionEventDetailsByType = {
  [A in CaseActionType as (typeof CASE_EVENT_TYPES)[A]]: A extends keyof OtherEventForms
    ? ActionEventDetails<A> | OtherEventForms[A]
    : ActionEventDetails<A>;
};

/** The payload each action's event carries, by the event type the action records. */
export type ActionEventPayloads = {
  [T in keyof ActionEventDetailsByType]: EventStatusFields & ActionEventDetailsByType[T];
};

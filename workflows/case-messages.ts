import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { type Calendar } from '../libs/domain/src/clock/calendar';
import { type CaseAction, type RegisterAction } from '../libs/domain/src/case/actions';
import { type CaseState } from '../libs/domain/src/case/case-state';
import { type Satisfaction } from '../libs/domain/src/case/vocabulary';
import { type CaseFacts } from '../libs/domain/src/case/facts';
import { type DirectorySnapshot } from '../libs/domain/src/org/directory';
import { type Principal } from '../libs/domain/src/org/principal';
import { type UnitTree } from '../libs/domain/src/org/units';
import { type Policy } from '../libs/domain/src/policy/policy';
import {
  type ClockRules,
  type RunningClock,
  type ToldDeadlines,
} from '../libs/domain/src/schedule/running-clock';
import { CALENDAR_UPDATED_SIGNAL, type ChainHead } from '../libs/domain/src/case/recorded-event';

/**
 * The case workflow's contract with its callers: start input, Updates (staff actions), Signals and Queries.
 * Everything a validator needs arrives here, resolved by the caller; the workflow never reads the database.
 */
export interface PetitionCaseInput {
  register: RegisterAction;
  registeredBy: Principal;
  /** Why the legal receipt time precedes registration (back-dating), when it does. */
  backdatingReason?: string;
  policy: Policy;
  calendar: Calendar;
  unitTree: UnitTree;
  directory: DirectorySnapshot;
  /** Continue-as-new once the history has this many events (default 8,000; tests use a small number). */
  maxHistoryEvents?: number;
  /** Present after continue-as-new: everything the previous run knew. */
  carried?: CarriedCaseState;
}

export interface CarriedCaseState {
  state: CaseState;
  chain: ChainHead;
  fired: string[];
  told: ToldDeadlines;
  calendarVersions: string[];
  /** Absent in runs that continued as new before the summary existed. */
  recentEvents?: TimelineSummaryEntry[];
  /** The repeat visits recorded so far, by visit id in order (absent before repeat visits existed). */
  repeatVisitIds?: string[];
  /** The clock rules the case started under (absent: started before the lawful rules, so 'legacy'). */
  clockRules?: ClockRules;
  policy: Policy;
  calendar: Calendar;
  unitTree: UnitTree;
  directory: DirectorySnapshot;
}

export interface ActRequest {
  action: Exclude<CaseAction, RegisterAction>;
  actor: Principal;
}

export interface ActResult {
  status: CaseState['status'];
  /** The sequence number of the last event this action recorded. */
  lastSeq: number;
}

/**
 * The same petitioner came again on this open case's matter: recorded on the case instead of a new case.
 * `visitId` makes it idempotent: the same visit sent twice is recorded once.
 */
export interface RepeatVisitRequest {
  visitId: string;
  channel: string;
  receivedAt: string;
  /** How alike the new petition is to this case (0–1), as repeat detection measured it. */
  similarity: number;
  /** The clerk who registered the visit; their unit is where the petitioner came. */
  actor: Principal;
  /**
   * A skip-level petition of this matter (art. 19): the case the higher level registered, not accepted
   * and referred here. Absent for a repeat visit at the same level.
   */
  skipLevelCaseNumber?: string;
}

export interface RepeatVisitResult {
  status: CaseState['status'];
  /** This visit's number among the case's repeat visits (1 = the first repeat). */
  repeatVisits: number;
  lastSeq: number;
}

/** The petitioner's own satisfaction rating (art. 21), relayed from the public progress query. */
export interface PetitionerRatingRequest {
  /** The stored rating's id: delivering the same rating twice records it once. */
  ratingId: string;
  /** The reply (its replyIssued event's sequence) the rating answers. */
  replySeq: number;
  satisfaction: Satisfaction;
  comment: string | null;
  /** When the public app accepted it (ISO-8601). */
  submittedAt: string;
}

export interface PetitionerRatingResult {
  status: CaseState['status'];
  /** The satisfactionRecorded event's sequence (null for a repeated delivery after a continue-as-new). */
  eventSeq: number | null;
}

export interface PolicyMigration {
  policy: Policy;
  reason: string;
  actor: Principal;
}

/** One line of the timeline summary the workflow keeps: the last events it recorded. */
export interface TimelineSummaryEntry {
  seq: number;
  type: string;
  occurredAt: string;
  actorId: string;
  status: string | null;
}

/** How many recent events the timeline summary keeps (the full timeline is in PostgreSQL). */
export const TIMELINE_SUMMARY_LENGTH = 20;

export interface CaseSnapshot {
  state: CaseState | null;
  /** The last events recorded, oldest first; `chain.count` is the total. */
  recentEvents: TimelineSummaryEntry[];
  clock: RunningClock | null;
  overdueLevel: number;
  chain: ChainHead;
  policyVersion: string;
  calendarVersion: string | null;
  /**
   * The facts the `act` validator would be given now (its `at` is the workflow's time of the query), and
   * the misrouting objection's own window; null before registration. Absent from workers before it existed.
   */
  facts?: SnapshotFacts | null;
}

export type SnapshotFacts = CaseFacts & { misrouteObjectionEndsAt?: string };

/** Answers once `caseRegistered` is in PostgreSQL, so the caller can read its own write. */
export const registrationRecordedUpdate = defineUpdate<{ caseNumber: string; status: string }>(
  'registrationRecorded',
);
/** Every staff action of the lifecycle; the validator rejects what the state, role or rules forbid. */
export const actUpdate = defineUpdate<ActResult, [ActRequest]>('act');
/** Records a repeat visit on an open case; escalates it as the case's policy says. */
export const recordRepeatVisitUpdate = defineUpdate<RepeatVisitResult, [RepeatVisitRequest]>(
  'recordRepeatVisit',
);
/** Records the petitioner's own rating, once per reply; refused when an answer is already recorded. */
export const petitionerRatingUpdate = defineUpdate<PetitionerRatingResult, [PetitionerRatingRequest]>(
  'petitionerRating',
);
/** An administrator moves an open case to another policy version, recorded. */
export const migratePolicyUpdate = defineUpdate<{ changed: boolean }, [PolicyMigration]>('migratePolicy');
/** Next year's holiday table was published: recompute deadlines (idempotent per calendar version). */
export const calendarUpdatedSignal = defineSignal<[Calendar]>(CALENDAR_UPDATED_SIGNAL);
/** Post holders changed (vacancies, acting deputies): used when the next escalation level fires. */
export const directoryUpdatedSignal = defineSignal<[DirectorySnapshot]>('directoryUpdated');
export const caseSnapshotQuery = defineQuery<CaseSnapshot>('caseSnapshot');

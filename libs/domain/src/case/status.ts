/**
 * The states of one case. A case lives in one workflow from registration to its end, moving between
 * units; `holdingUnitCode` in the state says which unit has it.
 *
 * - registered (登记): awaiting triage by the holding unit (first the registering unit; again the
 *   sending unit after a receiving unit's objection, which it upholds or overrules — overruled, the
 *   objecting unit holds it again, awaiting its triage, and cannot object a second time).
 * - transferred (转送) / assigned (交办): sent to another unit, awaiting that receiving unit's triage.
 *   The receiving unit accepts, sends on, declines, or objects within its window that the matter is
 *   not its own (back to `registered` at the sender). The registering unit keeps seeing the case.
 * - accepted (受理): accepted by the holding unit; the handling clock runs; the six defines are due.
 * - inHandling (办理中): the six defines are set; the package team works the five duties.
 * - replied (已答复): the handling opinion is issued; the petitioner's review window runs from delivery.
 * - underReview (复查中): review asked in time; the body one level above the handler unit decides.
 * - reviewed (已复查): the review opinion is issued; the re-review window runs from its delivery.
 * - underReReview (复核中): re-review asked in time; decided one level further up.
 * - closed (办结), concluded (终结), notAccepted (不予受理), withdrawn (撤回): the end. Closed and
 *   concluded cases still take records that follow the end (duties such as the follow-up visit,
 *   satisfaction, the delivery of the re-review opinion) and never change state again — except a case
 *   the lapse of its request window closed, which a request received within that window but recorded
 *   later reopens (arts. 35–36: the petitioner asked in time).
 *
 * A paused clock is not a state: it is an aspect (`pause`) of the states whose clock the office runs.
 */
export const CASE_STATUSES = [
  'registered',
  'transferred',
  'assigned',
  'notAccepted',
  'accepted',
  'inHandling',
  'replied',
  'underReview',
  'reviewed',
  'underReReview',
  'closed',
  'concluded',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  registered: '登记',
  transferred: '转送',
  assigned: '交办',
  notAccepted: '不予受理',
  accepted: '受理',
  inHandling: '办理中',
  replied: '已答复',
  underReview: '复查中',
  reviewed: '已复查',
  underReReview: '复核中',
  closed: '办结',
  concluded: '终结',
  withdrawn: '撤回',
};

/** States the case never leaves. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['notAccepted', 'closed', 'concluded', 'withdrawn'];

export function isFinalStatus(status: CaseStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/**
 * Which clock runs in a state. `triage`, `handling`, `reviewDecision` and `reReviewDecision` are the
 * office's clocks and may be paused; `reviewRequest` and `reReviewRequest` are the petitioner's windows.
 */
export type ClockPhase =
  | 'triage'
  | 'handling'
  | 'reviewRequest'
  | 'reviewDecision'
  | 'reReviewRequest'
  | 'reReviewDecision'
  | 'none';

const CLOCK_PHASES: Readonly<Record<CaseStatus, ClockPhase>> = {
  registered: 'triage',
  transferred: 'triage',
  assigned: 'triage',
  accepted: 'handling',
  inHandling: 'handling',
  replied: 'reviewRequest',
  underReview: 'reviewDecision',
  reviewed: 'reReviewRequest',
  underReReview: 'reReviewDecision',
  notAccepted: 'none',
  closed: 'none',
  concluded: 'none',
  withdrawn: 'none',
};

export function clockPhaseOf(status: CaseStatus): ClockPhase {
  return CLOCK_PHASES[status];
}

export function isPausablePhase(phase: ClockPhase): boolean {
  return (
    phase === 'triage' || phase === 'handling' || phase === 'reviewDecision' || phase === 'reReviewDecision'
  );
}

import { type EntityManager } from 'typeorm';
import { CASE_EVENT_TYPES } from '../../domain/src/case/case-events';
import { EVENT_TYPES, typedEvent } from '../../domain/src/case/event-types';
import { FINAL_STATUSES } from '../../domain/src/case/status';
import { type CaseEventInput } from '../../domain/src/case/recorded-event';

/** The columns of `case_metric_facts` an event may set. */
export type MetricFactColumn =
  | 'triage_due_at'
  | 'triaged_at'
  | 'handling_due_at'
  | 'replied_at'
  | 'ended_at'
  | 'satisfaction'
  | 'review_requested_at'
  | 'review_decided_at'
  | 'review_outcome'
  | 're_review_requested_at'
  | 're_review_decided_at'
  | 're_review_outcome';

/**
 * How a value lands: `first` keeps the first one recorded, `latest` the newest, `untilTriaged` follows
 * the triage clock only while the case awaits its first triage decision, `untilLapsed` follows a
 * deadline until it has passed (at `asOf`, the event's time): the on-time figure measures against the
 * deadline in force when the period ran out, whatever is recorded after it.
 */
export type MetricFactAssignment =
  | {
      column: MetricFactColumn;
      /** Null only to clear `ended_at` of a case a late-recorded review request reopened. */
      value: string | null;
      rule: 'first' | 'latest' | 'untilTriaged';
    }
  | { column: MetricFactColumn; value: string; rule: 'untilLapsed'; asOf: string };

/** Something counted by when it happened: an extension granted, an escalation level, a supervision order or reminder. */
export interface MetricOccurrence {
  kind: 'extensionGranted' | 'escalated' | 'supervisionOrdered' | 'reminderSent';
  level: number | null;
}

export interface MetricFactChange {
  assignments: MetricFactAssignment[];
  occurrence: MetricOccurrence | null;
}

const TRIAGE_DECISIONS: readonly string[] = [
  CASE_EVENT_TYPES.accept,
  CASE_EVENT_TYPES.transfer,
  CASE_EVENT_TYPES.assignDown,
  CASE_EVENT_TYPES.notAccept,
];

/** The first time an event of a type sets a column (a reply, a review request or decision, …). */
const FIRST_TIMES: Readonly<Record<string, MetricFactColumn>> = {
  [CASE_EVENT_TYPES.reply]: 'replied_at',
  [CASE_EVENT_TYPES.requestReview]: 'review_requested_at',
  [CASE_EVENT_TYPES.decideReview]: 'review_decided_at',
  [CASE_EVENT_TYPES.requestReReview]: 're_review_requested_at',
  [CASE_EVENT_TYPES.decideReReview]: 're_review_decided_at',
};

const OUTCOMES: Readonly<Record<string, MetricFactColumn>> = {
  [CASE_EVENT_TYPES.decideReview]: 'review_outcome',
  [CASE_EVENT_TYPES.decideReReview]: 're_review_outcome',
};

const REOPENING: readonly string[] = [CASE_EVENT_TYPES.requestReview, CASE_EVENT_TYPES.requestReReview];

function occurrenceOf(event: CaseEventInput): MetricOccurrence | null {
  const typed = typedEvent(event);
  switch (typed?.type) {
    case EVENT_TYPES.deadlineEscalated:
      return typeof typed.payload.level === 'number'
        ? { kind: 'escalated', level: typed.payload.level }
        : null;
    case CASE_EVENT_TYPES.superviseOrder:
      return { kind: 'supervisionOrdered', level: null };
    case CASE_EVENT_TYPES.remind:
      return { kind: 'reminderSent', level: null };
    case CASE_EVENT_TYPES.approveExtension:
      return typed.payload.granted === true ? { kind: 'extensionGranted', level: null } : null;
    default:
      return null;
  }
}

/**
 * What one recorded event changes in a case's metric facts. Deadlines come from the view the workflow
 * attaches (the clock running after the event): the triage deadline while the case awaits triage, the
 * handling deadline — moved by pauses, extensions and calendar updates — while it is handled.
 */
export function metricFactChange(event: CaseEventInput): MetricFactChange {
  const at = new Date(event.occurredAt).toISOString();
  const assignments: MetricFactAssignment[] = [];
  const view = event.view;
  if (view?.dueAt && view.clock === 'triage')
    assignments.push({ column: 'triage_due_at', value: view.dueAt, rule: 'untilTriaged' });
  if (view?.dueAt && view.clock === 'handling')
    assignments.push({ column: 'handling_due_at', value: view.dueAt, rule: 'untilLapsed', asOf: at });
  if (TRIAGE_DECISIONS.includes(event.type))
    assignments.push({ column: 'triaged_at', value: at, rule: 'first' });
  const firstTime = FIRST_TIMES[event.type];
  if (firstTime) assignments.push({ column: firstTime, value: at, rule: 'first' });
  const typed = typedEvent(event);
  const outcome =
    typed?.type === CASE_EVENT_TYPES.decideReview || typed?.type === CASE_EVENT_TYPES.decideReReview
      ? typed.payload.outcome
      : undefined;
  const outcomeColumn = OUTCOMES[event.type];
  if (outcomeColumn && typeof outcome === 'string')
    assignments.push({ column: outcomeColumn, value: outcome, rule: 'latest' });
  if (typed?.type === CASE_EVENT_TYPES.recordSatisfaction && typeof typed.payload.satisfaction === 'string')
    assignments.push({ column: 'satisfaction', value: typed.payload.satisfaction, rule: 'latest' });
  if ((FINAL_STATUSES as readonly unknown[]).includes(event.payload.status))
    assignments.push({ column: 'ended_at', value: at, rule: 'first' });
  // A review or re-review request received in time but recorded after the lapse closed the case reopens
  // it (arts. 35–36): it is open again until its next end.
  else if (event.payload.fromStatus === 'closed' && REOPENING.includes(event.type))
    assignments.push({ column: 'ended_at', value: null, rule: 'latest' });
  return { assignments, occurrence: occurrenceOf(event) };
}

function setClause(assignment: MetricFactAssignment, placeholder: string, params: unknown[]): string {
  const { column } = assignment;
  switch (assignment.rule) {
    case 'untilLapsed':
      params.push(assignment.asOf);
      return `${column} = CASE WHEN ${column} <= $${params.length}::timestamptz THEN ${column} ELSE ${placeholder} END`;
    case 'first':
      return `${column} = coalesce(${column}, ${placeholder})`;
    case 'latest':
      return `${column} = ${placeholder}`;
    case 'untilTriaged':
      return `${column} = CASE WHEN triaged_at IS NULL THEN ${placeholder} ELSE ${column} END`;
  }
}

/** The event a repeat visit on an open case records (workflows/repeat-visits.ts). */
export const REPEAT_VISIT_RECORDED = EVENT_TYPES.repeatVisitRecorded;

/**
 * Keeps the supervisors' metric facts of the event's case current, inside the recording transaction
 * (called after the `cases` row is written). A repeat visit recorded on a case counts on it, and so
 * does a registration linked to earlier cases, on each of them.
 */
export async function projectMetricFacts(tx: EntityManager, event: CaseEventInput): Promise<void> {
  const typed = typedEvent(event);
  if (typed?.type === CASE_EVENT_TYPES.register) {
    await tx.query(`INSERT INTO case_metric_facts (case_number) VALUES ($1)`, [event.caseNumber]);
    const linked = typed.payload.linkedCaseNumbers;
    if (Array.isArray(linked) && linked.length > 0) {
      await tx.query(
        `UPDATE cases SET repeat_visits = repeat_visits + 1 WHERE case_number = ANY($1) AND case_number <> $2`,
        [linked, event.caseNumber],
      );
    }
  }
  if (event.type === REPEAT_VISIT_RECORDED) {
    await tx.query(`UPDATE cases SET repeat_visits = repeat_visits + 1 WHERE case_number = $1`, [
      event.caseNumber,
    ]);
  }
  const { assignments, occurrence } = metricFactChange(event);
  if (assignments.length > 0) {
    const params: unknown[] = [event.caseNumber, ...assignments.map((assignment) => assignment.value)];
    const sets = assignments.map((assignment, index) => setClause(assignment, `$${index + 2}`, params));
    await tx.query(`UPDATE case_metric_facts SET ${sets.join(', ')} WHERE case_number = $1`, params);
  }
  if (occurrence) {
    await tx.query(
      `INSERT INTO case_metric_occurrences (case_number, seq, kind, level, occurred_at) VALUES ($1, $2, $3, $4, $5)`,
      [event.caseNumber, event.seq, occurrence.kind, occurrence.level, event.occurredAt],
    );
  }
}

import { type Calendar, deadlineEndingOn } from '../clock';
import { type CaseState } from '../case/case-state';
import { assignmentOfHolder } from '../case/routing-followup-actions';

/** How long before an assignment's feedback is due its receiving unit is warned. */
export const FEEDBACK_WARNING_BEFORE_MS = 24 * 60 * 60 * 1000;

/** A warning before an assigned-down case's feedback (completion report) is due, or its being overdue. */
export interface FeedbackAlarm {
  kind: 'feedbackWarning' | 'feedbackOverdue';
  /** Unique per assignment: a new assignment warns again, the same one never twice. */
  key: string;
  at: string;
  dueDate: string;
  dueAt: string;
  fromUnitCode: string;
  toUnitCode: string;
}

/**
 * The feedback clock of an assignment (交办): runs while the unit the case was assigned to holds it and has
 * not sent its completion report; warns a day before 24:00 of the feedback date and says when it passed.
 */
export function feedbackAlarms(state: CaseState, calendar: Calendar): FeedbackAlarm[] {
  if (state.completionReport || state.status === 'notAccepted' || state.status === 'withdrawn') return [];
  const assignment = assignmentOfHolder(state);
  if (!assignment?.feedbackDueDate) return [];
  const dueAt = deadlineEndingOn(calendar, assignment.feedbackDueDate).endsAt;
  const base = {
    dueDate: assignment.feedbackDueDate,
    dueAt,
    fromUnitCode: assignment.fromUnitCode,
    toUnitCode: assignment.toUnitCode,
  };
  const key = `feedback@${assignment.at}`;
  return [
    {
      kind: 'feedbackWarning',
      key: `${key}|warning`,
      at: new Date(Date.parse(dueAt) - FEEDBACK_WARNING_BEFORE_MS).toISOString(),
      ...base,
    },
    { kind: 'feedbackOverdue', key: `${key}|overdue`, at: dueAt, ...base },
  ];
}

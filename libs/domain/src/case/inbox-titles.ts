/** The titles of the inbox items the case workflow delivers: Chinese first, English beside. */

/** A warning before a clock's deadline. */
export function deadlineWarningTitle(clock: string, dueAt: string): string {
  return `临期提醒 / deadline approaching: ${clock} due ${dueAt}`;
}

/** One level of the escalation ladder after a clock's deadline. */
export function deadlineEscalationTitle(level: number, clock: string, dueAt: string): string {
  return `超期升级 / overdue, level ${level}: ${clock} was due ${dueAt}`;
}

/** The assignment's feedback clock (交办反馈期限): before it lapses, or after. */
export function feedbackAlarmTitle(warning: boolean, fromUnitCode: string, dueDate: string): string {
  return warning
    ? `交办反馈临期 / feedback to ${fromUnitCode} due ${dueDate}`
    : `交办反馈逾期 / feedback to ${fromUnitCode} was due ${dueDate}`;
}

/** The petitioner came again on this open case's matter. */
export function repeatVisitTitle(visitNumber: number): string {
  return `重复信访 / repeat visit no. ${visitNumber} on this open case`;
}

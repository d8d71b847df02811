/**
 * A policy clock applied to a case: its deadline, its warning times and its escalation times.
 */
import {
  Calendar,
  Deadline,
  InstantInput,
  Pause,
  computeDeadline,
  escalationTimes,
  extendDeadline,
  warningTimes,
} from '../clock';
import { DomainError } from '../errors';
import { EscalationRecipient, Policy } from './policy';
import { ClockName } from './statute';

/** The deadline of `clock` under `policy`, started at `from`. */
export function clockDeadline(
  policy: Policy,
  clock: ClockName,
  calendar: Calendar,
  from: InstantInput,
  pauses: readonly Pause[] = [],
): Deadline {
  const { days, mode } = policy.clocks[clock];
  return computeDeadline({ calendar, mode, days, from, pauses });
}

/** The handling deadline after the one extension of `days` (1 ≤ days ≤ policy.extension.maxDays). */
export function extendedHandlingDeadline(
  policy: Policy,
  calendar: Calendar,
  deadline: Deadline,
  days: number,
): Deadline {
  const { maxDays, mode } = policy.extension;
  if (!Number.isInteger(days) || days < 1 || days > maxDays) {
    throw new DomainError(
      'EXTENSION_TOO_LONG',
      `延期天数必须为 1 到 ${maxDays} 的整数 / an extension must be 1 to ${maxDays} days`,
      { field: 'days', kind: 'rule' },
    );
  }
  return extendDeadline(calendar, deadline, mode, days);
}

/** When to warn before `deadline` for `clock`, earliest first. */
export function clockWarningTimes(policy: Policy, clock: ClockName, deadline: Deadline): string[] {
  return warningTimes(deadline.endsAt, policy.clocks[clock].warnBefore);
}

export interface ScheduledEscalation {
  /** 1-based level in the ladder. */
  level: number;
  recipient: EscalationRecipient;
  at: string;
}

/** When each escalation level fires after `deadline` is missed, in ladder order. */
export function escalationSchedule(policy: Policy, deadline: Deadline): ScheduledEscalation[] {
  const times = escalationTimes(
    deadline.endsAt,
    policy.escalationLadder.map((level) => level.after),
  );
  return policy.escalationLadder.map((level, index) => ({
    level: index + 1,
    recipient: level.recipient,
    at: times[index],
  }));
}

/** Who is told when a case receives its `repeatCount`-th repeat petition (the highest threshold reached). */
export function repeatEscalationRecipient(
  policy: Policy,
  repeatCount: number,
): EscalationRecipient | undefined {
  const reached = policy.repeatEscalation.filter((rule) => repeatCount >= rule.repeatCount);
  return reached.length === 0 ? undefined : reached[reached.length - 1].recipient;
}

/**
 * A policy clock applied to a case: its deadline, its warning times and its escalation times.
 */
import {
  Calendar,
  CountingRule,
  Deadline,
  DeadlineMode,
  InstantInput,
  Pause,
  computeDeadline,
  escalationTimes,
  warningTimes,
} from '../clock';
import { DomainError } from '../errors';
import { DEFAULT_POLICY } from './default-policy';
import { ClockPolicy, EscalationRecipient, Policy } from './policy';
import { ClockName } from './statute';

/** What moves a clock's deadline beyond its own days. */
export interface ClockAdjustments {
  /** Default 'rollOnce' (see clock/deadline.ts). */
  counting?: CountingRule;
  /** Pauses excluded in whole days. */
  pauses?: readonly Pause[];
  /** Pauses excluded as the time they took. */
  elapsedPauses?: readonly Pause[];
  /** The one granted extension of the handling clock, in days (1 ≤ days ≤ policy.extension.maxDays). */
  extensionDays?: number;
}

/** The policy's settings of `clock`; a policy published before a clock existed uses the national one. */
export function clockPolicyOf(policy: Policy, clock: ClockName): ClockPolicy {
  return policy.clocks[clock] ?? DEFAULT_POLICY.clocks[clock];
}

function checkedExtension(policy: Policy, days: number): { days: number; mode: DeadlineMode } {
  const { maxDays, mode } = policy.extension;
  if (!Number.isInteger(days) || days < 1 || days > maxDays) {
    throw new DomainError(
      'EXTENSION_TOO_LONG',
      `延期天数必须为 1 到 ${maxDays} 的整数 / an extension must be 1 to ${maxDays} days`,
      { field: 'days' },
    );
  }
  return { days, mode };
}

/** The deadline of `clock` under `policy`, started at `from`, moved by pauses and an extension. */
export function clockDeadline(
  policy: Policy,
  clock: ClockName,
  calendar: Calendar,
  from: InstantInput,
  adjustments: ClockAdjustments = {},
): Deadline {
  const { days, mode } = clockPolicyOf(policy, clock);
  const { extensionDays, ...rest } = adjustments;
  const extension = extensionDays === undefined ? undefined : checkedExtension(policy, extensionDays);
  return computeDeadline({ calendar, mode, days, from, extension, ...rest });
}

/** When to warn before `deadline` for `clock`, earliest first. */
export function clockWarningTimes(policy: Policy, clock: ClockName, deadline: Deadline): string[] {
  return warningTimes(deadline.endsAt, clockPolicyOf(policy, clock).warnBefore);
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

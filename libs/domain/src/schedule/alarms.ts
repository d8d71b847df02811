import { type EscalationRecipient, type Policy } from '../policy/policy';
import { clockWarningTimes, escalationSchedule } from '../policy/clock-schedule';
import { type ClockName } from '../policy/statute';
import { type RunningClock } from './running-clock';

/** Something a running clock makes happen at a time: a warning, an escalation level, or a lapsed window. */
export type Alarm =
  | { kind: 'warning'; key: string; at: string; clock: ClockName; dueAt: string }
  | {
      kind: 'escalation';
      key: string;
      at: string;
      clock: ClockName;
      dueAt: string;
      level: number;
      recipient: EscalationRecipient;
    }
  | { kind: 'lapse'; key: string; at: string; clock: ClockName; dueAt: string };

/**
 * The alarms of a running clock, earliest first. Warnings are keyed by their time (a moved deadline
 * warns again); escalation levels by their number (a level fires once per run of the clock).
 */
export function clockAlarms(clock: RunningClock, policy: Policy): Alarm[] {
  if (clock.paused) return [];
  const dueAt = clock.deadline.endsAt;
  const base = { clock: clock.name, dueAt };
  if (clock.kind === 'right')
    return [{ kind: 'lapse', key: `${clock.instanceKey}|lapse`, at: dueAt, ...base }];
  const warnings: Alarm[] = clockWarningTimes(policy, clock.name, clock.deadline).map((at) => ({
    kind: 'warning',
    key: `${clock.instanceKey}|warning|${at}`,
    at,
    ...base,
  }));
  const escalations: Alarm[] = escalationSchedule(policy, clock.deadline).map((step) => ({
    kind: 'escalation',
    key: `${clock.instanceKey}|escalation|${step.level}`,
    at: step.at,
    level: step.level,
    recipient: step.recipient,
    ...base,
  }));
  return [...warnings, ...escalations].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** The highest escalation level already fired for this run of the clock (0 when none). */
export function overdueLevel(clock: RunningClock | null, fired: ReadonlySet<string>): number {
  if (!clock) return 0;
  let level = 0;
  for (const key of fired) {
    const match = key.startsWith(`${clock.instanceKey}|escalation|`) ? Number(key.split('|')[2]) : 0;
    level = Math.max(level, match);
  }
  return level;
}

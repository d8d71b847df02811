/**
 * Deadline arithmetic in two modes.
 *
 * - 'calendar' (Civil Code arts. 201–203): the start day (the local date of `from`) is not counted;
 *   the last day is start + N; a last day that is a rest day or holiday moves to the first working day
 *   after it.
 * - 'working': only working days after the start day count (make-up workdays do, holidays and rest
 *   days do not); the last day is the N-th of them.
 *
 * Either way the deadline ends at 24:00 local time on the last day, so `endsAt` is 00:00 local of the
 * next day (exclusive end), as a UTC ISO instant.
 *
 * Pauses: the paused time, rounded up to whole days P (see pauses.ts), extends the deadline exactly
 * like an extension of P days in the clock's own mode: P more units are counted after the unpaused
 * last day (the unpaused last day is the start day of that count, not counted itself). So in working
 * mode the result equals a fresh computation of N days from the start shifted by P working days, and in
 * either mode it equals a fresh P-day computation from the unpaused last day; every added unit is at
 * least one day, so a pause of duration d moves `endsAt` by at least d.
 */
import { DomainError } from '../errors';
import { Calendar, isWorkingDay } from './calendar';
import { InstantInput, instantMsOf, toIsoUtc } from './instant';
import { LocalDate, addDays, isLocalDate } from './local-date';
import { Pause, pausedWholeDays } from './pauses';
import { isSupportedTimeZone, localDateAt, startOfLocalDay } from './time-zone';

export const DEADLINE_MODES = ['calendar', 'working'] as const;
export type DeadlineMode = (typeof DEADLINE_MODES)[number];

/** Upper bound on N, a sanity limit (about 27 years of calendar days). */
export const MAX_DEADLINE_DAYS = 10_000;

export const INVALID_DEADLINE_INPUT = 'INVALID_DEADLINE_INPUT';

export interface DeadlineInput {
  calendar: Calendar;
  mode: DeadlineMode;
  /** N ≥ 1. */
  days: number;
  /** The start instant; its local date is the start day (not counted). */
  from: InstantInput;
  pauses?: readonly Pause[];
}

export interface Deadline {
  /** The last day of the period, local date in the calendar's zone. */
  lastDay: LocalDate;
  /** 00:00 local of the day after `lastDay` (the period ends at 24:00 of the last day), UTC ISO. */
  endsAt: string;
}

function invalid(field: string, message: string): DomainError {
  return new DomainError(INVALID_DEADLINE_INPUT, `期限参数错误 / invalid deadline input: ${message}`, {
    field,
  });
}

function assertCountable(calendar: Calendar, mode: unknown, days: unknown, allowZero: boolean): void {
  if (!isSupportedTimeZone(calendar.timeZone)) {
    throw invalid('calendar.timeZone', `不支持的时区 / unsupported time zone ${calendar.timeZone}`);
  }
  if (mode !== 'calendar' && mode !== 'working') {
    throw invalid('mode', `mode 必须为 calendar 或 working / mode must be 'calendar' or 'working'`);
  }
  const min = allowZero ? 0 : 1;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < min || days > MAX_DEADLINE_DAYS) {
    throw invalid(
      'days',
      `days 必须为 ${min} 到 ${MAX_DEADLINE_DAYS} 的整数 / days must be an integer from ${min} to ${MAX_DEADLINE_DAYS}`,
    );
  }
}

function firstWorkingDayOnOrAfter(calendar: Calendar, date: LocalDate): LocalDate {
  let day = date;
  while (!isWorkingDay(calendar, day)) day = addDays(day, 1);
  return day;
}

function nthWorkingDayAfter(calendar: Calendar, startDay: LocalDate, n: number): LocalDate {
  let day = startDay;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (isWorkingDay(calendar, day)) counted += 1;
  }
  return day;
}

/**
 * The last day of a period of `days` units after `startDay` (not counted). `days` = 0 gives
 * `startDay` itself unchanged (nothing is counted, so nothing moves).
 */
export function lastDayAfter(
  calendar: Calendar,
  mode: DeadlineMode,
  startDay: LocalDate,
  days: number,
): LocalDate {
  assertCountable(calendar, mode, days, true);
  if (!isLocalDate(startDay)) throw invalid('startDay', `不是有效日期 / not a date: ${startDay}`);
  if (days === 0) return startDay;
  return mode === 'calendar'
    ? firstWorkingDayOnOrAfter(calendar, addDays(startDay, days))
    : nthWorkingDayAfter(calendar, startDay, days);
}

/** The deadline ending at 24:00 local of `lastDay`. */
export function deadlineEndingOn(calendar: Calendar, lastDay: LocalDate): Deadline {
  return { lastDay, endsAt: toIsoUtc(startOfLocalDay(addDays(lastDay, 1), calendar.timeZone)) };
}

/** When is it due? See the module comment for the rules. Throws DomainError INVALID_DEADLINE_INPUT / INVALID_PAUSE. */
export function computeDeadline(input: DeadlineInput): Deadline {
  const { calendar, mode, days } = input;
  assertCountable(calendar, mode, days, false);
  const fromMs = instantMsOf(input.from);
  if (fromMs === undefined) {
    throw invalid(
      'from',
      `from 必须为带时区的 ISO 时间或毫秒数 / from must be an ISO instant with offset, or epoch ms`,
    );
  }
  const startDay = localDateAt(fromMs, calendar.timeZone);
  const unpausedLastDay = lastDayAfter(calendar, mode, startDay, days);
  const pausedDays = pausedWholeDays(input.pauses ?? [], fromMs);
  return deadlineEndingOn(calendar, lastDayAfter(calendar, mode, unpausedLastDay, pausedDays));
}

/**
 * An extension (延期) of `days` units in `mode`, counted from the current deadline's last day
 * (which is not counted), e.g. the one handling extension of at most 30 days.
 */
export function extendDeadline(
  calendar: Calendar,
  deadline: Deadline,
  mode: DeadlineMode,
  days: number,
): Deadline {
  assertCountable(calendar, mode, days, true);
  return deadlineEndingOn(calendar, lastDayAfter(calendar, mode, deadline.lastDay, days));
}

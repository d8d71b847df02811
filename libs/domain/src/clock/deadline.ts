/**
 * Deadline arithmetic in two modes.
 *
 * - 'calendar' (Civil Code arts. 201–203): the start day (the local date of `from`) is not counted;
 *   the period is counted in days from the day after it; a last day that is a rest day or holiday moves
 *   to the first working day after it.
 * - 'working': only working days after the start day count (make-up workdays do, holidays and rest
 *   days do not); the last day is the N-th of them.
 *
 * The deadline ends at 24:00 local time on the last day, so `endsAt` is 00:00 local of the next day
 * (exclusive end), as a UTC ISO instant — except after a pause counted as elapsed time (below).
 *
 * What a period is made of, and the one roll (counting 'rollOnce', the law's reading):
 *   raw last day = start day + N days (or the N-th working day)
 *                + P excluded days (paused time, e.g. hearing time under Regulation art. 36, rounded up
 *                  to whole days, counted in the clock's own mode)
 *                + E days of an extension (Regulation art. 34: counted from acceptance, in its own mode);
 *   only then is the last day moved off a rest day or holiday (Civil Code art. 203). A pause counted as
 *   elapsed time (where a policy says a pause shorter than a day costs only the time it took) then moves
 *   that end by exactly the paused time, and off a rest day again if it crosses into one.
 *
 * Counting 'rollEachStep' is how cases started before the law's reading was adopted keep counting
 * (their committed histories must replay unchanged): the N-day last day is rolled first, then P and E
 * are each counted from the rolled day and rolled again. It can give a later day than the law. (Such
 * cases have no pauses counted as elapsed time: those came with the lawful rules.)
 */
import { DomainError } from '../errors';
import { Calendar, isWorkingDay } from './calendar';
import { InstantInput, instantMsOf, toIsoUtc } from './instant';
import { LocalDate, addDays, isLocalDate } from './local-date';
import { Pause, pausedMs, pausedWholeDays } from './pauses';
import { isSupportedTimeZone, localDateAt, startOfLocalDay } from './time-zone';

export const DEADLINE_MODES = ['calendar', 'working'] as const;
export type DeadlineMode = (typeof DEADLINE_MODES)[number];

/** Upper bound on N, a sanity limit (about 27 years of calendar days). */
export const MAX_DEADLINE_DAYS = 10_000;

export const INVALID_DEADLINE_INPUT = 'INVALID_DEADLINE_INPUT';

/** How excluded days and an extension are added: see the module comment. */
export const COUNTING_RULES = ['rollOnce', 'rollEachStep'] as const;
export type CountingRule = (typeof COUNTING_RULES)[number];

export interface DeadlineInput {
  calendar: Calendar;
  mode: DeadlineMode;
  /** N ≥ 1. */
  days: number;
  /** The start instant; its local date is the start day (not counted). */
  from: InstantInput;
  /** Paused time excluded from the period, rounded up to whole days. */
  pauses?: readonly Pause[];
  /** Paused time excluded exactly as long as it lasted (a policy's choice for short pauses). */
  elapsedPauses?: readonly Pause[];
  /** A granted extension of the period (e.g. art. 34's at most 30 days), in its own mode. */
  extension?: { days: number; mode: DeadlineMode };
  /** Default 'rollOnce', the law's reading. */
  counting?: CountingRule;
}

export interface Deadline {
  /** The last day of the period, local date in the calendar's zone. */
  lastDay: LocalDate;
  /**
   * The exclusive end, UTC ISO: 00:00 local of the day after `lastDay` (24:00 of the last day), or
   * earlier on the last day when a pause counted as elapsed time moved it by less than whole days.
   */
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

/** The last day after `days` units in `mode` from `startDay` (not counted), before any roll. */
function rawLastDayAfter(
  calendar: Calendar,
  mode: DeadlineMode,
  startDay: LocalDate,
  days: number,
): LocalDate {
  if (days === 0) return startDay;
  return mode === 'calendar' ? addDays(startDay, days) : nthWorkingDayAfter(calendar, startDay, days);
}

/** When is it due? See the module comment for the rules. Throws DomainError INVALID_DEADLINE_INPUT / INVALID_PAUSE. */
export function computeDeadline(input: DeadlineInput): Deadline {
  const { calendar, mode, days, extension } = input;
  assertCountable(calendar, mode, days, false);
  if (extension) assertCountable(calendar, extension.mode, extension.days, true);
  const fromMs = instantMsOf(input.from);
  if (fromMs === undefined) {
    throw invalid(
      'from',
      `from 必须为带时区的 ISO 时间或毫秒数 / from must be an ISO instant with offset, or epoch ms`,
    );
  }
  const startDay = localDateAt(fromMs, calendar.timeZone);
  const pausedDays = pausedWholeDays(input.pauses ?? [], fromMs);
  const elapsedMs = pausedMs(input.elapsedPauses ?? [], fromMs);
  if ((input.counting ?? 'rollOnce') === 'rollEachStep') {
    const unpaused = lastDayAfter(calendar, mode, startDay, days);
    const paused = lastDayAfter(calendar, mode, unpaused, pausedDays);
    const extended = extension ? lastDayAfter(calendar, extension.mode, paused, extension.days) : paused;
    return deadlineEndingOn(calendar, extended);
  }
  let raw = rawLastDayAfter(calendar, mode, startDay, days + pausedDays);
  if (extension) raw = rawLastDayAfter(calendar, extension.mode, raw, extension.days);
  const rolled = deadlineEndingOn(calendar, firstWorkingDayOnOrAfter(calendar, raw));
  if (elapsedMs === 0) return rolled;
  // Elapsed time moves the rolled end, so that it never ends earlier than without the pause.
  const movedEnd = Date.parse(rolled.endsAt) + elapsedMs;
  const endDay = localDateAt(movedEnd - 1, calendar.timeZone);
  const lastDay = firstWorkingDayOnOrAfter(calendar, endDay);
  return lastDay === endDay ? { lastDay, endsAt: toIsoUtc(movedEnd) } : deadlineEndingOn(calendar, lastDay);
}

/**
 * Local calendar dates as 'YYYY-MM-DD' strings, and the day arithmetic on them.
 * Pure integer arithmetic over day numbers (days since 1970-01-01); no time zone is involved here.
 */

/** A calendar date in some time zone, 'YYYY-MM-DD'. */
export type LocalDate = string;

export const MS_PER_DAY = 86_400_000;

export const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real date written 'YYYY-MM-DD' (so '2026-02-30' is not). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Days since 1970-01-01 of a valid local date. */
export function dayNumberOf(date: LocalDate): number {
  const match = LOCAL_DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`not a local date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

/** The local date of a day number. */
export function localDateOfDayNumber(dayNumber: number): LocalDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return localDateOfDayNumber(dayNumberOf(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

export function weekdayOf(date: LocalDate): Weekday {
  return WEEKDAYS[new Date(dayNumberOf(date) * MS_PER_DAY).getUTCDay()];
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/**
 * Local dates in Asia/Shanghai (UTC+8, no daylight saving) for tests, written independently of
 * libs/domain so expected deadlines are not computed by the code under test.
 */
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(`${date}T00:00:00.000Z`).getUTCDay()]!;
}

/** 24:00 Shanghai time at the end of `date`, i.e. 16:00 UTC that day, as a UTC ISO instant. */
export function endOfShanghaiDay(date: string): string {
  return `${date}T16:00:00.000Z`;
}

/** `iso` plus `ms`, as a UTC ISO instant. */
export function isoPlus(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

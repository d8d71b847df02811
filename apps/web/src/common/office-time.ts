import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * The office's time zone (办公地时区): the API's TIME_ZONE default. The console's users work in it and the
 * API counts days, periods and deadlines in it, whatever zone the browser runs in (CI's runs in UTC).
 * A constant: no endpoint every user may read tells the server's TIME_ZONE.
 */
export const OFFICE_TIME_ZONE = 'Asia/Shanghai';

/** An instant as the API sends it (ISO-8601), or epoch milliseconds. */
type Instant = string | number | Date;

const WALL_CLOCK = 'YYYY-MM-DDTHH:mm:ss.SSS';

/** The office's calendar date at `now` ('YYYY-MM-DD'). */
export function officeToday(now: Instant = Date.now()): string {
  return dayjs(now).tz(OFFICE_TIME_ZONE).format('YYYY-MM-DD');
}

/** An instant as office local time: 'YYYY-MM-DD HH:mm', with seconds where the screen shows them. */
export function formatOfficeTime(at: Instant, options: { seconds?: boolean } = {}): string {
  return dayjs(at)
    .tz(OFFICE_TIME_ZONE)
    .format(options.seconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm');
}

/** The same, '—' when there is no time. */
export function formatOfficeTimeOrDash(
  at: Instant | null | undefined,
  options?: { seconds?: boolean },
): string {
  return at === null || at === undefined ? '—' : formatOfficeTime(at, options);
}

/**
 * A calendar date ('YYYY-MM-DD', e.g. a holiday or a reception day) as a date picker's value: midnight of
 * that date in the browser's zone, so formatting it back gives the same date whatever the zone.
 */
export function calendarDay(date: string): Dayjs {
  return dayjs(date);
}

/** The office's today as a date picker's value (see calendarDay). */
export function officeTodayDay(now: Instant = Date.now()): Dayjs {
  return calendarDay(officeToday(now));
}

/**
 * Date pickers (Ant Design) show and pick times in the browser's zone. The console's pickers hold office
 * wall-clock time instead: a value whose fields (date, hour, minute) read as the office's local time. This is
 * the office's wall clock at an instant, as such a value.
 */
export function officeWallClock(at: Instant = Date.now()): Dayjs {
  return dayjs(dayjs(at).tz(OFFICE_TIME_ZONE).format(WALL_CLOCK));
}

/** The instant (ISO-8601, UTC) a picked office wall-clock time stands for. */
export function officeInstant(wallClock: Dayjs): string {
  return dayjs.tz(wallClock.format(WALL_CLOCK), OFFICE_TIME_ZONE).toISOString();
}

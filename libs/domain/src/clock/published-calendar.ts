/**
 * The calendar a case works on: the built-in mainland tables, with the years an administrator has
 * published a calendar for taken from that calendar instead. New registrations start with it and open
 * cases receive it when a calendar is published, so both work on the same days.
 *
 * Not for workflow code (it reads the chinese-days data through ./mainland-calendar).
 */
import { type Calendar, parseCalendar } from './calendar';
import { type LocalDate, yearOf } from './local-date';
import { mainlandCalendar, mainlandYearsAvailable } from './mainland-calendar';
import { localDateAt } from './time-zone';

/** The years a calendar lists holidays or make-up workdays in, ascending. */
export function calendarYears(calendar: Calendar): number[] {
  const dates = [...calendar.holidays, ...calendar.makeupWorkdays];
  return [...new Set(dates.map(yearOf))].sort((a, b) => a - b);
}

/**
 * `builtIn` with every year `published` lists dates for replaced by the published dates; the time zone,
 * weekly rest days and version are the published calendar's (cases apply each version once).
 */
export function withPublishedYears(builtIn: Calendar, published: Calendar): Calendar {
  const years = new Set(calendarYears(published));
  const otherYears = (dates: readonly LocalDate[]) => dates.filter((date) => !years.has(yearOf(date)));
  return parseCalendar({
    ...(published.version === undefined ? {} : { version: published.version }),
    timeZone: published.timeZone,
    weeklyRestDays: published.weeklyRestDays,
    holidays: [...otherYears(builtIn.holidays), ...published.holidays],
    makeupWorkdays: [...otherYears(builtIn.makeupWorkdays), ...published.makeupWorkdays],
  });
}

/**
 * The mainland tables from the year before `at` (in `timeZone`) to the last year they cover, with the
 * published calendar in force laid over them when there is one.
 */
export function calendarAround(at: number, timeZone: string, published?: Calendar | null): Calendar {
  const year = yearOf(localDateAt(at, timeZone));
  const available = mainlandYearsAvailable();
  const from = Math.max(available.from, Math.min(year - 1, available.to));
  const builtIn = mainlandCalendar(from, available.to);
  return published ? withPublishedYears(builtIn, published) : builtIn;
}

/**
 * The default mainland China calendar, built from the npm package `chinese-days` (MIT), which keeps
 * the State Council's official holiday and make-up-day tables since 2004.
 *
 * Not for workflow code: API and worker build the calendar here and hand it to workflows as data.
 *
 * Decision: read the package's published data file (`dist/chinese-days.json`, documented in its README
 * for direct use) rather than its query functions, because those read dates in the host's time zone
 * and return shifted days on hosts west of UTC (e.g. TZ=America/New_York turns '2026-10-10' into
 * '2026-10-09'). The spec file cross-checks this data against the package's `isWorkday`.
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { version as chineseDaysVersion } from 'chinese-days/package.json';
import { DomainError } from '../errors';
import { once } from '../once';
import { Calendar, parseCalendar } from './calendar';
import { HolidayTable } from './holiday-table';
import { LocalDate, yearOf } from './local-date';

export const MAINLAND_TIME_ZONE = 'Asia/Shanghai';
export const CALENDAR_YEAR_UNAVAILABLE = 'CALENDAR_YEAR_UNAVAILABLE';

interface ChineseDaysData {
  /** date → "English name,中文名,days" */
  holidays: Record<string, string>;
  /** make-up working days: date → the holiday they pay for */
  workdays: Record<string, string>;
}

const data: ChineseDaysData = chineseDaysData;

function datesOfYear(dates: Record<string, string>, year: number): LocalDate[] {
  return Object.keys(dates)
    .filter((date) => yearOf(date) === year)
    .sort();
}

/** Years for which `chinese-days` has the official table. */
export const mainlandYearsAvailable = once((): { from: number; to: number } => {
  const years = Object.keys(data.holidays).map(yearOf);
  return { from: Math.min(...years), to: Math.max(...years) };
});

/** Built calendars by year range: every registration asks for one, and the tables never change. */
const builtCalendars = new Map<string, Calendar>();

function assertYearAvailable(year: number): void {
  const available = mainlandYearsAvailable();
  if (!Number.isInteger(year) || year < available.from || year > available.to) {
    throw new DomainError(
      CALENDAR_YEAR_UNAVAILABLE,
      `没有 ${year} 年的官方节假日数据，请导入节假日表 / no official holiday data for ${year} ` +
        `(chinese-days@${chineseDaysVersion} covers ${available.from}–${available.to}); import the year's table`,
      { field: 'year', details: { available } },
    );
  }
}

/** The official table of one year, in the shape `importHolidayTable` takes. */
export function mainlandHolidayTable(year: number): HolidayTable {
  assertYearAvailable(year);
  return {
    year,
    holidays: datesOfYear(data.holidays, year),
    makeupWorkdays: datesOfYear(data.workdays, year),
    version: `cn-mainland-${year}/chinese-days@${chineseDaysVersion}`,
  };
}

/**
 * Asia/Shanghai, Saturday and Sunday off, official holidays and make-up days of fromYear..toYear.
 * Built once per year range and shared: treat it as immutable, like every validated calendar.
 */
export function mainlandCalendar(fromYear: number, toYear: number): Calendar {
  const key = `${fromYear}-${toYear}`;
  const built = builtCalendars.get(key) ?? buildMainlandCalendar(fromYear, toYear);
  builtCalendars.set(key, built);
  return built;
}

function buildMainlandCalendar(fromYear: number, toYear: number): Calendar {
  assertYearAvailable(fromYear);
  assertYearAvailable(toYear);
  if (toYear < fromYear) {
    throw new DomainError(
      'INVALID_YEAR_RANGE',
      `年份范围颠倒 / toYear ${toYear} is before fromYear ${fromYear}`,
      {
        field: 'toYear',
      },
    );
  }
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, index) => fromYear + index);
  return parseCalendar({
    version: `cn-mainland-${fromYear}-${toYear}/chinese-days@${chineseDaysVersion}`,
    timeZone: MAINLAND_TIME_ZONE,
    weeklyRestDays: ['SAT', 'SUN'],
    holidays: years.flatMap((year) => datesOfYear(data.holidays, year)),
    makeupWorkdays: years.flatMap((year) => datesOfYear(data.workdays, year)),
  });
}

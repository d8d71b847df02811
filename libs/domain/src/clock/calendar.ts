/**
 * Working-day calendars as data:
 * `{ "timeZone": "Asia/Shanghai", "weeklyRestDays": ["SAT","SUN"], "holidays": ["2026-10-01", …],
 *    "makeupWorkdays": ["2026-10-10", …], "version": "…" }`.
 * A calendar is treated as immutable once validated (lookups are memoised per calendar object).
 */
import type { z } from 'zod';
import { lazyZod } from '../lazy-zod';
import { once } from '../once';
import { DomainError } from '../errors';
import { LocalDate, WEEKDAYS, Weekday, isLocalDate, weekdayOf } from './local-date';
import { isSupportedTimeZone } from './time-zone';
import { domainErrorFromZod } from './validation-error';

export interface Calendar {
  /** Identifies this calendar's content; a new holiday table gives a new version. */
  version?: string;
  /** A supported fixed-offset zone, see time-zone.ts. */
  timeZone: string;
  weeklyRestDays: Weekday[];
  /** Statutory holidays, including the weekend days inside a holiday period. */
  holidays: LocalDate[];
  /** Weekend days worked in exchange for a holiday (调休上班). */
  makeupWorkdays: LocalDate[];
}

export const INVALID_CALENDAR = 'INVALID_CALENDAR';

/** Schemas are built on first use (see once.ts). */
export const localDateSchema = once(() =>
  lazyZod()
    .string({ error: '必须为日期字符串 / must be a date string YYYY-MM-DD' })
    .refine(isLocalDate, { error: '不是有效日期 / is not a date (YYYY-MM-DD)' }),
);

function reportDuplicates(ctx: z.RefinementCtx, dates: readonly string[], field: string): void {
  const seen = new Set<string>();
  dates.forEach((date, index) => {
    if (seen.has(date))
      ctx.addIssue({ code: 'custom', path: [field, index], message: `日期重复 / duplicate date ${date}` });
    seen.add(date);
  });
}

export const calendarSchema = once(() => {
  const z = lazyZod();
  return z
    .strictObject({
      version: z.string().min(1, { error: '不能为空 / must not be empty' }).optional(),
      timeZone: z.string().refine(isSupportedTimeZone, {
        error: '不支持的时区 / unsupported time zone (use e.g. Asia/Shanghai, UTC, UTC+08:00)',
      }),
      weeklyRestDays: z
        .array(
          z.enum(WEEKDAYS, { error: `必须为 ${WEEKDAYS.join('|')} / must be one of ${WEEKDAYS.join('|')}` }),
        )
        .max(6, { error: '一周至少要有一个工作日 / at least one weekday must be a working day' })
        .refine((days) => new Set(days).size === days.length, { error: '星期重复 / duplicate weekday' }),
      holidays: z.array(localDateSchema()),
      makeupWorkdays: z.array(localDateSchema()),
    })
    .superRefine((calendar, ctx) => {
      reportDuplicates(ctx, calendar.holidays, 'holidays');
      reportDuplicates(ctx, calendar.makeupWorkdays, 'makeupWorkdays');
      const holidays = new Set(calendar.holidays);
      calendar.makeupWorkdays.forEach((date, index) => {
        if (holidays.has(date)) {
          ctx.addIssue({
            code: 'custom',
            path: ['makeupWorkdays', index],
            message: `同时是节假日 / ${date} is also listed as a holiday`,
          });
        } else if (!calendar.weeklyRestDays.includes(weekdayOf(date))) {
          ctx.addIssue({
            code: 'custom',
            path: ['makeupWorkdays', index],
            message: `不是每周休息日，无需调休 / ${date} is not a weekly rest day`,
          });
        }
      });
    });
});

/** Validates untrusted calendar data; throws DomainError INVALID_CALENDAR naming each bad field. */
export function parseCalendar(input: unknown): Calendar {
  const result = calendarSchema().safeParse(input);
  if (!result.success)
    throw domainErrorFromZod(INVALID_CALENDAR, '日历格式错误 / invalid calendar', result.error);
  const calendar = result.data;
  return {
    ...(calendar.version === undefined ? {} : { version: calendar.version }),
    timeZone: calendar.timeZone,
    weeklyRestDays: [...calendar.weeklyRestDays],
    holidays: [...calendar.holidays].sort(),
    makeupWorkdays: [...calendar.makeupWorkdays].sort(),
  };
}

interface CalendarLookup {
  rest: ReadonlySet<Weekday>;
  holidays: ReadonlySet<LocalDate>;
  makeupWorkdays: ReadonlySet<LocalDate>;
}

const lookups = new WeakMap<Calendar, CalendarLookup>();

function lookupOf(calendar: Calendar): CalendarLookup {
  let lookup = lookups.get(calendar);
  if (!lookup) {
    lookup = {
      rest: new Set(calendar.weeklyRestDays),
      holidays: new Set(calendar.holidays),
      makeupWorkdays: new Set(calendar.makeupWorkdays),
    };
    lookups.set(calendar, lookup);
  }
  return lookup;
}

function assertLocalDate(date: LocalDate): void {
  if (!isLocalDate(date)) {
    throw new DomainError('INVALID_DATE', `日期格式错误 / invalid date: ${date} (expected YYYY-MM-DD)`, {
      field: 'date',
    });
  }
}

/** Make-up workday → working; holiday → not; weekly rest day → not; otherwise working. */
export function isWorkingDay(calendar: Calendar, date: LocalDate): boolean {
  assertLocalDate(date);
  const lookup = lookupOf(calendar);
  if (lookup.makeupWorkdays.has(date)) return true;
  if (lookup.holidays.has(date)) return false;
  return !lookup.rest.has(weekdayOf(date));
}

/** A statutory holiday or a weekly rest day that is not worked: the days the Civil Code rule skips. */
export function isRestOrHoliday(calendar: Calendar, date: LocalDate): boolean {
  return !isWorkingDay(calendar, date);
}

/**
 * Importing a year's official holiday table (published late in the year before) into a calendar.
 * The table replaces whatever the calendar said about that year and gives the calendar a new version.
 */
import { lazyZod } from '../lazy-zod';
import { Calendar, localDateSchema, parseCalendar } from './calendar';
import { LocalDate, weekdayOf, yearOf } from './local-date';
import { domainErrorFromZod } from './validation-error';

export interface HolidayTable {
  year: number;
  /** Statutory holidays of the year, including weekend days inside a holiday period. */
  holidays: LocalDate[];
  /** Weekend days worked in exchange (调休上班). */
  makeupWorkdays: LocalDate[];
  /** The calendar version this import produces, e.g. 'cn-2027-gov-notice'. */
  version: string;
}

export const INVALID_HOLIDAY_TABLE = 'INVALID_HOLIDAY_TABLE';

function holidayTableSchema(calendar: Calendar) {
  const z = lazyZod();
  return z
    .strictObject({
      year: z.int({ error: '必须为整数年份 / must be an integer year' }).min(1900).max(9999),
      holidays: z.array(localDateSchema()),
      makeupWorkdays: z.array(localDateSchema()),
      version: z.string().min(1, { error: '不能为空 / must not be empty' }),
    })
    .superRefine((table, ctx) => {
      for (const field of ['holidays', 'makeupWorkdays'] as const) {
        table[field].forEach((date, index) => {
          if (yearOf(date) !== table.year) {
            ctx.addIssue({
              code: 'custom',
              path: [field, index],
              message: `${date} 不在 ${table.year} 年内 / ${date} is outside the stated year ${table.year}`,
            });
          }
        });
      }
      table.makeupWorkdays.forEach((date, index) => {
        if (!calendar.weeklyRestDays.includes(weekdayOf(date))) {
          ctx.addIssue({
            code: 'custom',
            path: ['makeupWorkdays', index],
            message: `${date} 不是每周休息日 / ${date} is not a weekly rest day`,
          });
        }
      });
      if (table.version === calendar.version) {
        ctx.addIssue({
          code: 'custom',
          path: ['version'],
          message: `版本号必须更新 / must differ from the calendar's current version ${calendar.version}`,
        });
      }
    });
}

/**
 * A new calendar: `calendar` with the table's year replaced by the table. Rejects (DomainError
 * INVALID_HOLIDAY_TABLE) a table with dates outside its year, make-up days that are not rest days,
 * or an unchanged version; the merged calendar is validated again (INVALID_CALENDAR).
 */
export function importHolidayTable(calendar: Calendar, table: unknown): Calendar {
  const result = holidayTableSchema(calendar).safeParse(table);
  if (!result.success) {
    throw domainErrorFromZod(INVALID_HOLIDAY_TABLE, '节假日表无效 / invalid holiday table', result.error);
  }
  const { year, holidays, makeupWorkdays, version } = result.data;
  const otherYears = (dates: readonly LocalDate[]) => dates.filter((date) => yearOf(date) !== year);
  return parseCalendar({
    version,
    timeZone: calendar.timeZone,
    weeklyRestDays: calendar.weeklyRestDays,
    holidays: [...otherYears(calendar.holidays), ...holidays],
    makeupWorkdays: [...otherYears(calendar.makeupWorkdays), ...makeupWorkdays],
  });
}

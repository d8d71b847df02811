import { DomainError } from '../errors';
import { Calendar } from './calendar';
import { computeDeadline } from './deadline';
import { importHolidayTable } from './holiday-table';
import { NATIONAL_DAY_2026 } from './test-fixtures';

/** Before 2027's table is published: 2026 only. */
const CALENDAR_2026: Calendar = {
  version: 'cn-2026',
  timeZone: 'Asia/Shanghai',
  weeklyRestDays: ['SAT', 'SUN'],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeupWorkdays: ['2026-10-10'],
};

/** A hypothetical 2027 table: National Day Fri 1 – Thu 7 Oct, make-up Sun 26 Sep and Sat 9 Oct. */
const TABLE_2027 = {
  year: 2027,
  holidays: [
    '2027-10-01',
    '2027-10-02',
    '2027-10-03',
    '2027-10-04',
    '2027-10-05',
    '2027-10-06',
    '2027-10-07',
  ],
  makeupWorkdays: ['2027-09-26', '2027-10-09'],
  version: 'cn-2026+2027',
};

function rejection(table: unknown): DomainError {
  try {
    importHolidayTable(CALENDAR_2026, table);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the table to be rejected');
}

describe('importHolidayTable', () => {
  it('adds the year and gives the calendar a new version, leaving other years alone', () => {
    const merged = importHolidayTable(CALENDAR_2026, TABLE_2027);
    expect(merged.version).toBe('cn-2026+2027');
    expect(merged.holidays).toEqual([...CALENDAR_2026.holidays, ...TABLE_2027.holidays]);
    expect(merged.makeupWorkdays).toEqual(['2026-10-10', '2027-09-26', '2027-10-09']);
    expect(CALENDAR_2026.version).toBe('cn-2026'); // not mutated
  });

  it('replaces what the calendar said about that year', () => {
    const corrected = importHolidayTable(CALENDAR_2026, {
      year: 2026,
      ...NATIONAL_DAY_2026,
      version: 'cn-2026-final',
    });
    expect(corrected.holidays).toHaveLength(7);
    expect(corrected.makeupWorkdays).toEqual(['2026-09-20', '2026-10-10']);
  });

  it('changes deadlines that run into the new year’s holidays', () => {
    // Received Wed 29 Sep 2027, 2 calendar days → Fri 1 Oct 2027.
    const input = { mode: 'calendar' as const, days: 2, from: '2027-09-29T10:00:00+08:00' };
    expect(computeDeadline({ ...input, calendar: CALENDAR_2026 }).lastDay).toBe('2027-10-01');
    // With 2027's table, 1–7 Oct are holidays and Fri 8 Oct is the next working day.
    expect(
      computeDeadline({ ...input, calendar: importHolidayTable(CALENDAR_2026, TABLE_2027) }).lastDay,
    ).toBe('2027-10-08');
  });

  it.each([
    [
      { holidays: ['2027-10-01', '2028-01-01'] },
      'holidays[1]',
      '2028-01-01 不在 2027 年内 / 2028-01-01 is outside the stated year 2027',
    ],
    [{ makeupWorkdays: ['2026-12-26'] }, 'makeupWorkdays[0]', 'outside the stated year'],
    [{ makeupWorkdays: ['2027-10-08'] }, 'makeupWorkdays[0]', 'not a weekly rest day'],
    [{ holidays: ['2027-02-30'] }, 'holidays[0]', 'is not a date'],
    [{ version: 'cn-2026' }, 'version', 'must differ'],
    [{ version: undefined }, 'version', 'is required'],
    [{ year: 2027.5 }, 'year', 'must be an integer year'],
  ])('rejects %j naming %s', (patch, field, text) => {
    const error = rejection({ ...TABLE_2027, ...patch });
    expect(error.code).toBe('INVALID_HOLIDAY_TABLE');
    expect(error.field).toBe(field);
    expect(error.message).toContain(`节假日表无效 / invalid holiday table: ${field} `);
    expect(error.message).toContain(text);
  });
});

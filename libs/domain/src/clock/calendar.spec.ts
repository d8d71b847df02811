import { DomainError } from '../errors';
import { Calendar, isRestOrHoliday, isWorkingDay, parseCalendar } from './calendar';

/** The 2026 Mid-Autumn / National Day weeks as officially scheduled. */
const AUTUMN_2026: Calendar = {
  version: 'test-autumn-2026',
  timeZone: 'Asia/Shanghai',
  weeklyRestDays: ['SAT', 'SUN'],
  // prettier-ignore
  holidays: [
    '2026-09-25', '2026-09-26', '2026-09-27',
    '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
  ],
  makeupWorkdays: ['2026-09-20', '2026-10-10'],
};

function rejection(input: unknown): DomainError {
  try {
    parseCalendar(input);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the calendar to be rejected');
}

describe('isWorkingDay', () => {
  it('make-up workday → working, holiday → not, rest day → not, otherwise working', () => {
    expect(isWorkingDay(AUTUMN_2026, '2026-10-10')).toBe(true); // Saturday worked in exchange
    expect(isWorkingDay(AUTUMN_2026, '2026-09-20')).toBe(true); // Sunday worked in exchange
    expect(isWorkingDay(AUTUMN_2026, '2026-10-01')).toBe(false); // National Day, Thursday
    expect(isWorkingDay(AUTUMN_2026, '2026-10-03')).toBe(false); // holiday on a Saturday
    expect(isWorkingDay(AUTUMN_2026, '2026-10-11')).toBe(false); // ordinary Sunday
    expect(isWorkingDay(AUTUMN_2026, '2026-10-12')).toBe(true); // ordinary Monday
    expect(isRestOrHoliday(AUTUMN_2026, '2026-09-25')).toBe(true);
    expect(isRestOrHoliday(AUTUMN_2026, '2026-09-28')).toBe(false);
  });

  it('rejects a malformed date', () => {
    expect(() => isWorkingDay(AUTUMN_2026, '2026-10-32')).toThrow(DomainError);
  });
});

describe('parseCalendar', () => {
  it('accepts the documented shape and returns sorted dates', () => {
    const calendar = parseCalendar({ ...AUTUMN_2026, holidays: [...AUTUMN_2026.holidays].reverse() });
    expect(calendar).toEqual(AUTUMN_2026);
    expect(
      parseCalendar({ timeZone: 'UTC', weeklyRestDays: [], holidays: [], makeupWorkdays: [] }).version,
    ).toBeUndefined();
  });

  it('names the bad field, Chinese first with English beside', () => {
    const error = rejection({
      ...AUTUMN_2026,
      holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-02-30'],
    });
    expect(error.code).toBe('INVALID_CALENDAR');
    expect(error.field).toBe('holidays[3]');
    expect(error.message).toBe(
      '日历格式错误 / invalid calendar: holidays[3] 不是有效日期 / is not a date (YYYY-MM-DD)',
    );
  });

  it.each([
    [{ timeZone: 'America/New_York' }, 'timeZone', '不支持的时区'],
    [{ timeZone: undefined }, 'timeZone', '缺少必填项 / is required'],
    [{ weeklyRestDays: ['SATURDAY'] }, 'weeklyRestDays[0]', 'must be one of'],
    [{ weeklyRestDays: ['SAT', 'SAT'] }, 'weeklyRestDays', 'duplicate weekday'],
    [
      { weeklyRestDays: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] },
      'weeklyRestDays',
      'at least one weekday',
    ],
    [{ holidays: '2026-10-01' }, 'holidays', 'must be of type array'],
    [{ holidays: ['2026-10-01', '2026-10-01'] }, 'holidays[1]', 'duplicate date'],
    [{ makeupWorkdays: ['2026-10-01'] }, 'makeupWorkdays[0]', 'also listed as a holiday'],
    [{ makeupWorkdays: ['2026-10-12'] }, 'makeupWorkdays[0]', 'not a weekly rest day'],
    [{ version: '' }, 'version', 'must not be empty'],
    [{ holiday: [] }, 'holiday', '未知字段 / unknown field'],
  ])('rejects %j naming %s', (patch, field, text) => {
    const error = rejection({ ...AUTUMN_2026, ...patch });
    expect(error.field).toBe(field);
    expect(error.message).toContain(`${field} `);
    expect(error.message).toContain(text);
  });

  it('reports every bad field at once', () => {
    const error = rejection({
      timeZone: 'Mars/Olympus',
      weeklyRestDays: ['SAT'],
      holidays: ['x'],
      makeupWorkdays: [1],
    });
    expect(error.details?.problems).toEqual([
      { field: 'timeZone', message: expect.stringContaining('不支持的时区') },
      { field: 'holidays[0]', message: expect.stringContaining('is not a date') },
      { field: 'makeupWorkdays[0]', message: expect.stringContaining('must be a date string') },
    ]);
  });

  it('rejects something that is not an object', () => {
    expect(rejection(null).message).toContain('日历格式错误 / invalid calendar: (root)');
  });
});

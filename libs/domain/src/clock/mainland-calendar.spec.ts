import { isWorkday } from 'chinese-days';
import { DomainError } from '../errors';
import { isWorkingDay } from './calendar';
import { addDays } from './local-date';
import { mainlandCalendar, mainlandHolidayTable, mainlandYearsAvailable } from './mainland-calendar';

describe('mainlandCalendar', () => {
  it('holds the official 2026 schedule (State Council notice, as published)', () => {
    const calendar = mainlandCalendar(2026, 2026);
    expect(calendar.timeZone).toBe('Asia/Shanghai');
    expect(calendar.weeklyRestDays).toEqual(['SAT', 'SUN']);
    expect(calendar.version).toMatch(/^cn-mainland-2026-2026\/chinese-days@\d+\.\d+\.\d+$/);
    // prettier-ignore
    expect(calendar.holidays).toEqual([
      '2026-01-01', '2026-01-02', '2026-01-03', // 元旦
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23', // 春节
      '2026-04-04', '2026-04-05', '2026-04-06', // 清明
      '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', // 劳动节
      '2026-06-19', '2026-06-20', '2026-06-21', // 端午
      '2026-09-25', '2026-09-26', '2026-09-27', // 中秋
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', // 国庆
    ]);
    expect(calendar.makeupWorkdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('covers a range of years', () => {
    const calendar = mainlandCalendar(2025, 2026);
    expect(calendar.holidays).toContain('2025-10-08');
    expect(calendar.holidays).toContain('2026-10-07');
    expect(calendar.holidays.some((date) => date.startsWith('2024'))).toBe(false);
  });

  it('agrees with chinese-days’ own isWorkday on every day 2004–2026 (run in Beijing time, where that API is right)', () => {
    const hostZone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const { from, to } = mainlandYearsAvailable();
      const calendar = mainlandCalendar(from, to);
      const disagreements: string[] = [];
      for (let day = `${from}-01-01`; day <= `${to}-12-31`; day = addDays(day, 1)) {
        if (isWorkday(day) !== isWorkingDay(calendar, day)) disagreements.push(day);
      }
      expect(disagreements).toEqual([]);
    } finally {
      if (hostZone === undefined) delete process.env.TZ;
      else process.env.TZ = hostZone;
    }
  });

  it('refuses years without official data, pointing to the import', () => {
    const { to } = mainlandYearsAvailable();
    expect(() => mainlandCalendar(to, to + 1)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_YEAR_UNAVAILABLE', field: 'year' }),
    );
    expect(() => mainlandCalendar(2003, 2005)).toThrow(DomainError);
    expect(() => mainlandCalendar(2026, 2025)).toThrow(
      expect.objectContaining({ code: 'INVALID_YEAR_RANGE' }),
    );
  });

  it('gives one year as an importable table', () => {
    const table = mainlandHolidayTable(2026);
    expect(table.year).toBe(2026);
    expect(table.makeupWorkdays).toContain('2026-10-10');
    expect(table.version).toMatch(/^cn-mainland-2026\//);
  });
});

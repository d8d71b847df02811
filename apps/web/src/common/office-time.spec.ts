import dayjs from 'dayjs';
import {
  calendarDay,
  formatOfficeTime,
  formatOfficeTimeOrDash,
  OFFICE_TIME_ZONE,
  officeInstant,
  officeToday,
  officeTodayDay,
  officeWallClock,
} from './office-time';

// Every case is a fixed instant, so none depends on the zone the test process (or browser) runs in.
// 2026-12-04T19:06:00Z is 2026-12-05 03:06 in Asia/Shanghai (UTC+8, no daylight saving): still the 4th in
// UTC and in New York (14:06 EST), already the 5th at the office.
const EVENING_UTC = '2026-12-04T19:06:00Z';

describe('office time (Asia/Shanghai), whatever zone the browser runs in', () => {
  it('is the API’s default TIME_ZONE', () => {
    expect(OFFICE_TIME_ZONE).toBe('Asia/Shanghai');
  });

  it('formats an instant as office local time, with seconds where asked', () => {
    expect(formatOfficeTime(EVENING_UTC)).toBe('2026-12-05 03:06');
    expect(formatOfficeTime('2026-12-04T19:06:07.890Z', { seconds: true })).toBe('2026-12-05 03:06:07');
    expect(formatOfficeTime(Date.parse(EVENING_UTC))).toBe('2026-12-05 03:06');
    // An instant given with another offset: 2026-12-04 09:06 in New York (−05:00) is 14:06Z, 22:06 in Shanghai.
    expect(formatOfficeTime('2026-12-04T09:06:00-05:00')).toBe('2026-12-04 22:06');
    expect(formatOfficeTimeOrDash(null)).toBe('—');
    expect(formatOfficeTimeOrDash(EVENING_UTC)).toBe('2026-12-05 03:06');
  });

  it("counts today by the office's calendar: at 19:06 UTC on the 4th it is already the 5th", () => {
    expect(officeToday(EVENING_UTC)).toBe('2026-12-05');
    expect(officeToday(new Date(EVENING_UTC))).toBe('2026-12-05');
    // The office's day turns at 16:00 UTC: one minute before, it is still the 4th.
    expect(officeToday('2026-12-04T15:59:00Z')).toBe('2026-12-04');
    expect(officeToday('2026-12-04T16:00:00Z')).toBe('2026-12-05');
    // A year's end: 2026-12-31T16:30Z is 2027-01-01 00:30 at the office.
    expect(officeToday('2026-12-31T16:30:00Z')).toBe('2027-01-01');
  });

  it("gives the office's today as a date picker value that formats back to the same date", () => {
    expect(officeTodayDay(EVENING_UTC).format('YYYY-MM-DD')).toBe('2026-12-05');
    expect(officeTodayDay(EVENING_UTC).format('HH:mm')).toBe('00:00');
  });

  it('keeps plain calendar dates (holidays, reception days) as they are', () => {
    expect(calendarDay('2026-10-01').format('YYYY-MM-DD')).toBe('2026-10-01');
    expect(calendarDay('2026-10-01').day()).toBe(4); // 1 October 2026 is a Thursday
    expect(calendarDay('2027-01-01').format('YYYY-MM-DD')).toBe('2027-01-01');
  });

  it('holds picked times as office wall-clock time and sends the instant they stand for', () => {
    const wallClock = officeWallClock(EVENING_UTC);
    expect(wallClock.format('YYYY-MM-DD HH:mm')).toBe('2026-12-05 03:06');
    expect(officeInstant(wallClock)).toBe('2026-12-04T19:06:00.000Z');
    // A clerk picks 2026-11-20 09:30 at the office: 09:30 − 8 h = 01:30 UTC.
    expect(officeInstant(dayjs('2026-11-20T09:30:00'))).toBe('2026-11-20T01:30:00.000Z');
    // Back-dating is judged on the office's calendar: 03:06 on the 5th is not before the 5th, 23:59 on the 4th is.
    expect(wallClock.isBefore(officeTodayDay(EVENING_UTC))).toBe(false);
    expect(dayjs('2026-12-04T23:59:00').isBefore(officeTodayDay(EVENING_UTC))).toBe(true);
  });
});

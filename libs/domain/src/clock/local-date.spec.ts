import { addDays, daysBetween, isLocalDate, weekdayOf } from './local-date';
import { durationMsOf } from './duration';
import { instantMsOf } from './instant';
import { localDateAt, startOfLocalDay, utcOffsetMinutes } from './time-zone';

describe('local dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isLocalDate('2026-10-01')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2026-1-1')).toBe(false);
    expect(isLocalDate(20261001)).toBe(false);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-09-28', 15)).toBe('2026-10-13');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-09-28', '2026-10-13')).toBe(15);
  });

  it('knows the weekday (2026-10-01 was a Thursday, 2026-10-10 a Saturday)', () => {
    expect(weekdayOf('2026-10-01')).toBe('THU');
    expect(weekdayOf('2026-10-10')).toBe('SAT');
    expect(weekdayOf('2026-09-20')).toBe('SUN');
  });
});

describe('time zones', () => {
  it('has fixed offsets for the supported zones and UTC±HH:MM', () => {
    expect(utcOffsetMinutes('Asia/Shanghai')).toBe(480);
    expect(utcOffsetMinutes('UTC')).toBe(0);
    expect(utcOffsetMinutes('UTC-05:30')).toBe(-330);
    expect(utcOffsetMinutes('America/New_York')).toBeUndefined();
    expect(utcOffsetMinutes('UTC+15:00')).toBeUndefined();
    expect(utcOffsetMinutes('toString')).toBeUndefined();
  });

  it('converts instants to local dates and local midnights to instants', () => {
    // 2026-09-27T17:30Z is 2026-09-28 01:30 in Beijing.
    expect(localDateAt(Date.parse('2026-09-27T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-09-28');
    expect(localDateAt(Date.parse('2026-09-27T15:59:59.999Z'), 'Asia/Shanghai')).toBe('2026-09-27');
    expect(localDateAt(Date.parse('2026-09-28T03:00:00Z'), 'UTC-05:00')).toBe('2026-09-27');
    expect(new Date(startOfLocalDay('2026-10-11', 'Asia/Shanghai')).toISOString()).toBe(
      '2026-10-10T16:00:00.000Z',
    );
    expect(new Date(startOfLocalDay('2026-10-11', 'UTC-05:00')).toISOString()).toBe(
      '2026-10-11T05:00:00.000Z',
    );
  });
});

describe('instants', () => {
  it('accepts epoch ms and ISO strings that state their offset', () => {
    expect(instantMsOf(0)).toBe(0);
    expect(instantMsOf('2026-09-28T10:00:00+08:00')).toBe(Date.parse('2026-09-28T02:00:00Z'));
    expect(instantMsOf('2026-09-28T10:00Z')).toBe(Date.parse('2026-09-28T10:00:00Z'));
  });

  it('refuses strings read in the host zone, rolled-over dates and junk', () => {
    expect(instantMsOf('2026-09-28T10:00:00')).toBeUndefined();
    expect(instantMsOf('2026-09-28')).toBeUndefined();
    expect(instantMsOf('2026-02-30T00:00:00Z')).toBeUndefined();
    expect(instantMsOf('2026-09-28T24:00:00Z')).toBeUndefined();
    expect(instantMsOf(1.5)).toBeUndefined();
    expect(instantMsOf(Number.NaN)).toBeUndefined();
    expect(instantMsOf(null)).toBeUndefined();
  });
});

describe('ISO-8601 durations', () => {
  it.each([
    ['P3D', 3 * 86_400_000],
    ['P1W', 7 * 86_400_000],
    ['PT12H', 12 * 3_600_000],
    ['P1DT6H', 30 * 3_600_000],
    ['PT2M', 120_000],
    ['PT30S', 30_000],
    ['PT0.5S', 500],
    ['PT0S', 0],
  ])('%s is %i ms', (duration, ms) => expect(durationMsOf(duration)).toBe(ms));

  it.each(['P1M', 'P1Y', 'P', 'PT', 'P1DT', '3D', '', 'p3d', 'P-1D', 'PT1.2345S'])('refuses %j', (duration) =>
    expect(durationMsOf(duration)).toBeUndefined(),
  );
});

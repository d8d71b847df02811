import fc from 'fast-check';
import { Calendar, isWorkingDay } from './calendar';
import { DeadlineMode, computeDeadline } from './deadline';
import { LocalDate, MS_PER_DAY, WEEKDAYS, addDays, weekdayOf } from './local-date';
import { mainlandCalendar } from './mainland-calendar';
import { localDateAt, startOfLocalDay } from './time-zone';

/** Printed by name in counterexamples instead of its 800 dates. */
const MAINLAND: Calendar = Object.assign(mainlandCalendar(2004, 2026), {
  [fc.toStringMethod]: () => 'mainlandCalendar(2004, 2026)',
});
const DAY = MS_PER_DAY;
const FROM_MIN = Date.parse('2005-01-01T00:00:00Z');
const FROM_MAX = Date.parse('2025-06-30T00:00:00Z');

/** Synthetic calendars: any zone we support, up to six rest days a week, random holidays and make-up days. */
const syntheticCalendar: fc.Arbitrary<Calendar> = fc
  .record({
    timeZone: fc.constantFrom('Asia/Shanghai', 'UTC', 'UTC-05:00', 'UTC+14:00', 'UTC-11:30'),
    weeklyRestDays: fc.subarray([...WEEKDAYS], { maxLength: 6 }),
    special: fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 120 }),
  })
  .map(({ timeZone, weeklyRestDays, special }) => {
    const dates = special.map((offset) => addDays('2025-01-01', offset));
    const holidays = dates.filter((_, index) => index % 3 !== 0);
    const makeupWorkdays = dates.filter(
      (date, index) => index % 3 === 0 && weeklyRestDays.includes(weekdayOf(date)),
    );
    return { timeZone, weeklyRestDays, holidays, makeupWorkdays };
  });

const calendarAndStart = fc.oneof(
  fc.record({ calendar: fc.constant(MAINLAND), from: fc.integer({ min: FROM_MIN, max: FROM_MAX }) }),
  fc.record({
    calendar: syntheticCalendar,
    from: fc.integer({ min: Date.parse('2024-12-01T00:00:00Z'), max: Date.parse('2026-03-01T00:00:00Z') }),
  }),
);
const mode = fc.constantFrom<DeadlineMode>('calendar', 'working');
const days = fc.integer({ min: 1, max: 90 });

function workingDaysBetween(calendar: Calendar, startDay: LocalDate, lastDay: LocalDate): number {
  let count = 0;
  for (let day = addDays(startDay, 1); day <= lastDay; day = addDays(day, 1))
    if (isWorkingDay(calendar, day)) count++;
  return count;
}

describe('deadline properties', () => {
  it('is monotonic in N, strictly so in working-day mode', () => {
    fc.assert(
      fc.property(calendarAndStart, mode, days, days, ({ calendar, from }, mode, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const early = computeDeadline({ calendar, mode, days: small, from });
        const late = computeDeadline({ calendar, mode, days: large, from });
        expect(early.lastDay <= late.lastDay).toBe(true);
        if (mode === 'working' && small < large) expect(early.lastDay < late.lastDay).toBe(true);
      }),
    );
  });

  it('working-day mode ends on a working day, the N-th working day after the start day', () => {
    fc.assert(
      fc.property(calendarAndStart, days, ({ calendar, from }, n) => {
        const { lastDay } = computeDeadline({ calendar, mode: 'working', days: n, from });
        expect(isWorkingDay(calendar, lastDay)).toBe(true);
        expect(workingDaysBetween(calendar, localDateAt(from, calendar.timeZone), lastDay)).toBe(n);
      }),
    );
  });

  it('calendar mode never ends on a rest day or holiday, and only skips rest days and holidays after start + N', () => {
    fc.assert(
      fc.property(calendarAndStart, days, ({ calendar, from }, n) => {
        const { lastDay } = computeDeadline({ calendar, mode: 'calendar', days: n, from });
        const plain = addDays(localDateAt(from, calendar.timeZone), n);
        expect(isWorkingDay(calendar, lastDay)).toBe(true);
        expect(lastDay >= plain).toBe(true);
        for (let day = plain; day < lastDay; day = addDays(day, 1))
          expect(isWorkingDay(calendar, day)).toBe(false);
      }),
    );
  });

  it('ends at 24:00 local of the last day, and depends only on the start day, not the time of day', () => {
    fc.assert(
      fc.property(calendarAndStart, mode, days, ({ calendar, from }, mode, n) => {
        const deadline = computeDeadline({ calendar, mode, days: n, from });
        const endsAtMs = Date.parse(deadline.endsAt);
        expect(localDateAt(endsAtMs - 1, calendar.timeZone)).toBe(deadline.lastDay);
        expect(localDateAt(endsAtMs, calendar.timeZone)).toBe(addDays(deadline.lastDay, 1));
        const midnight = startOfLocalDay(localDateAt(from, calendar.timeZone), calendar.timeZone);
        expect(computeDeadline({ calendar, mode, days: n, from: midnight })).toEqual(deadline);
        expect(computeDeadline({ calendar, mode, days: n, from: midnight + DAY - 1 })).toEqual(deadline);
      }),
    );
  });

  const pauses = fc.array(
    // Whole minutes, so that the minute-by-minute measurement below is exact.
    fc.record({
      startsAfter: fc.integer({ min: 0, max: 40 * 1440 }),
      lasts: fc.integer({ min: 0, max: 6 * 1440 }),
    }),
    { minLength: 1, maxLength: 3 },
  );

  it('pauses count as P more days of the period before the one roll (art. 36), never later than rolling at each step', () => {
    fc.assert(
      fc.property(calendarAndStart, mode, days, pauses, ({ calendar, from }, mode, n, generated) => {
        const windows = generated.map(({ startsAfter, lasts }) => ({
          from: from + startsAfter * 60_000,
          to: from + (startsAfter + lasts) * 60_000,
        }));
        // The union of the pauses, measured independently of the code under test.
        let paused = 0;
        for (let t = from; t < from + 47 * DAY; t += 60_000) {
          if (windows.some((w) => t >= w.from && t < w.to)) paused += 60_000;
        }
        const pausedDays = Math.ceil(paused / DAY);

        const withPauses = computeDeadline({ calendar, mode, days: n, from, pauses: windows });
        // The law's reading: the same as a period of N + P days.
        expect(withPauses).toEqual(computeDeadline({ calendar, mode, days: n + pausedDays, from }));
        // Rolling first and then counting P from the rolled day is never earlier.
        const eachStep = computeDeadline({
          calendar,
          mode,
          days: n,
          from,
          pauses: windows,
          counting: 'rollEachStep',
        });
        expect(Date.parse(withPauses.endsAt)).toBeLessThanOrEqual(Date.parse(eachStep.endsAt));
        // In working-day mode the two readings agree.
        if (mode === 'working') expect(withPauses).toEqual(eachStep);
        // A pause counted as elapsed time moves the end by at least its length.
        const elapsed = computeDeadline({ calendar, mode, days: n, from, elapsedPauses: windows });
        const unpaused = computeDeadline({ calendar, mode, days: n, from });
        expect(Date.parse(elapsed.endsAt) - Date.parse(unpaused.endsAt)).toBeGreaterThanOrEqual(paused);
      }),
      { numRuns: 60 },
    );
  });

  it('more pause never gives an earlier deadline', () => {
    fc.assert(
      fc.property(
        calendarAndStart,
        mode,
        days,
        fc.nat(10 * DAY),
        fc.nat(10 * DAY),
        ({ calendar, from }, mode, n, a, b) => {
          const [short, long] = a <= b ? [a, b] : [b, a];
          const run = (length: number) =>
            computeDeadline({
              calendar,
              mode,
              days: n,
              from,
              pauses: [{ from: from + DAY, to: from + DAY + length }],
            });
          expect(run(short).endsAt <= run(long).endsAt).toBe(true);
        },
      ),
    );
  });
});

import { addDays, isWorkingDay } from '../clock';
import { mainlandCalendar, mainlandYearsAvailable } from '../clock/mainland-calendar';
import { workingDaysWithin } from './policy-rules';

describe('working days allowed in place of a calendar-day duty', () => {
  it('is a third: 15 → 5, 30 → 10, 60 → 20', () => {
    expect([15, 30, 60].map(workingDaysWithin)).toEqual([5, 10, 20]);
  });

  it.each([15, 30, 60])(
    'never outlasts the statutory %i calendar days on the official tables (every start day since 2004)',
    (statutoryDays) => {
      const { from, to } = mainlandYearsAvailable();
      const calendar = mainlandCalendar(from, to);
      const days: boolean[] = [];
      for (let day = `${from}-01-01`; day <= `${to}-12-31`; day = addDays(day, 1))
        days.push(isWorkingDay(calendar, day));
      const workingDays = workingDaysWithin(statutoryDays);
      let longest = 0;
      // Every start day whose period stays inside the known tables.
      for (let start = 0; start < days.length - 2 * statutoryDays; start++) {
        let day = start;
        for (let counted = 0; counted < workingDays;) if (days[++day]) counted++;
        longest = Math.max(longest, day - start);
      }
      // The calendar-day period ends on start + statutoryDays at the earliest.
      expect(longest).toBeLessThanOrEqual(statutoryDays);
    },
  );
});

import { type Calendar, isWorkingDay } from './calendar';
import { mainlandCalendar, mainlandYearsAvailable } from './mainland-calendar';
import { calendarAround, calendarYears, withPublishedYears } from './published-calendar';

const last = mainlandYearsAvailable().to;
const next = last + 1;

const published: Calendar = {
  version: 'published-1',
  timeZone: 'Asia/Shanghai',
  weeklyRestDays: ['SAT', 'SUN'],
  holidays: [`${last}-12-14`, `${next}-01-01`],
  makeupWorkdays: [],
};

describe('calendar with published years', () => {
  it('names the years a calendar lists dates in', () => {
    expect(calendarYears(published)).toEqual([last, next]);
  });

  it('replaces exactly the published years and keeps the built-in others', () => {
    const builtIn = mainlandCalendar(last - 1, last);
    const merged = withPublishedYears(builtIn, published);
    expect(merged.version).toBe('published-1');
    expect(merged.holidays.filter((date) => date.startsWith(`${last - 1}-`))).toEqual(
      builtIn.holidays.filter((date) => date.startsWith(`${last - 1}-`)),
    );
    expect(merged.holidays.filter((date) => !date.startsWith(`${last - 1}-`))).toEqual(published.holidays);
    expect(merged.makeupWorkdays.some((date) => date.startsWith(`${last}-`))).toBe(false);
    expect(isWorkingDay(merged, `${last}-12-14`)).toBe(false);
  });

  it('is the built-in table alone when nothing is published', () => {
    const at = Date.parse(`${last}-06-01T00:00:00Z`);
    expect(calendarAround(at, 'Asia/Shanghai')).toEqual(mainlandCalendar(last - 1, last));
    expect(calendarAround(at, 'Asia/Shanghai', published).version).toBe('published-1');
  });
});

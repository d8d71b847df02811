import { DomainError } from '../errors';
import { Calendar } from './calendar';
import { computeDeadline } from './deadline';
import { mainlandCalendar } from './mainland-calendar';

/**
 * Worked examples on the official 2026 schedule (from chinese-days). The days that matter:
 *
 *   Sep 2026  Mo Tu We Th Fr Sa Su          Oct 2026  Mo Tu We Th Fr Sa Su
 *             14 15 16 17 18 19 20*                             1h 2h 3h 4h
 *             21 22 23 24 25h 26h 27h                 5h 6h 7h 8  9  10* 11
 *             28 29 30                                12 13 14 15 16 17 18
 *
 *   h = statutory holiday (Mid-Autumn 25–27 Sep, National Day 1–7 Oct)
 *   * = make-up working day (Sunday 20 Sep, Saturday 10 Oct)
 *
 * Every deadline ends at 24:00 Beijing time on its last day = 16:00Z of that day.
 * Expected values below are reasoned out by hand, never produced by the code under test.
 */
const CN = mainlandCalendar(2025, 2026);

describe('calendar-day deadlines (Civil Code arts. 201–203)', () => {
  it('15 days from receipt on Mon 28 Sep 2026: the start day is not counted, 28 Sep + 15 = Tue 13 Oct', () => {
    expect(
      computeDeadline({ calendar: CN, mode: 'calendar', days: 15, from: '2026-09-28T10:00:00+08:00' }),
    ).toEqual({
      lastDay: '2026-10-13',
      endsAt: '2026-10-13T16:00:00.000Z',
    });
  });

  it('uses the local date of the instant: 17:30Z on 27 Sep is already 28 Sep in Beijing', () => {
    expect(
      computeDeadline({ calendar: CN, mode: 'calendar', days: 15, from: '2026-09-27T17:30:00Z' }).lastDay,
    ).toBe('2026-10-13');
    // …and 15:59Z is still 27 Sep: 27 Sep + 15 = Mon 12 Oct.
    expect(
      computeDeadline({ calendar: CN, mode: 'calendar', days: 15, from: '2026-09-27T15:59:00Z' }).lastDay,
    ).toBe('2026-10-12');
  });

  it('a last day on a holiday moves to the first working day after the rest period (28 Sep + 3 = 1 Oct → Thu 8 Oct)', () => {
    expect(
      computeDeadline({ calendar: CN, mode: 'calendar', days: 3, from: '2026-09-28T09:00:00+08:00' }),
    ).toEqual({
      lastDay: '2026-10-08',
      endsAt: '2026-10-08T16:00:00.000Z',
    });
  });

  it('handling: 60 days from acceptance on Mon 3 Aug 2026 = Fri 2 Oct, a holiday → Thu 8 Oct', () => {
    // 3 Aug + 28 = 31 Aug, + 30 = 30 Sep, + 2 = 2 Oct.
    expect(
      computeDeadline({ calendar: CN, mode: 'calendar', days: 60, from: '2026-08-03T15:00:00+08:00' })
        .lastDay,
    ).toBe('2026-10-08');
  });

  it('a make-up Sunday ends the postponement: Fri 18 Sep + 1 = Sat 19 Sep (rest) → Sun 20 Sep (worked)', () => {
    expect(
      computeDeadline({ calendar: CN, mode: 'calendar', days: 1, from: '2026-09-18T12:00:00+08:00' }).lastDay,
    ).toBe('2026-09-20');
  });

  it('an ordinary weekend: Wed 14 Oct + 4 = Sun 18 Oct → Mon 19 Oct', () => {
    expect(
      computeDeadline({ calendar: CN, mode: 'calendar', days: 4, from: '2026-10-14T12:00:00+08:00' }).lastDay,
    ).toBe('2026-10-19');
  });
});

describe('working-day deadlines', () => {
  it('5 working days from Mon 28 Sep 2026: 29, 30 Sep, 8, 9 Oct and the make-up Saturday 10 Oct', () => {
    expect(
      computeDeadline({ calendar: CN, mode: 'working', days: 5, from: '2026-09-28T10:00:00+08:00' }),
    ).toEqual({
      lastDay: '2026-10-10',
      endsAt: '2026-10-10T16:00:00.000Z',
    });
  });

  it('received on a holiday (Fri 2 Oct): 8, 9, 10 (make-up), 12, 13 Oct → Tue 13 Oct', () => {
    expect(
      computeDeadline({ calendar: CN, mode: 'working', days: 5, from: '2026-10-02T11:00:00+08:00' }).lastDay,
    ).toBe('2026-10-13');
  });

  it('Spring Festival 2026: from Fri 13 Feb, the make-up Sat 14 Feb counts, 15–23 Feb do not → Fri 27 Feb', () => {
    // 14 Feb (make-up) = 1; holidays 15–23 Feb; 24, 25, 26, 27 Feb = 2..5.
    expect(
      computeDeadline({ calendar: CN, mode: 'working', days: 5, from: '2026-02-13T09:00:00+08:00' }).lastDay,
    ).toBe('2026-02-27');
  });
});

describe('time zone of the calendar', () => {
  const plain = (timeZone: string): Calendar => ({
    timeZone,
    weeklyRestDays: ['SAT', 'SUN'],
    holidays: [],
    makeupWorkdays: [],
  });

  it('ends at 00:00 local of the next day, in the calendar’s own zone', () => {
    // Mon 5 Jan 2026 + 10 = Thu 15 Jan; ends 16 Jan 00:00 local.
    expect(
      computeDeadline({ calendar: plain('UTC'), mode: 'calendar', days: 10, from: '2026-01-05T12:00:00Z' }),
    ).toEqual({
      lastDay: '2026-01-15',
      endsAt: '2026-01-16T00:00:00.000Z',
    });
    expect(
      computeDeadline({
        calendar: plain('UTC-05:00'),
        mode: 'calendar',
        days: 10,
        from: '2026-01-05T12:00:00Z',
      }).endsAt,
    ).toBe('2026-01-16T05:00:00.000Z');
  });

  it('accepts epoch milliseconds', () => {
    expect(
      computeDeadline({
        calendar: plain('UTC'),
        mode: 'working',
        days: 1,
        from: Date.parse('2026-01-09T12:00:00Z'),
      }).lastDay,
    ).toBe('2026-01-12'); // Fri → Mon
  });
});

describe('pauses', () => {
  it('a 6-hour pause costs a whole day: 5 working days from 28 Sep end Sat 10 Oct → Mon 12 Oct', () => {
    const pauses = [{ from: '2026-09-29T09:00:00+08:00', to: '2026-09-29T15:00:00+08:00' }];
    expect(
      computeDeadline({ calendar: CN, mode: 'working', days: 5, from: '2026-09-28T10:00:00+08:00', pauses })
        .lastDay,
    ).toBe('2026-10-12'); // Sun 11 Oct is not a working day
  });

  it('a 36-hour pause is 2 days: 13 Oct + 2 = Thu 15 Oct', () => {
    const pauses = [{ from: '2026-09-30T00:00:00+08:00', to: '2026-10-01T12:00:00+08:00' }];
    expect(
      computeDeadline({
        calendar: CN,
        mode: 'calendar',
        days: 15,
        from: '2026-09-28T10:00:00+08:00',
        pauses,
      }),
    ).toEqual({ lastDay: '2026-10-15', endsAt: '2026-10-15T16:00:00.000Z' });
  });

  it('Regulation art. 36 + Civil Code art. 203: hearing days are added before the roll: 28 Sep + 3 + 1 = 2 Oct (holiday) → Thu 8 Oct', () => {
    const pauses = [{ from: '2026-09-29T10:00:00+08:00', to: '2026-09-30T10:00:00+08:00' }];
    const input = {
      calendar: CN,
      mode: 'calendar' as const,
      days: 3,
      from: '2026-09-28T09:00:00+08:00',
      pauses,
    };
    expect(computeDeadline(input).lastDay).toBe('2026-10-08');
    // The earlier counting rolled 1 Oct to 8 Oct first and added the day after it: Fri 9 Oct, a day later than the law.
    expect(computeDeadline({ ...input, counting: 'rollEachStep' }).lastDay).toBe('2026-10-09');
  });

  it('art. 36: a 30-day re-review from Tue 1 Sep 2026 with 3 hearing days: 1 Sep + 33 = Sun 4 Oct (holiday) → Thu 8 Oct, not 12 Oct', () => {
    // 1 Sep + 30 = Thu 1 Oct; + 3 hearing days = Sun 4 Oct, inside National Day → first working day Thu 8 Oct.
    // Rolling first: 1 Oct → 8 Oct, + 3 = Sun 11 Oct → Mon 12 Oct.
    const pauses = [{ from: '2026-09-10T09:00:00+08:00', to: '2026-09-12T17:00:00+08:00' }]; // 56 h → 3 days
    const input = {
      calendar: CN,
      mode: 'calendar' as const,
      days: 30,
      from: '2026-09-01T10:00:00+08:00',
      pauses,
    };
    expect(computeDeadline(input)).toEqual({ lastDay: '2026-10-08', endsAt: '2026-10-08T16:00:00.000Z' });
    expect(computeDeadline({ ...input, counting: 'rollEachStep' }).lastDay).toBe('2026-10-12');
  });

  it('a pause counted as elapsed time moves the end by exactly its length: 3 h after 24:00 of Tue 13 Oct = 03:00 Wed 14 Oct', () => {
    const elapsedPauses = [{ from: '2026-09-29T09:00:00+08:00', to: '2026-09-29T12:00:00+08:00' }];
    expect(
      computeDeadline({
        calendar: CN,
        mode: 'calendar',
        days: 15,
        from: '2026-09-28T10:00:00+08:00',
        elapsedPauses,
      }),
    ).toEqual({ lastDay: '2026-10-14', endsAt: '2026-10-13T19:00:00.000Z' });
  });

  it('an elapsed pause that carries the end into a rest day rolls to 24:00 of the next working day: Fri 16 Oct + 2 h → Mon 19 Oct', () => {
    // Wed 14 Oct + 2 = Fri 16 Oct; 24:00 Fri + 2 h = 02:00 Sat 17 Oct, a rest day → Mon 19 Oct 24:00.
    const elapsedPauses = [{ from: '2026-10-15T09:00:00+08:00', to: '2026-10-15T11:00:00+08:00' }];
    expect(
      computeDeadline({
        calendar: CN,
        mode: 'calendar',
        days: 2,
        from: '2026-10-14T10:00:00+08:00',
        elapsedPauses,
      }),
    ).toEqual({ lastDay: '2026-10-19', endsAt: '2026-10-19T16:00:00.000Z' });
  });

  it('counts overlapping pauses once (two overlapping 20-hour pauses = 30 hours = 2 days)', () => {
    const pauses = [
      { from: '2026-10-14T00:00:00+08:00', to: '2026-10-14T20:00:00+08:00' },
      { from: '2026-10-14T10:00:00+08:00', to: '2026-10-15T06:00:00+08:00' },
    ];
    // Mon 12 Oct + 3 = Thu 15 Oct; + 2 = Sat 17 Oct → Mon 19 Oct.
    expect(
      computeDeadline({ calendar: CN, mode: 'calendar', days: 3, from: '2026-10-12T09:00:00+08:00', pauses })
        .lastDay,
    ).toBe('2026-10-19');
  });

  it('rejects a pause that resumes before it starts, or starts before the clock', () => {
    const from = '2026-10-12T09:00:00+08:00';
    const run = (pause: { from: string; to: string }) =>
      computeDeadline({ calendar: CN, mode: 'calendar', days: 3, from, pauses: [pause] });
    expect(() => run({ from: '2026-10-13T00:00:00Z', to: '2026-10-12T23:00:00Z' })).toThrow(
      expect.objectContaining({ code: 'INVALID_PAUSE', field: 'pauses[0].to' }),
    );
    expect(() => run({ from: '2026-10-11T00:00:00Z', to: '2026-10-12T23:00:00Z' })).toThrow(
      expect.objectContaining({ code: 'INVALID_PAUSE', field: 'pauses[0].from' }),
    );
    expect(() => run({ from: 'yesterday', to: '2026-10-12T23:00:00Z' })).toThrow(
      expect.objectContaining({ code: 'INVALID_PAUSE', field: 'pauses[0].from' }),
    );
  });
});

describe('extension (Regulation art. 34: 自受理之日起60日内办结…延长期限不得超过30日)', () => {
  const from = '2026-08-03T15:00:00+08:00';

  it('art. 34: 60 + 30 days counted from acceptance on Mon 3 Aug 2026, then rolled once: Sun 1 Nov → Mon 2 Nov', () => {
    // 3 Aug + 90: 31 Aug is + 28, 30 Sep + 58, 31 Oct + 89, 1 Nov + 90 (a Sunday) → Mon 2 Nov.
    expect(
      computeDeadline({
        calendar: CN,
        mode: 'calendar',
        days: 60,
        from,
        extension: { days: 30, mode: 'calendar' },
      }),
    ).toEqual({ lastDay: '2026-11-02', endsAt: '2026-11-02T16:00:00.000Z' });
  });

  it('art. 34: the earlier counting added 30 to the rolled last day, 8 Oct + 30 = Sat 7 Nov → Mon 9 Nov, a week late', () => {
    expect(
      computeDeadline({
        calendar: CN,
        mode: 'calendar',
        days: 60,
        from,
        extension: { days: 30, mode: 'calendar' },
        counting: 'rollEachStep',
      }),
    ).toEqual({ lastDay: '2026-11-09', endsAt: '2026-11-09T16:00:00.000Z' });
  });

  it('art. 34 with a pause: the excluded day and the extension both count before the one roll: 3 Aug + 60 + 1 + 30 = Mon 2 Nov', () => {
    const pauses = [{ from: '2026-08-10T09:00:00+08:00', to: '2026-08-10T10:00:00+08:00' }];
    expect(
      computeDeadline({
        calendar: CN,
        mode: 'calendar',
        days: 60,
        from,
        pauses,
        extension: { days: 30, mode: 'calendar' },
      }).lastDay,
    ).toBe('2026-11-02');
  });
});

describe('input validation', () => {
  const base = { calendar: CN, mode: 'calendar' as const, days: 15, from: '2026-09-28T10:00:00+08:00' };

  it.each([
    [{ days: 0 }, 'days'],
    [{ days: -1 }, 'days'],
    [{ days: 1.5 }, 'days'],
    [{ days: '15' }, 'days'],
    [{ days: 10_001 }, 'days'],
    [{ mode: 'weekly' }, 'mode'],
    [{ from: '2026-09-28T10:00:00' }, 'from'],
    [{ from: 'soon' }, 'from'],
    [{ calendar: { ...CN, timeZone: 'Europe/Berlin' } }, 'calendar.timeZone'],
  ])('rejects %j with a typed error naming %s', (patch, field) => {
    let caught: unknown;
    try {
      computeDeadline({ ...base, ...patch } as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'INVALID_DEADLINE_INPUT', field });
    expect((caught as DomainError).message).toMatch(/^期限参数错误 \/ invalid deadline input: /);
  });
});

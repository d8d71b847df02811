import { periodInstants, resolvePeriod } from './reporting-period';

describe('resolvePeriod', () => {
  const today = '2026-11-29';

  it('defaults to the month of today, both days included', () => {
    expect(resolvePeriod({}, today)).toEqual({ ok: true, period: { from: '2026-11-01', to: '2026-11-30' } });
  });

  it('gives a single bound the month of the other one, across year ends and leap days', () => {
    expect(resolvePeriod({ from: '2026-12-05' }, today)).toEqual({
      ok: true,
      period: { from: '2026-12-05', to: '2026-12-31' },
    });
    expect(resolvePeriod({ to: '2028-02-10' }, today)).toEqual({
      ok: true,
      period: { from: '2028-02-01', to: '2028-02-10' },
    });
    expect(resolvePeriod({ from: '2028-02-03' }, today)).toEqual({
      ok: true,
      period: { from: '2028-02-03', to: '2028-02-29' },
    });
  });

  it('refuses dates that do not exist, naming the field', () => {
    const result = resolvePeriod({ from: '2026-02-30', to: '2026-13-01' }, today);
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({ field: 'from', code: 'invalidDate' }),
        expect.objectContaining({ field: 'to', code: 'invalidDate' }),
      ],
    });
  });

  it('refuses an end before the start, and a period over 366 days', () => {
    expect(resolvePeriod({ from: '2026-11-02', to: '2026-11-01' }, today)).toEqual({
      ok: false,
      problems: [expect.objectContaining({ field: 'to', code: 'fromAfterTo' })],
    });
    expect(resolvePeriod({ from: '2027-01-01', to: '2027-12-31' }, today).ok).toBe(true);
    expect(resolvePeriod({ from: '2028-01-01', to: '2028-12-31' }, today).ok).toBe(true);
    expect(resolvePeriod({ from: '2026-01-01', to: '2027-01-02' }, today)).toEqual({
      ok: false,
      problems: [expect.objectContaining({ field: 'to', code: 'periodTooLong' })],
    });
  });
});

describe('periodInstants', () => {
  it('runs from 00:00 local on the first day to 00:00 local after the last', () => {
    expect(periodInstants({ from: '2026-11-01', to: '2026-11-30' }, 'Asia/Shanghai')).toEqual({
      starts: new Date('2026-10-31T16:00:00.000Z'),
      ends: new Date('2026-11-30T16:00:00.000Z'),
    });
  });
});

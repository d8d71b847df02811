import { DomainError } from '../errors';
import { addDuration, escalationTimes, subtractDuration, warningTimes } from './alert-times';

describe('alert times', () => {
  const endsAt = '2026-10-13T16:00:00.000Z'; // 24:00 Beijing time, Tue 13 Oct 2026

  it('warns a duration before the due time, earliest first', () => {
    expect(warningTimes(endsAt, ['P1D', 'P3D', 'P1D'])).toEqual([
      '2026-10-10T16:00:00.000Z',
      '2026-10-12T16:00:00.000Z',
    ]);
  });

  it('escalates a delay after it, in ladder order, down to seconds', () => {
    expect(escalationTimes(endsAt, ['PT0S', 'PT30S', 'PT2M', 'P1D'])).toEqual([
      '2026-10-13T16:00:00.000Z',
      '2026-10-13T16:00:30.000Z',
      '2026-10-13T16:02:00.000Z',
      '2026-10-14T16:00:00.000Z',
    ]);
  });

  it('adds and subtracts durations, and rejects bad ones', () => {
    expect(addDuration(Date.parse(endsAt), 'PT1H')).toBe('2026-10-13T17:00:00.000Z');
    expect(subtractDuration(endsAt, 'P1W')).toBe('2026-10-06T16:00:00.000Z');
    expect(() => addDuration(endsAt, 'P1M')).toThrow(expect.objectContaining({ code: 'INVALID_DURATION' }));
    expect(() => addDuration('tomorrow', 'P1D')).toThrow(DomainError);
  });
});

import { byUrgency, timeLeft, urgencyOf } from './urgency';

const NOW = Date.parse('2026-11-29T00:00:00Z');
const inDays = (days: number) => new Date(NOW + days * 86_400_000).toISOString();

describe('urgency', () => {
  it('sorts by overdue level, then the earliest due time, with clockless cases last', () => {
    const cases = [
      { id: 'later', dueAt: inDays(10), overdueLevel: 0 },
      { id: 'none', dueAt: null, overdueLevel: 0 },
      { id: 'level1', dueAt: inDays(-1), overdueLevel: 1 },
      { id: 'sooner', dueAt: inDays(2), overdueLevel: 0 },
      { id: 'level2', dueAt: inDays(-5), overdueLevel: 2 },
    ];
    expect([...cases].sort(byUrgency).map((c) => c.id)).toEqual([
      'level2',
      'level1',
      'sooner',
      'later',
      'none',
    ]);
  });

  it('colours a clock by the time it has left', () => {
    expect(urgencyOf({ dueAt: inDays(10), overdueLevel: 0 }, NOW)).toBe('running');
    expect(urgencyOf({ dueAt: inDays(2), overdueLevel: 0 }, NOW)).toBe('dueSoon');
    expect(urgencyOf({ dueAt: inDays(-0.1), overdueLevel: 0 }, NOW)).toBe('overdue');
    expect(urgencyOf({ dueAt: inDays(5), overdueLevel: 1 }, NOW)).toBe('overdue');
    expect(urgencyOf({ dueAt: null, overdueLevel: 0 }, NOW)).toBe('none');
  });

  it('splits the time left into days, hours and minutes', () => {
    expect(timeLeft(new Date(NOW + (2 * 24 * 60 + 3 * 60 + 5) * 60_000).toISOString(), NOW)).toEqual({
      overdue: false,
      days: 2,
      hours: 3,
      minutes: 5,
    });
    expect(timeLeft(new Date(NOW - 90 * 60_000).toISOString(), NOW)).toMatchObject({
      overdue: true,
      hours: 1,
      minutes: 30,
    });
  });
});

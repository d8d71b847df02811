import { Calendar } from '../clock';
import { NATIONAL_DAY_2026 } from '../clock/test-fixtures';
import { DEFAULT_POLICY } from './default-policy';
import {
  clockDeadline,
  clockWarningTimes,
  escalationSchedule,
  repeatEscalationRecipient,
} from './clock-schedule';
import { overridePolicy } from './override-policy';

const AUTUMN_2026: Calendar = {
  timeZone: 'Asia/Shanghai',
  weeklyRestDays: ['SAT', 'SUN'],
  ...NATIONAL_DAY_2026,
};

describe('policy clocks applied to a case', () => {
  it('triage under the national policy: received Mon 28 Sep 2026 → Tue 13 Oct', () => {
    expect(clockDeadline(DEFAULT_POLICY, 'triage', AUTUMN_2026, '2026-09-28T10:00:00+08:00')).toEqual({
      lastDay: '2026-10-13',
      endsAt: '2026-10-13T16:00:00.000Z',
    });
  });

  it('triage under a 5-working-day province: 29, 30 Sep, 8, 9, 10 (make-up Saturday) Oct', () => {
    const province = overridePolicy(DEFAULT_POLICY, {
      version: 'p',
      clocks: { triage: { days: 5, mode: 'working' } },
    });
    expect(clockDeadline(province, 'triage', AUTUMN_2026, '2026-09-28T10:00:00+08:00').lastDay).toBe(
      '2026-10-10',
    );
  });

  it('warns 3 days and 1 day before triage is due', () => {
    const deadline = clockDeadline(DEFAULT_POLICY, 'triage', AUTUMN_2026, '2026-09-28T10:00:00+08:00');
    expect(clockWarningTimes(DEFAULT_POLICY, 'triage', deadline)).toEqual([
      '2026-10-10T16:00:00.000Z',
      '2026-10-12T16:00:00.000Z',
    ]);
  });

  it('schedules the escalation ladder after the due time', () => {
    const deadline = { lastDay: '2026-10-13', endsAt: '2026-10-13T16:00:00.000Z' };
    expect(escalationSchedule(DEFAULT_POLICY, deadline)).toEqual([
      { level: 1, recipient: 'handler', at: '2026-10-13T16:00:00.000Z' },
      { level: 2, recipient: 'unitLeader', at: '2026-10-14T16:00:00.000Z' },
      { level: 3, recipient: 'packageLeader', at: '2026-10-16T16:00:00.000Z' },
      { level: 4, recipient: 'supervisionOffice', at: '2026-10-20T16:00:00.000Z' },
    ]);
  });

  it('extends handling once by at most the policy’s maximum', () => {
    // Accepted Mon 3 Aug 2026: + 60 = Fri 2 Oct (holiday) → Thu 8 Oct.
    const from = '2026-08-03T15:00:00+08:00';
    const handling = clockDeadline(DEFAULT_POLICY, 'handling', AUTUMN_2026, from);
    expect(handling.lastDay).toBe('2026-10-08');
    // Art. 34, counted from acceptance: 3 Aug + 90 = Sun 1 Nov → Mon 2 Nov (not 8 Oct + 30 = 9 Nov).
    expect(clockDeadline(DEFAULT_POLICY, 'handling', AUTUMN_2026, from, { extensionDays: 30 }).lastDay).toBe(
      '2026-11-02',
    );
    // The earlier counting, kept for cases started under it: 8 Oct + 30 = Sat 7 Nov → Mon 9 Nov.
    expect(
      clockDeadline(DEFAULT_POLICY, 'handling', AUTUMN_2026, from, {
        extensionDays: 30,
        counting: 'rollEachStep',
      }).lastDay,
    ).toBe('2026-11-09');
    expect(() => clockDeadline(DEFAULT_POLICY, 'handling', AUTUMN_2026, from, { extensionDays: 31 })).toThrow(
      expect.objectContaining({ code: 'EXTENSION_TOO_LONG', field: 'days' }),
    );
    expect(() => clockDeadline(DEFAULT_POLICY, 'handling', AUTUMN_2026, from, { extensionDays: 0 })).toThrow(
      expect.objectContaining({ code: 'EXTENSION_TOO_LONG' }),
    );
  });

  it('tells the package leader at the second repeat petition and the supervision office from the third', () => {
    expect([1, 2, 3, 7].map((count) => repeatEscalationRecipient(DEFAULT_POLICY, count))).toEqual([
      undefined,
      'packageLeader',
      'supervisionOffice',
      'supervisionOffice',
    ]);
  });
});

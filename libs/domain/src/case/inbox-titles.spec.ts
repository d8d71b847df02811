import {
  deadlineEscalationTitle,
  deadlineWarningTitle,
  feedbackAlarmTitle,
  repeatVisitTitle,
} from './inbox-titles';

describe('inbox titles: Chinese first, English beside', () => {
  it('a warning before the handling deadline (art. 34) names the clock and when it is due', () => {
    expect(deadlineWarningTitle('handling', '2026-06-30T16:00:00.000Z')).toBe(
      '临期提醒 / deadline approaching: handling due 2026-06-30T16:00:00.000Z',
    );
  });

  it('an escalation names its level of the ladder', () => {
    expect(deadlineEscalationTitle(2, 'triage', '2026-04-15T16:00:00.000Z')).toBe(
      '超期升级 / overdue, level 2: triage was due 2026-04-15T16:00:00.000Z',
    );
  });

  it('the assignment’s feedback clock: before and after it lapses, naming the assigning unit', () => {
    expect(feedbackAlarmTitle(true, 'D01', '2026-05-08')).toBe(
      '交办反馈临期 / feedback to D01 due 2026-05-08',
    );
    expect(feedbackAlarmTitle(false, 'D01', '2026-05-08')).toBe(
      '交办反馈逾期 / feedback to D01 was due 2026-05-08',
    );
  });

  it('a repeat visit gives its number', () => {
    expect(repeatVisitTitle(3)).toBe('重复信访 / repeat visit no. 3 on this open case');
  });
});

import { type Calendar } from '../clock';
import { caseIn, cast, run } from '../case/test-kit';
import { feedbackAlarms } from './feedback-alarms';

const calendar: Calendar = {
  timeZone: 'Asia/Shanghai',
  weeklyRestDays: ['SAT', 'SUN'],
  holidays: [],
  makeupWorkdays: [],
};

describe('the feedback clock of an assigned-down case', () => {
  it('warns a day before 24:00 (Shanghai) of the feedback date and marks it overdue then', () => {
    const assigned = caseIn('assigned');
    expect(feedbackAlarms(assigned, calendar)).toEqual([
      expect.objectContaining({
        kind: 'feedbackWarning',
        at: '2026-04-29T16:00:00.000Z',
        dueDate: '2026-04-30',
        fromUnitCode: 'D',
        toUnitCode: 'T1',
      }),
      expect.objectContaining({ kind: 'feedbackOverdue', at: '2026-04-30T16:00:00.000Z' }),
    ]);
  });

  it('runs on while the receiving unit handles the case, and stops with the completion report', () => {
    expect(feedbackAlarms(caseIn('inHandling'), calendar)).toHaveLength(2);
    const reported = run(caseIn('replied'), [
      [{ type: 'reportCompletion', summary: '已办结', evidenceRefs: ['r'] }, cast.handlerT1],
    ]);
    expect(feedbackAlarms(reported, calendar)).toEqual([]);
  });

  it('does not run for a case not assigned down, or sent back to the assigning unit', () => {
    expect(feedbackAlarms(caseIn('transferred'), calendar)).toEqual([]);
    const objected = caseIn('assigned', [[{ type: 'objectMisroute', reason: '非本镇职责' }, cast.clerkT1]]);
    expect(feedbackAlarms(objected, calendar)).toEqual([]);
  });
});

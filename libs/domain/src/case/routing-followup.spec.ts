import { CaseActionOf } from './actions';
import { caseIn, cast, investigate, outcomeOf, run } from './test-kit';

const object: CaseActionOf<'objectMisroute'> = { type: 'objectMisroute', reason: '不属于本单位职责' };
const decide = (decision: 'uphold' | 'overrule'): CaseActionOf<'decideObjection'> => ({
  type: 'decideObjection',
  decision,
  reason: decision === 'uphold' ? '异议成立' : '属地管理，应由该单位办理',
});
const report: CaseActionOf<'reportCompletion'> = {
  type: 'reportCompletion',
  summary: '已答复，信访人息诉',
  evidenceRefs: ['report-1'],
};

describe("the sender's decision on a misroute objection", () => {
  const objected = () => caseIn('assigned', [[object, cast.clerkT1]]);

  it('is taken by a leader of the sending unit, once, only when an objection is pending', () => {
    expect(outcomeOf(objected(), decide('uphold'), cast.clerkD)).toBe('ROLE_NOT_ALLOWED');
    expect(outcomeOf(objected(), decide('uphold'), cast.leaderT1)).toBe('NOT_HOLDING_UNIT');
    expect(outcomeOf(caseIn('registered'), decide('uphold'), cast.leaderD)).toBe('NO_OBJECTION_PENDING');
    expect(outcomeOf(objected(), { ...decide('uphold'), reason: ' ' }, cast.leaderD)).toBe('FIELD_REQUIRED');
    expect(outcomeOf(objected(), { ...decide('uphold'), decision: 'maybe' as never }, cast.leaderD)).toBe(
      'FIELD_INVALID',
    );
    const upheld = run(objected(), [[decide('uphold'), cast.leaderD]]);
    expect(outcomeOf(upheld, decide('overrule'), cast.leaderD)).toBe('NO_OBJECTION_PENDING');
  });

  it('upheld: the case stays with the sender, which routes it anew', () => {
    const upheld = run(objected(), [[decide('uphold'), cast.leaderD]]);
    expect(upheld).toMatchObject({ status: 'registered', holdingUnitCode: 'D' });
    expect(upheld.routing.at(-1)).toMatchObject({
      kind: 'objection',
      ruling: { decision: 'uphold', reason: '异议成立', by: cast.leaderD },
    });
    const rerouted = run(upheld, [
      [{ type: 'transfer', toUnitCode: 'T2', reason: '改转西街道' }, cast.clerkD],
    ]);
    expect(rerouted).toMatchObject({ status: 'transferred', holdingUnitCode: 'T2' });
  });

  it('overruled: the case goes back to the objecting unit, which triages it and cannot object again', () => {
    const back = run(objected(), [[decide('overrule'), cast.leaderD]]);
    expect(back).toMatchObject({ status: 'registered', holdingUnitCode: 'T1', registeringUnitCode: 'D' });
    expect(back.routing.map((step) => step.kind)).toEqual(['assignDown', 'objection', 'objectionOverruled']);
    expect(back.routing.at(-1)).toMatchObject({
      fromUnitCode: 'D',
      toUnitCode: 'T1',
      feedbackDueDate: '2026-04-30',
    });
    expect(outcomeOf(back, object, cast.clerkT1)).toBe('CASE_STATE_CONFLICT');
    expect(outcomeOf(back, { type: 'accept' }, cast.clerkD)).toBe('NOT_HOLDING_UNIT');
    expect(outcomeOf(back, { type: 'accept' }, cast.clerkT1)).toBe('ok');
  });
});

describe('the completion report of an assigned-down case', () => {
  it('is sent by the receiving unit once the reply is issued, to the unit that assigned it', () => {
    const replied = caseIn('replied');
    const reported = run(replied, [[report, cast.handlerT1, { today: '2026-04-20' }]]);
    expect(reported.status).toBe('replied');
    expect(reported.completionReport).toMatchObject({
      summary: '已答复，信访人息诉',
      evidenceRefs: ['report-1'],
      toUnitCode: 'D',
      feedbackDueDate: '2026-04-30',
      late: false,
      by: cast.handlerT1,
    });
    expect(outcomeOf(reported, report, cast.handlerT1)).toBe('COMPLETION_ALREADY_REPORTED');
  });

  it('is marked late after the feedback due date', () => {
    const late = run(caseIn('closed'), [[report, cast.clerkT1, { today: '2026-05-01' }]]);
    expect(late.completionReport?.late).toBe(true);
  });

  it('is refused before the reply, outside the receiving unit, without evidence, or for a case not assigned down', () => {
    expect(outcomeOf(caseIn('inHandling'), report, cast.handlerT1)).toBe('CASE_STATE_CONFLICT');
    expect(outcomeOf(caseIn('replied'), report, cast.clerkT2)).toBe('NOT_ON_CASE');
    expect(outcomeOf(caseIn('replied'), { ...report, evidenceRefs: [] }, cast.handlerT1)).toBe(
      'FIELD_REQUIRED',
    );
    expect(outcomeOf(caseIn('replied'), report, cast.handlerT1, { today: undefined })).toBe('FACT_MISSING');
    const acceptedAtHome = run(caseIn('registered'), [
      [{ type: 'accept' }, cast.clerkD],
      [
        {
          type: 'defineSix',
          defines: {
            packageLeader: cast.packageLeaderD,
            responsibleUnitCode: 'D',
            handler: { ...cast.handlerT1, unitCode: 'D' },
            resolutionPlan: '核查',
            completionDeadline: '2026-04-01',
            targetOutcome: '息诉',
          },
        },
        cast.leaderD,
      ],
      [{ ...investigate, performedBy: [{ ...cast.handlerT1, unitCode: 'D' }] }, cast.leaderD],
      [{ type: 'reply', outcome: 'support', reasons: '支持' }, cast.leaderD],
    ]);
    expect(outcomeOf(acceptedAtHome, report, cast.clerkD)).toBe('NOT_ASSIGNED_DOWN');
  });
});

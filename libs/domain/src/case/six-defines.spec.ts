import { decide } from './decide';
import { caseIn, cast, fullFacts, outcomeOf, principal, registerAction, run, sixDefines } from './test-kit';

const accepted = () => caseIn('accepted');
const define = (overrides: Parameters<typeof sixDefines>[0] = {}) => ({
  type: 'defineSix' as const,
  defines: sixDefines(overrides),
});

describe('the six defines', () => {
  it('moves an accepted case into handling and makes the responsible unit the defined one', () => {
    const state = run(accepted(), [
      [define({ responsibleUnitCode: 'V1', handler: cast.handlerV1 }), cast.leaderT1],
    ]);
    expect(state.status).toBe('inHandling');
    expect(state.responsibleUnitCode).toBe('V1');
    expect(state.sixDefines?.handler.userId).toBe('handler-v1');
  });

  it('requires all six, naming every missing one, Chinese first', () => {
    const result = decide(
      accepted(),
      {
        type: 'defineSix',
        defines: { ...sixDefines(), packageLeader: null, resolutionPlan: ' ', targetOutcome: undefined },
      },
      cast.leaderT1,
      fullFacts(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      code: 'SIX_DEFINES_INCOMPLETE',
      kind: 'rule',
      field: 'defines.packageLeader',
      details: { missing: ['packageLeader', 'resolutionPlan', 'targetOutcome'] },
    });
    expect(result.error.message).toBe(
      '六定未齐：缺少包案领导、化解方案、化解目标 / six defines incomplete: packageLeader, resolutionPlan, targetOutcome missing',
    );
    expect(outcomeOf(accepted(), { type: 'defineSix', defines: {} }, cast.leaderT1)).toBe(
      'SIX_DEFINES_INCOMPLETE',
    );
  });

  it('accepts a completion deadline on the statutory limit and refuses one after it', () => {
    const facts = { statutoryHandlingLastDay: '2026-05-01' };
    expect(outcomeOf(accepted(), define({ completionDeadline: '2026-05-01' }), cast.leaderT1, facts)).toBe(
      'ok',
    );
    expect(outcomeOf(accepted(), define({ completionDeadline: '2026-05-02' }), cast.leaderT1, facts)).toBe(
      'DEADLINE_BEYOND_LIMIT',
    );
    expect(outcomeOf(accepted(), define({ completionDeadline: '2026-02-30' }), cast.leaderT1)).toBe(
      'FIELD_INVALID',
    );
  });

  it('requires the handler to belong to the responsible unit', () => {
    expect(outcomeOf(accepted(), define({ handler: cast.handlerT2 }), cast.leaderT1)).toBe(
      'HANDLER_NOT_IN_UNIT',
    );
    expect(outcomeOf(accepted(), define({ responsibleUnitCode: 'V1' }), cast.leaderT1)).toBe(
      'HANDLER_NOT_IN_UNIT',
    );
  });

  it('requires the package leader to hold a leader role', () => {
    expect(outcomeOf(accepted(), define({ packageLeader: cast.handlerT1 }), cast.leaderT1)).toBe(
      'PACKAGE_LEADER_NOT_LEADER',
    );
    expect(outcomeOf(accepted(), define({ packageLeader: cast.leaderD }), cast.leaderT1)).toBe('ok');
  });

  it('keeps the responsible unit within the accepting unit', () => {
    expect(
      outcomeOf(accepted(), define({ responsibleUnitCode: 'T2', handler: cast.handlerT2 }), cast.leaderT1),
    ).toBe('RESPONSIBLE_UNIT_OUT_OF_SCOPE');
    expect(outcomeOf(accepted(), define({ responsibleUnitCode: 'NOPE' }), cast.leaderT1)).toBe(
      'UNIT_UNKNOWN',
    );
  });

  it('needs the statutory limit and the unit tree as facts', () => {
    expect(outcomeOf(accepted(), define(), cast.leaderT1, { statutoryHandlingLastDay: undefined })).toBe(
      'FACT_MISSING',
    );
    expect(outcomeOf(accepted(), define(), cast.leaderT1, { unitTree: undefined })).toBe('FACT_MISSING');
  });

  it('is set by leaders of the accepting unit or above, not of another unit', () => {
    expect(outcomeOf(accepted(), define(), cast.leaderD)).toBe('ok');
    expect(outcomeOf(accepted(), define(), cast.leaderT2)).toBe('NOT_ON_CASE');
    expect(outcomeOf(accepted(), define(), cast.clerkT1)).toBe('ROLE_NOT_ALLOWED');
  });

  it('never names an accused unit or accused person', () => {
    const accusation = (accused: { unitCodes: string[]; userIds: string[] }) =>
      run(null, [
        [registerAction({ category: 'accusation', accused }), cast.clerkD],
        [
          { type: 'assignDown', toUnitCode: 'T1', reason: '属地', feedbackDueDate: '2026-04-30' },
          cast.clerkD,
        ],
        [{ type: 'accept' }, cast.clerkT1],
      ]);
    expect(
      outcomeOf(
        accusation({ unitCodes: ['V1'], userIds: [] }),
        define({ responsibleUnitCode: 'V1', handler: cast.handlerV1 }),
        cast.leaderT1,
      ),
    ).toBe('ACCUSED_UNIT_EXCLUDED');
    expect(outcomeOf(accusation({ unitCodes: [], userIds: ['handler-t1'] }), define(), cast.leaderT1)).toBe(
      'ACCUSED_PERSON_EXCLUDED',
    );
    expect(outcomeOf(accusation({ unitCodes: [], userIds: ['pkg-d'] }), define(), cast.leaderT1)).toBe(
      'ACCUSED_PERSON_EXCLUDED',
    );
  });
});

describe('reassignment', () => {
  const inHandling = () => caseIn('inHandling');

  it('keeps the previous defines with the reason, who and when', () => {
    const newHandler = principal('handler-t1b', 'handler', 'T1');
    const state = run(inHandling(), [
      [{ type: 'reassign', changes: { handler: newHandler }, reason: '人员调整' }, cast.leaderT1],
    ]);
    expect(state.status).toBe('inHandling');
    expect(state.sixDefines?.handler.userId).toBe('handler-t1b');
    expect(state.sixDefinesHistory).toHaveLength(1);
    expect(state.sixDefinesHistory[0]).toMatchObject({
      reason: '人员调整',
      by: cast.leaderT1,
      previous: { handler: cast.handlerT1 },
    });
  });

  it('needs a reason and a real change, and re-checks the whole set', () => {
    expect(
      outcomeOf(
        inHandling(),
        { type: 'reassign', changes: { resolutionPlan: '新方案' }, reason: '' },
        cast.leaderT1,
      ),
    ).toBe('FIELD_REQUIRED');
    expect(outcomeOf(inHandling(), { type: 'reassign', changes: {}, reason: '无' }, cast.leaderT1)).toBe(
      'REASSIGN_NO_CHANGE',
    );
    expect(
      outcomeOf(
        inHandling(),
        { type: 'reassign', changes: { responsibleUnitCode: 'V1' }, reason: '下沉' },
        cast.leaderT1,
      ),
    ).toBe('HANDLER_NOT_IN_UNIT');
    expect(
      outcomeOf(
        inHandling(),
        { type: 'reassign', changes: { completionDeadline: '2026-06-30' }, reason: '延后' },
        cast.leaderT1,
      ),
    ).toBe('DEADLINE_BEYOND_LIMIT');
  });

  it('lets the named package leader reassign from another unit', () => {
    expect(
      outcomeOf(
        inHandling(),
        { type: 'reassign', changes: { targetOutcome: '彻底解决' }, reason: '目标调整' },
        cast.packageLeaderD,
      ),
    ).toBe('ok');
  });
});

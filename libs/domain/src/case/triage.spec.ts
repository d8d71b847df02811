import { caseIn, cast, outcomeOf, registerAction, run } from './test-kit';

describe('triage at the holding unit', () => {
  it('accepts at the holding unit only, which becomes the responsible unit', () => {
    const state = run(caseIn('registered'), [[{ type: 'accept' }, cast.clerkD]]);
    expect(state).toMatchObject({ status: 'accepted', responsibleUnitCode: 'D', holdingUnitCode: 'D' });
    expect(outcomeOf(caseIn('registered'), { type: 'accept' }, cast.clerkT1)).toBe('NOT_HOLDING_UNIT');
  });

  it('transfers to another known unit, never to itself, and the receiver triages next', () => {
    const transfer = (toUnitCode: string) => ({ type: 'transfer' as const, toUnitCode, reason: '职责' });
    expect(outcomeOf(caseIn('registered'), transfer('D'), cast.clerkD)).toBe('TRANSFER_TO_SELF');
    expect(outcomeOf(caseIn('registered'), transfer('X9'), cast.clerkD)).toBe('UNIT_UNKNOWN');
    expect(outcomeOf(caseIn('registered'), transfer('T2'), cast.clerkD, { unitTree: undefined })).toBe(
      'FACT_MISSING',
    );
    const transferred = caseIn('transferred');
    expect(transferred).toMatchObject({
      status: 'transferred',
      holdingUnitCode: 'T2',
      registeringUnitCode: 'D',
    });
    expect(transferred.routing[0]).toMatchObject({ kind: 'transfer', fromUnitCode: 'D', toUnitCode: 'T2' });
    expect(outcomeOf(transferred, { type: 'accept' }, cast.clerkD)).toBe('NOT_HOLDING_UNIT');
    expect(outcomeOf(transferred, { type: 'accept' }, cast.clerkT2)).toBe('ok');
  });

  it('assigns only down the tree, with a feedback date', () => {
    const assign = (toUnitCode: string, feedbackDueDate = '2026-04-30') => ({
      type: 'assignDown' as const,
      toUnitCode,
      reason: '属地管理',
      feedbackDueDate,
    });
    expect(outcomeOf(caseIn('registered'), assign('V1'), cast.clerkD)).toBe('ok');
    expect(outcomeOf(caseIn('assigned'), assign('T2'), cast.clerkT1)).toBe('ASSIGN_TARGET_NOT_SUBORDINATE');
    expect(outcomeOf(caseIn('registered'), assign('T1', 'soon'), cast.clerkD)).toBe('FIELD_INVALID');
    expect(caseIn('assigned').routing[0]).toMatchObject({
      kind: 'assignDown',
      feedbackDueDate: '2026-04-30',
    });
  });

  it('never sends an accusation to the accused unit or below it', () => {
    const accusation = run(null, [
      [registerAction({ category: 'accusation', accused: { unitCodes: ['T1'], userIds: [] } }), cast.clerkD],
    ]);
    expect(outcomeOf(accusation, { type: 'transfer', toUnitCode: 'T1', reason: 'x' }, cast.clerkD)).toBe(
      'ACCUSED_UNIT_EXCLUDED',
    );
    expect(
      outcomeOf(
        accusation,
        { type: 'assignDown', toUnitCode: 'V1', reason: 'x', feedbackDueDate: '2026-04-30' },
        cast.clerkD,
      ),
    ).toBe('ACCUSED_UNIT_EXCLUDED');
    expect(outcomeOf(accusation, { type: 'transfer', toUnitCode: 'T2', reason: 'x' }, cast.clerkD)).toBe(
      'ok',
    );
    const accusingTheDistrict = run(null, [
      [registerAction({ category: 'accusation', accused: { unitCodes: ['D'], userIds: [] } }), cast.clerkD],
    ]);
    expect(outcomeOf(accusingTheDistrict, { type: 'accept' }, cast.clerkD)).toBe('ACCUSED_UNIT_EXCLUDED');
  });

  it('declines with a reason, naming the lawful channel when that is the reason', () => {
    const lawful = {
      type: 'notAccept' as const,
      reason: 'lawfulChannel' as const,
      explanation: '属于诉讼事项',
    };
    expect(outcomeOf(caseIn('registered'), lawful, cast.clerkD)).toBe('FIELD_REQUIRED');
    const state = run(caseIn('registered'), [
      [{ ...lawful, legalChannel: '向人民法院提起诉讼' }, cast.clerkD],
    ]);
    expect(state.status).toBe('notAccepted');
    expect(state.notAcceptance).toMatchObject({
      reason: 'lawfulChannel',
      legalChannel: '向人民法院提起诉讼',
      unitCode: 'D',
    });
    expect(outcomeOf(caseIn('registered'), { ...lawful, reason: 'whatever' as never }, cast.clerkD)).toBe(
      'FIELD_INVALID',
    );
  });

  it('lets the receiving unit object within its window, returning the case to the sender', () => {
    const object = { type: 'objectMisroute' as const, reason: '不属于本单位职责' };
    const back = run(caseIn('transferred'), [[object, cast.clerkT2]]);
    expect(back).toMatchObject({ status: 'registered', holdingUnitCode: 'D' });
    expect(back.routing.map((step) => step.kind)).toEqual(['transfer', 'objection']);
    expect(
      outcomeOf(caseIn('assigned'), object, cast.clerkT1, { windowEndsAt: '2026-01-01T00:00:00Z' }),
    ).toBe('OBJECTION_WINDOW_CLOSED');
    expect(outcomeOf(caseIn('assigned'), object, cast.clerkT1, { windowEndsAt: undefined })).toBe(
      'FACT_MISSING',
    );
    expect(outcomeOf(back, { type: 'transfer', toUnitCode: 'DEP', reason: '改转' }, cast.clerkD)).toBe('ok');
  });
});

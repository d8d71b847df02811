import { caseIn, cast, outcomeOf, registerAction, run } from './test-kit';

describe('registration', () => {
  it('registers at the clerk’s unit, which holds the case for triage', () => {
    const state = run(null, [
      [registerAction({ collective: { headcount: 30, representativeRefs: ['r1', 'r2'] } }), cast.clerkT1],
    ]);
    expect(state).toMatchObject({
      status: 'registered',
      caseNumber: 'D-2026-0001',
      registeringUnitCode: 'T1',
      holdingUnitCode: 'T1',
      responsibleUnitCode: null,
      petitioners: {
        refs: ['petitioner-1'],
        collective: { headcount: 30, representativeRefs: ['r1', 'r2'] },
      },
      accused: { unitCodes: [], userIds: [] },
    });
  });

  it('allows at most five representatives for a collective visit (art. 20)', () => {
    const six = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    expect(
      outcomeOf(
        null,
        registerAction({ collective: { headcount: 50, representativeRefs: six } }),
        cast.clerkD,
      ),
    ).toBe('TOO_MANY_REPRESENTATIVES');
    expect(
      outcomeOf(
        null,
        registerAction({ collective: { headcount: 1, representativeRefs: ['r1', 'r2'] } }),
        cast.clerkD,
      ),
    ).toBe('FIELD_INVALID');
  });

  it('follows a policy that lowers the representative limit', () => {
    const three = { headcount: 10, representativeRefs: ['r1', 'r2', 'r3'] };
    expect(
      outcomeOf(null, registerAction({ collective: three }), cast.clerkD, {
        maxCollectiveRepresentatives: 2,
      }),
    ).toBe('TOO_MANY_REPRESENTATIVES');
    expect(outcomeOf(null, registerAction({ collective: three }), cast.clerkD)).toBe('ok');
  });

  it('checks the input', () => {
    expect(outcomeOf(null, registerAction({ petitionerRefs: [] }), cast.clerkD)).toBe('FIELD_REQUIRED');
    expect(outcomeOf(null, registerAction({ category: 'complaint' as never }), cast.clerkD)).toBe(
      'FIELD_INVALID',
    );
    expect(outcomeOf(null, registerAction({ receivedAt: 'yesterday' }), cast.clerkD)).toBe('FIELD_INVALID');
    expect(outcomeOf(null, registerAction({ receivedAt: '2031-01-01T00:00:00Z' }), cast.clerkD)).toBe(
      'RECEIVED_AFTER_REGISTRATION',
    );
  });

  it('records a clerk’s “not the same matter” decision, which needs the earlier case and a reason', () => {
    const notRepeatOf = { caseNumber: 'D-2026-0000', reason: '诉求对象不同' };
    expect(outcomeOf(null, registerAction({ notRepeatOf }), cast.clerkD)).toBe('ok');
    expect(
      outcomeOf(null, registerAction({ notRepeatOf: { ...notRepeatOf, reason: ' ' } }), cast.clerkD),
    ).toBe('FIELD_REQUIRED');
    expect(
      outcomeOf(null, registerAction({ notRepeatOf: { ...notRepeatOf, caseNumber: '' } }), cast.clerkD),
    ).toBe('FIELD_REQUIRED');
  });

  it('is done once, by a clerk', () => {
    expect(outcomeOf(caseIn('registered'), registerAction(), cast.clerkD)).toBe('CASE_STATE_CONFLICT');
    expect(outcomeOf(null, registerAction(), cast.handlerT1)).toBe('ROLE_NOT_ALLOWED');
    expect(outcomeOf(null, { type: 'accept' }, cast.clerkD)).toBe('CASE_STATE_CONFLICT');
  });
});

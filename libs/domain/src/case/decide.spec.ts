import { DomainError, HTTP_STATUS_BY_KIND } from '../errors';
import { SYSTEM_ACTOR } from './actor';
import { caseAssigneesOf } from './case-assignees';
import { CASE_ERROR_KINDS } from './case-errors';
import { CaseState } from './case-state';
import { applyAction, decide, validateAction } from './decide';
import { caseIn, cast, fullFacts, investigate, outcomeOf, run } from './test-kit';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('decide, validateAction and applyAction', () => {
  it('never mutates the case it is given', () => {
    const before = deepFreeze(caseIn('inHandling'));
    const copy = JSON.parse(JSON.stringify(before)) as CaseState;
    const after = run(before, [[investigate, cast.handlerT1]]);
    expect(before).toEqual(copy);
    expect(after.duties).toHaveLength(1);
  });

  it('validates without effect and throws a typed error a validator can reject with', () => {
    const state = caseIn('registered');
    expect(() => validateAction(state, { type: 'accept' }, cast.clerkD, fullFacts())).not.toThrow();
    expect(() =>
      validateAction(state, { type: 'reply', outcome: 'support', reasons: 'x' }, cast.clerkD, fullFacts()),
    ).toThrow(DomainError);
    expect(state.status).toBe('registered');
  });

  it('returns the error as a value from decide, and throws it from applyAction', () => {
    const result = decide(caseIn('closed'), { type: 'accept' }, cast.clerkD, fullFacts());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'CASE_STATE_CONFLICT', kind: 'conflict' });
      expect(result.error.message).toMatch(
        /^案件当前状态（办结）下不能执行“受理” \/ accept is not allowed when the case is closed$/,
      );
      expect(result.error.details).toMatchObject({ status: 'closed', action: 'accept' });
    }
    expect(() => applyAction(caseIn('closed'), { type: 'accept' }, cast.clerkD, fullFacts())).toThrow(
      expect.objectContaining({ code: 'CASE_STATE_CONFLICT' }),
    );
  });

  it('records one event per action, with who, when and the status change', () => {
    const facts = fullFacts();
    const { state, events } = applyAction(caseIn('registered'), { type: 'accept' }, cast.clerkD, facts);
    expect(events).toEqual([
      {
        type: 'caseAccepted',
        at: facts.at,
        by: cast.clerkD,
        fromStatus: 'registered',
        toStatus: 'accepted',
        details: {},
      },
    ]);
    expect(state.updatedAt).toBe(facts.at);
  });

  it('adds derived facts to events (the deciding body of a review)', () => {
    const delivered = caseIn('replied', [
      [
        { type: 'recordDelivery', document: 'reply', method: 'post', deliveredOn: '2026-04-10' },
        cast.handlerT1,
      ],
    ]);
    const { events } = applyAction(
      delivered,
      { type: 'requestReview', reason: '不服' },
      cast.clerkD,
      fullFacts(),
    );
    expect(events[0]).toMatchObject({
      type: 'reviewRequested',
      details: { reason: '不服', body: { kind: 'unit', code: 'D' } },
    });
  });

  it('rejects unknown actions, malformed actors and missing time', () => {
    expect(outcomeOf(caseIn('registered'), { type: 'explode' } as never, cast.clerkD)).toBe('ACTION_UNKNOWN');
    expect(
      outcomeOf(caseIn('registered'), { type: 'accept' }, { ...cast.clerkD, role: 'boss' } as never),
    ).toBe('PRINCIPAL_INVALID');
    expect(outcomeOf(caseIn('registered'), { type: 'accept' }, cast.clerkD, { at: 'now' })).toBe(
      'FACT_MISSING',
    );
  });

  it('maps every case error code to a kind with an HTTP status', () => {
    for (const kind of Object.values(CASE_ERROR_KINDS))
      expect(HTTP_STATUS_BY_KIND[kind]).toBeGreaterThanOrEqual(400);
  });
});

describe('leaders and supervisors', () => {
  it('takes instructions from leaders of the case unit or above, not from a sibling unit', () => {
    const state = caseIn('inHandling');
    expect(outcomeOf(state, { type: 'instruct', text: '尽快化解' }, cast.leaderD)).toBe('ok');
    expect(outcomeOf(state, { type: 'instruct', text: '尽快化解' }, cast.packageLeaderD)).toBe('ok');
    expect(outcomeOf(state, { type: 'instruct', text: '尽快化解' }, cast.leaderT2)).toBe('NOT_ON_CASE');
    expect(run(state, [[{ type: 'instruct', text: '尽快化解' }, cast.leaderD]]).instructions).toEqual([
      expect.objectContaining({ text: '尽快化解', by: cast.leaderD }),
    ]);
  });

  it('takes supervision orders and reminders from supervisors above the case', () => {
    const state = caseIn('inHandling');
    const order = { type: 'superviseOrder' as const, text: '限期办结', dueDate: '2026-04-20' };
    expect(outcomeOf(state, order, cast.supervisorT2)).toBe('NOT_ON_CASE');
    expect(outcomeOf(state, { ...order, dueDate: 'soon' }, cast.supervisorD)).toBe('FIELD_INVALID');
    const supervised = run(state, [
      [order, cast.supervisorD],
      [{ type: 'remind', text: '请加快' }, cast.supervisorD],
    ]);
    expect(supervised.supervision.map((s) => [s.kind, s.dueDate])).toEqual([
      ['order', '2026-04-20'],
      ['reminder', null],
    ]);
  });

  it('lets the system only close', () => {
    expect(outcomeOf(caseIn('inHandling'), { type: 'instruct', text: 'x' }, SYSTEM_ACTOR)).toBe(
      'ROLE_NOT_ALLOWED',
    );
  });
});

describe('case assignees for escalation', () => {
  it('are the holding unit before the six defines, then the named people', () => {
    expect(caseAssigneesOf(caseIn('assigned'))).toEqual({
      responsibleUnitCode: 'T1',
      handler: null,
      packageLeader: null,
    });
    expect(caseAssigneesOf(caseIn('inHandling'))).toEqual({
      responsibleUnitCode: 'T1',
      handler: cast.handlerT1,
      packageLeader: cast.packageLeaderD,
    });
  });
});

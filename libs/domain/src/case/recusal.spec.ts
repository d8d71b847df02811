import { CaseAction, CaseActionOf } from './actions';
import { CaseActor } from './actor';
import { CaseState } from './case-state';
import { decide } from './decide';
import { CaseFacts } from './facts';
import { recusalDecidingUnit, seatsToReplace } from './recusal';
import {
  caseIn,
  cast,
  fullFacts,
  investigate,
  outcomeOf,
  principal,
  registerAction,
  run,
  sampleTree,
  sixDefines,
} from './test-kit';

/** A second handler of the town T1, to replace a recused one; a second leader of the district D. */
const handlerT1b = principal('handler-t1b', 'handler', 'T1');
const leaderD2 = principal('leader-d2', 'unitLeader', 'D');

const requestOn = (person = cast.handlerT1): CaseActionOf<'requestRecusal'> => ({
  type: 'requestRecusal',
  person,
  ground: 'relative',
  explanation: '承办人系信访人的表兄',
});
const decision = (decision: 'recuse' | 'dismiss', userId = cast.handlerT1.userId): CaseAction => ({
  type: 'decideRecusal',
  userId,
  decision,
  reason: decision === 'recuse' ? '经核实确系近亲属' : '经核实无亲属关系',
});

/** The full error (code, kind, field) of one action, or 'ok'. */
function refusal(state: CaseState, action: CaseAction, actor: CaseActor, facts: Partial<CaseFacts> = {}) {
  const result = decide(state, action, actor, fullFacts(action.type, facts));
  return result.ok ? 'ok' : { code: result.error.code, kind: result.error.kind, field: result.error.field };
}

describe('recusal (回避, art. 28 of the 2022 Regulation)', () => {
  it('art. 28: a handler who declared their own interest may no longer record a duty (RECUSED_PERSON, 403)', () => {
    const state = caseIn('inHandling', [
      [{ type: 'declareInterest', ground: 'party', explanation: '本人系涉事小区业主' }, cast.handlerT1],
    ]);
    expect(refusal(state, investigate, cast.handlerT1)).toEqual({
      code: 'RECUSED_PERSON',
      kind: 'forbidden',
      field: undefined,
    });
    // Any other action by them too, e.g. asking for an extension or replying.
    expect(outcomeOf(state, { type: 'requestExtension', days: 10, reason: '复杂' }, cast.handlerT1)).toBe(
      'RECUSED_PERSON',
    );
    // The handler seat is now to be filled again: the case shows it.
    expect(seatsToReplace(state)).toEqual([
      { field: 'handler', person: cast.handlerT1, basis: 'selfDeclared' },
    ]);
  });

  it('art. 28: a petitioner’s request upheld by the T1 leader → the handler must be replaced by the next reassignment', () => {
    const requested = caseIn('inHandling', [[requestOn(), cast.clerkT1]]);
    const result = decide(requested, decision('recuse'), cast.leaderT1, fullFacts('decideRecusal'));
    if (!result.ok) throw result.error;
    const upheld = result.state;
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      type: 'recusalDecided',
      details: { decision: 'recuse', replacementNeeded: ['handler'] },
    });
    const event = result.events[0]!;
    if (event.type !== 'recusalDecided') throw new Error(`expected recusalDecided, got ${event.type}`);
    expect(event.details.description).toBe(
      '回避决定：决定回避，name-handler-t1（T1）应当回避，不得再办理本案；理由：经核实确系近亲属；其现任责任人，须调整六定另行指定',
    );
    expect(seatsToReplace(upheld).map((seat) => seat.field)).toEqual(['handler']);

    // A reassignment that keeps the recused handler is refused, naming the field...
    const keepsHandler: CaseAction = {
      type: 'reassign',
      changes: { resolutionPlan: '调整方案' },
      reason: '方案调整',
    };
    expect(refusal(upheld, keepsHandler, cast.leaderT1)).toEqual({
      code: 'RECUSED_PERSON_NAMED',
      kind: 'rule',
      field: 'changes.handler',
    });
    // ...and the one that replaces them is accepted, keeping the old six defines in the history.
    const replaced = run(upheld, [
      [{ type: 'reassign', changes: { handler: handlerT1b }, reason: '原责任人回避' }, cast.leaderT1],
    ]);
    expect(replaced.sixDefines?.handler.userId).toBe('handler-t1b');
    expect(replaced.sixDefinesHistory.map((revision) => revision.previous.handler.userId)).toEqual([
      'handler-t1',
    ]);
    expect(seatsToReplace(replaced)).toEqual([]);
    // The recused handler stays out: acting is refused, and so is naming them again.
    expect(outcomeOf(replaced, investigate, cast.handlerT1)).toBe('RECUSED_PERSON');
    expect(
      outcomeOf(replaced, { ...investigate, performedBy: [handlerT1b, cast.handlerT1] }, handlerT1b),
    ).toBe('RECUSED_PERSON_NAMED');
  });

  it('art. 28: a request dismissed → the person keeps acting; while pending it blocked nothing', () => {
    const requested = caseIn('inHandling', [[requestOn(), cast.clerkT1]]);
    // Pending: the handler still works the case.
    expect(outcomeOf(requested, investigate, cast.handlerT1)).toBe('ok');
    const dismissed = run(requested, [[decision('dismiss'), cast.leaderT1]]);
    expect(dismissed.recusals?.[0]?.ruling).toMatchObject({
      decision: 'dismiss',
      reason: '经核实无亲属关系',
    });
    expect(outcomeOf(dismissed, investigate, cast.handlerT1)).toBe('ok');
    expect(seatsToReplace(dismissed)).toEqual([]);
    // Decided: nothing left to decide.
    expect(outcomeOf(dismissed, decision('recuse'), cast.leaderT1)).toBe('NO_RECUSAL_PENDING');
  });

  it('art. 28 (and art. 30): an accused person cannot be named package leader, perform a duty, or act', () => {
    const state = run(null, [
      [
        registerAction({ category: 'accusation', accused: { unitCodes: [], userIds: ['pkg-d'] } }),
        cast.clerkD,
      ],
      [{ type: 'accept' }, cast.clerkD],
    ]);
    expect(
      refusal(
        state,
        {
          type: 'defineSix',
          defines: sixDefines({ responsibleUnitCode: 'D', handler: principal('handler-d', 'handler', 'D') }),
        },
        cast.leaderD,
      ),
    ).toEqual({ code: 'ACCUSED_PERSON_EXCLUDED', kind: 'rule', field: 'defines.packageLeader' });
    expect(outcomeOf(state, { type: 'instruct', text: '抓紧办理' }, cast.packageLeaderD)).toBe(
      'RECUSED_PERSON',
    );
    const handling = run(state, [
      [
        {
          type: 'defineSix',
          defines: sixDefines({
            packageLeader: leaderD2,
            responsibleUnitCode: 'D',
            handler: principal('handler-d', 'handler', 'D'),
          }),
        },
        cast.leaderD,
      ],
    ]);
    expect(
      refusal(
        handling,
        { ...investigate, performedBy: [cast.packageLeaderD] },
        principal('handler-d', 'handler', 'D'),
      ),
    ).toEqual({ code: 'ACCUSED_PERSON_EXCLUDED', kind: 'rule', field: 'performedBy[0]' });
  });

  it('art. 28: the decision by the wrong person is refused (NOT_RECUSAL_DECIDER, 403)', () => {
    const requested = caseIn('inHandling', [[requestOn(), cast.clerkT1]]);
    // handler-t1 belongs to T1: a leader of T1 decides, not T2's, nor the district's.
    expect(recusalDecidingUnit(cast.handlerT1, sampleTree)).toBe('T1');
    expect(refusal(requested, decision('recuse'), cast.leaderT2)).toEqual({
      code: 'NOT_RECUSAL_DECIDER',
      kind: 'forbidden',
      field: undefined,
    });
    expect(outcomeOf(requested, decision('recuse'), cast.leaderD)).toBe('NOT_RECUSAL_DECIDER');
    // Only unit leaders decide at all.
    expect(outcomeOf(requested, decision('recuse'), cast.packageLeaderD)).toBe('ROLE_NOT_ALLOWED');

    // The T1 leader themselves: decided by a leader of the unit above (D), never by themselves.
    const onLeader = caseIn('inHandling', [[requestOn(cast.leaderT1), cast.clerkT1]]);
    expect(recusalDecidingUnit(cast.leaderT1, sampleTree)).toBe('D');
    expect(outcomeOf(onLeader, decision('recuse', 'leader-t1'), cast.leaderT1)).toBe('NOT_RECUSAL_DECIDER');
    expect(outcomeOf(onLeader, decision('recuse', 'leader-t1'), cast.leaderD)).toBe('ok');

    // The top unit's leader: another leader of the top unit.
    const onTop = caseIn('inHandling', [[requestOn(cast.leaderD), cast.clerkT1]]);
    expect(recusalDecidingUnit(cast.leaderD, sampleTree)).toBe('D');
    expect(outcomeOf(onTop, decision('dismiss', 'leader-d'), cast.leaderD)).toBe('NOT_RECUSAL_DECIDER');
    expect(outcomeOf(onTop, decision('dismiss', 'leader-d'), leaderD2)).toBe('ok');
  });

  it('art. 28: the same request twice while pending is one (no second event); once decided it may be asked again', () => {
    const requested = caseIn('inHandling', [[requestOn(), cast.clerkT1]]);
    const again = decide(requested, { ...requestOn(), ground: 'party' }, cast.clerkT1, fullFacts());
    if (!again.ok) throw again.error;
    expect(again.events).toEqual([]);
    expect(again.state.recusals).toHaveLength(1);
    const dismissed = run(requested, [[decision('dismiss'), cast.leaderT1]]);
    expect(run(dismissed, [[requestOn(), cast.clerkT1]]).recusals).toHaveLength(2);
    // Someone already recused is not asked about again.
    const upheld = run(requested, [[decision('recuse'), cast.leaderT1]]);
    expect(outcomeOf(upheld, requestOn(), cast.clerkT1)).toBe('ALREADY_RECUSED');
  });

  it('art. 28: the request and the self-declaration are events with the person, the ground and readable Chinese', () => {
    const requested = caseIn('inHandling');
    const asked = decide(requested, requestOn(), cast.clerkT1, fullFacts());
    if (!asked.ok) throw asked.error;
    expect(asked.events[0]).toMatchObject({
      type: 'recusalRequested',
      details: {
        person: cast.handlerT1,
        ground: 'relative',
        description:
          '信访人申请回避：name-handler-t1（T1）系当事人近亲属：承办人系信访人的表兄；待决定期间不影响办理',
      },
    });
    const declared = decide(
      requested,
      { type: 'declareInterest', ground: 'namedInPetition' },
      cast.packageLeaderD,
      fullFacts(),
    );
    if (!declared.ok) throw declared.error;
    expect(declared.events[0]).toMatchObject({
      type: 'interestDeclared',
      details: {
        person: cast.packageLeaderD,
        replacementNeeded: ['packageLeader'],
        description: '自行回避：name-pkg-d（D）为信访事项所涉人员；其现任包案领导，须调整六定另行指定',
      },
    });
    // Declaring it again records nothing; the recused package leader cannot reassign, a T1 leader can.
    const again = decide(
      declared.state,
      { type: 'declareInterest', ground: 'party' },
      cast.packageLeaderD,
      fullFacts(),
    );
    expect(again.ok && again.events).toEqual([]);
    const replace: CaseAction = {
      type: 'reassign',
      changes: { packageLeader: cast.leaderT1 },
      reason: '包案领导回避',
    };
    expect(outcomeOf(declared.state, replace, cast.packageLeaderD)).toBe('RECUSED_PERSON');
    expect(outcomeOf(declared.state, replace, cast.leaderT1)).toBe('ok');
  });

  it('art. 28: “other” needs an explanation, and a decision needs a pending request', () => {
    const state = caseIn('accepted');
    expect(refusal(state, { type: 'declareInterest', ground: 'other' }, cast.clerkT1)).toEqual({
      code: 'FIELD_REQUIRED',
      kind: 'invalid',
      field: 'explanation',
    });
    expect(refusal(state, decision('recuse'), cast.leaderT1)).toEqual({
      code: 'NO_RECUSAL_PENDING',
      kind: 'conflict',
      field: 'userId',
    });
  });
});

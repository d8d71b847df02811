import { SixDefinesInput } from './actions';
import { ReceptionRef } from './case-state';
import { cast, outcomeOf, registerAction, run, sixDefines } from './test-kit';

const leaderReception: ReceptionRef = { sessionId: 'session-1', leader: cast.leaderD };
const registerInSession = (reception: ReceptionRef = leaderReception) =>
  registerAction({ channel: 'leaderReception', reception });

const withoutLeader = (): SixDefinesInput => {
  const { packageLeader: _omitted, ...rest } = sixDefines();
  return rest;
};

describe('a case registered in a leader reception session (领导接待日)', () => {
  it('keeps the session and its leader from registration', () => {
    const state = run(null, [[registerInSession(), cast.clerkD]]);
    expect(state.reception).toEqual({ sessionId: 'session-1', leader: cast.leaderD });
    expect(state.channel).toBe('leaderReception');
  });

  it('needs the reception channel and a leader', () => {
    expect(outcomeOf(null, registerAction({ reception: leaderReception }), cast.clerkD)).toBe(
      'RECEPTION_CHANNEL_MISMATCH',
    );
    expect(outcomeOf(null, registerInSession({ sessionId: 's', leader: cast.handlerT1 }), cast.clerkD)).toBe(
      'RECEPTION_LEADER_NOT_LEADER',
    );
    expect(outcomeOf(null, registerInSession({ sessionId: ' ', leader: cast.leaderD }), cast.clerkD)).toBe(
      'FIELD_REQUIRED',
    );
  });

  it('makes the receiving leader the package leader of the six defines', () => {
    const accepted = run(null, [
      [registerInSession(), cast.clerkD],
      [{ type: 'assignDown', toUnitCode: 'T1', reason: '属地', feedbackDueDate: '2026-04-30' }, cast.clerkD],
      [{ type: 'accept' }, cast.clerkT1],
    ]);
    const defined = run(accepted, [[{ type: 'defineSix', defines: withoutLeader() }, cast.leaderT1]]);
    expect(defined.sixDefines?.packageLeader).toEqual(cast.leaderD);
    expect(outcomeOf(accepted, { type: 'defineSix', defines: sixDefines() }, cast.leaderT1)).toBe(
      'PACKAGE_LEADER_PRESET',
    );
    expect(
      outcomeOf(
        accepted,
        { type: 'defineSix', defines: { ...withoutLeader(), packageLeader: cast.leaderD } },
        cast.leaderT1,
      ),
    ).toBe('ok');
  });

  it('leaves other cases as before: no reception, the package leader must be named', () => {
    const accepted = run(null, [
      [registerAction(), cast.clerkD],
      [{ type: 'assignDown', toUnitCode: 'T1', reason: '属地', feedbackDueDate: '2026-04-30' }, cast.clerkD],
      [{ type: 'accept' }, cast.clerkT1],
    ]);
    expect(accepted).not.toHaveProperty('reception');
    expect(outcomeOf(accepted, { type: 'defineSix', defines: withoutLeader() }, cast.leaderT1)).toBe(
      'SIX_DEFINES_INCOMPLETE',
    );
  });
});

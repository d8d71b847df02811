import { applyAction } from './decide';
import { caseIn, cast, fullFacts, investigate, outcomeOf, run } from './test-kit';

describe('the five duties', () => {
  it('records who, when and the evidence', () => {
    const state = run(caseIn('inHandling'), [[investigate, cast.handlerT1]]);
    expect(state.duties).toHaveLength(1);
    expect(state.duties[0]).toMatchObject({
      duty: 'investigate',
      performedBy: [cast.handlerT1],
      performedOn: '2026-03-20',
      evidenceRefs: ['evidence-1'],
      recordedBy: cast.handlerT1,
    });
  });

  it('needs evidence, people and a valid duty', () => {
    expect(outcomeOf(caseIn('inHandling'), { ...investigate, evidenceRefs: [] }, cast.handlerT1)).toBe(
      'FIELD_REQUIRED',
    );
    expect(outcomeOf(caseIn('inHandling'), { ...investigate, performedBy: [] }, cast.handlerT1)).toBe(
      'FIELD_REQUIRED',
    );
    expect(outcomeOf(caseIn('inHandling'), { ...investigate, duty: 'guard' as never }, cast.handlerT1)).toBe(
      'FIELD_INVALID',
    );
  });

  it('records the reply and follow-up duties only once an opinion is issued, and after closure too', () => {
    const followUp = { ...investigate, duty: 'followUpVisit' as const };
    expect(outcomeOf(caseIn('inHandling'), followUp, cast.handlerT1)).toBe('DUTY_NEEDS_REPLY');
    expect(outcomeOf(caseIn('closed'), followUp, cast.handlerT1)).toBe('ok');
  });

  it('is the case team’s work: not another unit’s handler', () => {
    expect(outcomeOf(caseIn('inHandling'), investigate, cast.handlerT2)).toBe('NOT_ON_CASE');
    expect(outcomeOf(caseIn('inHandling'), investigate, cast.packageLeaderD)).toBe('ok');
  });
});

describe('the one extension', () => {
  const request = (days = 30) => ({ type: 'requestExtension' as const, days, reason: '案情复杂' });
  const approve = (granted = true) => ({ type: 'approveExtension' as const, granted });

  it('is approved by a leader of the responsible unit and recorded with the approver', () => {
    const state = run(caseIn('inHandling'), [
      [request(), cast.handlerT1],
      [approve(), cast.leaderT1],
    ]);
    expect(state.extension.pending).toBeNull();
    expect(state.extension.granted).toMatchObject({
      days: 30,
      granted: true,
      decidedBy: cast.leaderT1,
      requestedBy: cast.handlerT1,
    });
  });

  it('is not approved by another unit’s leader', () => {
    const pending = run(caseIn('inHandling'), [[request(), cast.handlerT1]]);
    expect(outcomeOf(pending, approve(), cast.leaderT2)).toBe('NOT_RESPONSIBLE_UNIT_LEADER');
    expect(outcomeOf(pending, approve(), cast.leaderD)).toBe('NOT_RESPONSIBLE_UNIT_LEADER');
  });

  it('is at most the policy’s days', () => {
    expect(outcomeOf(caseIn('inHandling'), request(31), cast.handlerT1)).toBe('EXTENSION_TOO_LONG');
    expect(outcomeOf(caseIn('inHandling'), request(15), cast.handlerT1, { maxExtensionDays: 10 })).toBe(
      'EXTENSION_TOO_LONG',
    );
    expect(outcomeOf(caseIn('inHandling'), request(0), cast.handlerT1)).toBe('FIELD_INVALID');
    expect(outcomeOf(caseIn('inHandling'), request(), cast.handlerT1, { maxExtensionDays: undefined })).toBe(
      'FACT_MISSING',
    );
  });

  it('happens once; a refused request does not use it up', () => {
    const granted = run(caseIn('inHandling'), [
      [request(), cast.handlerT1],
      [approve(), cast.leaderT1],
    ]);
    expect(outcomeOf(granted, request(5), cast.handlerT1)).toBe('EXTENSION_ALREADY_USED');
    const pending = run(caseIn('inHandling'), [[request(), cast.handlerT1]]);
    expect(outcomeOf(pending, request(5), cast.handlerT1)).toBe('EXTENSION_ALREADY_REQUESTED');
    expect(outcomeOf(caseIn('inHandling'), approve(), cast.leaderT1)).toBe('NO_EXTENSION_PENDING');
    const refused = run(pending, [[approve(false), cast.leaderT1]]);
    expect(refused.extension).toMatchObject({ pending: null, granted: null, refused: [{ granted: false }] });
    expect(outcomeOf(refused, request(10), cast.handlerT1)).toBe('ok');
  });
});

describe('the paused clock', () => {
  it('pauses with a reason and resumes, keeping the history', () => {
    const state = run(caseIn('inHandling'), [
      [{ type: 'pauseClock', reason: '组织听证' }, cast.handlerT1],
      [{ type: 'resumeClock' }, cast.handlerT1],
    ]);
    expect(state.pause).toBeNull();
    expect(state.pauses).toEqual([
      expect.objectContaining({ reason: '组织听证', phase: 'handling', endedWithPhase: false }),
    ]);
  });

  it('refuses a second pause and a resume without a pause', () => {
    const paused = run(caseIn('inHandling'), [[{ type: 'pauseClock', reason: '听证' }, cast.handlerT1]]);
    expect(outcomeOf(paused, { type: 'pauseClock', reason: '再次' }, cast.handlerT1)).toBe(
      'CLOCK_ALREADY_PAUSED',
    );
    expect(outcomeOf(caseIn('inHandling'), { type: 'resumeClock' }, cast.handlerT1)).toBe('CLOCK_NOT_PAUSED');
    expect(outcomeOf(caseIn('inHandling'), { type: 'pauseClock', reason: '' }, cast.handlerT1)).toBe(
      'FIELD_REQUIRED',
    );
  });

  it('belongs to whoever runs the current clock', () => {
    expect(outcomeOf(caseIn('registered'), { type: 'pauseClock', reason: 'x' }, cast.clerkT1)).toBe(
      'NOT_HOLDING_UNIT',
    );
    expect(outcomeOf(caseIn('underReview'), { type: 'pauseClock', reason: '听证' }, cast.handlerT1)).toBe(
      'NOT_DECIDING_BODY',
    );
    expect(outcomeOf(caseIn('underReview'), { type: 'pauseClock', reason: '听证' }, cast.clerkD)).toBe('ok');
  });

  it('ends by itself when its clock phase ends, recorded as its own event', () => {
    const paused = run(caseIn('inHandling'), [
      [investigate, cast.handlerT1],
      [{ type: 'pauseClock', reason: '听证' }, cast.handlerT1],
    ]);
    const { state, events } = applyAction(
      paused,
      { type: 'reply', outcome: 'support', reasons: '支持' },
      cast.handlerT1,
      fullFacts(),
    );
    expect(state.pause).toBeNull();
    expect(state.pauses[0]).toMatchObject({ endedWithPhase: true, phase: 'handling' });
    expect(events.map((e) => e.type)).toEqual(['replyIssued', 'clockResumed']);
    expect(events[1]?.details).toMatchObject({ endedWithPhase: true });
  });

  it('keeps running through the six defines (same handling clock)', () => {
    const paused = run(caseIn('accepted'), [[{ type: 'pauseClock', reason: '听证' }, cast.clerkT1]]);
    const state = run(paused, [
      [{ type: 'defineSix', defines: { ...caseIn('inHandling').sixDefines } }, cast.leaderT1],
    ]);
    expect(state.pause).not.toBeNull();
  });

  it('ends when the case changes hands during triage', () => {
    const paused = run(caseIn('registered'), [[{ type: 'pauseClock', reason: '核实' }, cast.clerkD]]);
    const state = run(paused, [[{ type: 'transfer', toUnitCode: 'T2', reason: '职责' }, cast.clerkD]]);
    expect(state.pause).toBeNull();
    expect(state.pauses[0]?.endedWithPhase).toBe(true);
  });
});

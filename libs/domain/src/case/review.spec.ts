import { SYSTEM_ACTOR } from './actor';
import { caseIn, cast, deliver, outcomeOf, run } from './test-kit';

const requestReview = { type: 'requestReview' as const, reason: '不服处理意见' };
const requestReReview = { type: 'requestReReview' as const, reason: '不服复查意见' };
const deliveredReply = () => caseIn('replied', [[deliver('reply'), cast.handlerT1]]);

describe('reply, delivery and satisfaction', () => {
  it('replies only after the investigation is recorded', () => {
    expect(
      outcomeOf(caseIn('inHandling'), { type: 'reply', outcome: 'support', reasons: '支持' }, cast.handlerT1),
    ).toBe('INVESTIGATION_NOT_RECORDED');
    const replied = caseIn('replied');
    expect(replied.reply).toMatchObject({
      outcome: 'explain',
      handlingUnitCode: 'T1',
      issuedBy: cast.handlerT1,
      delivery: null,
    });
  });

  it('records the delivery once, with method and date', () => {
    const delivered = deliveredReply();
    expect(delivered.reply?.delivery).toMatchObject({ method: 'inPerson', deliveredOn: '2026-04-10' });
    expect(outcomeOf(delivered, deliver('reply'), cast.handlerT1)).toBe('ALREADY_DELIVERED');
    expect(outcomeOf(caseIn('replied'), deliver('reviewOpinion'), cast.clerkD)).toBe('CASE_STATE_CONFLICT');
    expect(
      outcomeOf(caseIn('replied'), { ...deliver('reply'), deliveredOn: '10/04/2026' }, cast.handlerT1),
    ).toBe('FIELD_INVALID');
  });

  it('refuses a delivery dated after today', () => {
    const replied = caseIn('replied');
    const delivery = { ...deliver('reply'), deliveredOn: '2026-04-11' };
    expect(outcomeOf(replied, delivery, cast.handlerT1, { today: '2026-04-10' })).toBe('DELIVERY_IN_FUTURE');
    expect(outcomeOf(replied, delivery, cast.handlerT1, { today: '2026-04-11' })).toBe('ok');
  });

  it('records satisfaction once, after delivery', () => {
    const answer = { type: 'recordSatisfaction' as const, satisfaction: 'basicallySatisfied' as const };
    expect(outcomeOf(caseIn('replied'), answer, cast.handlerT1)).toBe('REPLY_NOT_DELIVERED');
    const answered = run(deliveredReply(), [[answer, cast.handlerT1]]);
    expect(answered.satisfaction?.satisfaction).toBe('basicallySatisfied');
    expect(outcomeOf(answered, answer, cast.handlerT1)).toBe('SATISFACTION_ALREADY_RECORDED');
  });
});

describe('review (复查)', () => {
  it('is asked within the window after delivery and goes one level above the handler unit', () => {
    const state = caseIn('underReview');
    expect(state.review).toMatchObject({
      body: { kind: 'unit', code: 'D' },
      reason: '对处理意见不服',
      opinion: null,
    });
  });

  it('is refused before delivery and after the window', () => {
    expect(outcomeOf(caseIn('replied'), requestReview, cast.clerkD)).toBe('REPLY_NOT_DELIVERED');
    expect(
      outcomeOf(deliveredReply(), requestReview, cast.clerkD, { windowEndsAt: '2026-01-01T00:00:00Z' }),
    ).toBe('REVIEW_WINDOW_CLOSED');
    expect(outcomeOf(deliveredReply(), requestReview, cast.clerkD, { windowEndsAt: undefined })).toBe(
      'FACT_MISSING',
    );
  });

  it('after the lapsed window closed the case, is refused because the window closed', () => {
    const closeAfterLapse = { type: 'close' as const, note: '期限届满' };
    const closed = run(deliveredReply(), [
      [closeAfterLapse, SYSTEM_ACTOR, { windowEndsAt: '2026-01-01T00:00:00Z' }],
    ]);
    expect(closed.status).toBe('closed');
    expect(outcomeOf(closed, requestReview, cast.clerkD)).toBe('REVIEW_WINDOW_CLOSED');
  });

  it('is recorded and decided by the body above, not by the handler unit', () => {
    expect(outcomeOf(deliveredReply(), requestReview, cast.clerkT1)).toBe('NOT_DECIDING_BODY');
    const decide = { type: 'decideReview' as const, outcome: 'notSupport' as const, reasons: '维持' };
    expect(outcomeOf(caseIn('underReview'), decide, cast.leaderT1)).toBe('NOT_DECIDING_BODY');
    expect(run(caseIn('underReview'), [[decide, cast.leaderD]]).review?.opinion).toMatchObject({
      outcome: 'notSupport',
    });
  });
});

describe('re-review (复核) and conclusion', () => {
  it('goes one level further up: above the top unit, an external body recorded by name', () => {
    const state = caseIn('underReReview');
    expect(state.reReview?.body).toEqual({ kind: 'external', name: '示例市人民政府' });
  });

  it('needs the review opinion delivered and the window open', () => {
    expect(outcomeOf(caseIn('reviewed'), requestReReview, cast.clerkD)).toBe('REVIEW_OPINION_NOT_DELIVERED');
    const delivered = caseIn('reviewed', [[deliver('reviewOpinion'), cast.clerkD]]);
    expect(outcomeOf(delivered, requestReReview, cast.clerkD, { windowEndsAt: '2026-01-01T00:00:00Z' })).toBe(
      'RE_REVIEW_WINDOW_CLOSED',
    );
  });

  it('has an external body’s acts recorded by the top unit only', () => {
    const decide = { type: 'decideReReview' as const, outcome: 'notSupport' as const, reasons: '维持' };
    expect(outcomeOf(caseIn('underReReview'), decide, cast.leaderT1)).toBe('NOT_DECIDING_BODY');
    expect(outcomeOf(caseIn('underReReview'), decide, cast.leaderD)).toBe('ok');
  });

  it('concludes after the re-review decision, and a concluded case never changes state', () => {
    const concluded = caseIn('concluded');
    expect(concluded.status).toBe('concluded');
    expect(concluded.reReview?.opinion).toMatchObject({ outcome: 'notSupport' });
    expect(outcomeOf(concluded, { type: 'withdraw', reason: 'x' }, cast.clerkD)).toBe('CASE_STATE_CONFLICT');
    expect(outcomeOf(concluded, requestReReview, cast.clerkD)).toBe('CASE_STATE_CONFLICT');
    expect(run(concluded, [[deliver('reReviewOpinion'), cast.clerkD]]).status).toBe('concluded');
  });
});

describe('closing', () => {
  it('closes a replied case once the review window lapsed unused', () => {
    const closed = run(deliveredReply(), [[{ type: 'close' }, SYSTEM_ACTOR]]);
    expect(closed.status).toBe('closed');
    expect(closed.closure?.reason).toContain('复查申请期限届满');
  });

  it('does not close while the window is open or before delivery', () => {
    expect(
      outcomeOf(deliveredReply(), { type: 'close' }, SYSTEM_ACTOR, { windowEndsAt: '2030-01-01T00:00:00Z' }),
    ).toBe('REQUEST_WINDOW_STILL_OPEN');
    expect(outcomeOf(caseIn('replied'), { type: 'close' }, SYSTEM_ACTOR)).toBe('REPLY_NOT_DELIVERED');
  });

  it('closes after review when no re-review was asked in time', () => {
    const delivered = caseIn('reviewed', [[deliver('reviewOpinion'), cast.clerkD]]);
    expect(run(delivered, [[{ type: 'close', note: '复核期限届满' }, cast.clerkD]]).closure?.reason).toBe(
      '复核期限届满',
    );
    expect(outcomeOf(caseIn('reviewed'), { type: 'close' }, SYSTEM_ACTOR)).toBe(
      'REVIEW_OPINION_NOT_DELIVERED',
    );
  });
});

describe('withdrawal', () => {
  it('is possible at any time before the end, recorded with the reason', () => {
    const withdrawn = run(caseIn('underReview'), [
      [{ type: 'withdraw', reason: '信访人书面撤回' }, cast.handlerT1],
    ]);
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.withdrawal).toMatchObject({ reason: '信访人书面撤回', by: cast.handlerT1 });
  });

  it('is refused after closure and needs a reason', () => {
    expect(outcomeOf(caseIn('closed'), { type: 'withdraw', reason: 'x' }, cast.handlerT1)).toBe(
      'CASE_STATE_CONFLICT',
    );
    expect(outcomeOf(caseIn('inHandling'), { type: 'withdraw', reason: ' ' }, cast.handlerT1)).toBe(
      'FIELD_REQUIRED',
    );
  });
});

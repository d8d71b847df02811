/**
 * Who reviews (art. 35), when a review or re-review request counts as received (arts. 35–36), and the
 * outcomes of an opinion (art. 32) — of the 2022 《信访工作条例》. Worked examples computed by hand.
 */
import { type Calendar } from '../clock/calendar';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { requestWindowEndsAt } from '../schedule/request-window';
import { runningClock } from '../schedule/running-clock';
import { SYSTEM_ACTOR } from './actor';
import { CaseState } from './case-state';
import { decide } from './decide';
import { CaseFacts } from './facts';
import {
  caseIn,
  cast,
  deliver,
  fullFacts,
  investigate,
  LONG_AGO,
  registerAction,
  run,
  sixDefines,
} from './test-kit';
import { RECORDED_REPLY_OUTCOMES, REPLY_OUTCOME_LABELS, REPLY_OUTCOMES } from './vocabulary';

const requestReview = { type: 'requestReview' as const, reason: '对处理意见不服' };

/**
 * The district (D) registers and assigns the matter down to the town (T1); the town accepts, names its
 * village (V1) responsible with the village's handler, and the town's leader issues the handling opinion,
 * delivered on Friday 2026-04-10.
 */
function townAcceptsVillageResponsible(): CaseState {
  return run(null, [
    [registerAction(), cast.clerkD],
    [
      { type: 'assignDown', toUnitCode: 'T1', reason: '属地管理', feedbackDueDate: '2026-04-30' },
      cast.clerkD,
    ],
    [{ type: 'accept' }, cast.clerkT1],
    [
      {
        type: 'defineSix',
        defines: sixDefines({ responsibleUnitCode: 'V1', handler: cast.handlerV1 }),
      },
      cast.leaderT1,
    ],
    [{ ...investigate, performedBy: [cast.handlerV1] }, cast.handlerV1],
    [{ type: 'reply', outcome: 'explain', reasons: '依据政策解释说明' }, cast.leaderT1],
    [deliver('reply'), cast.clerkT1],
  ]);
}

function attempt(
  state: CaseState,
  action: Parameters<typeof decide>[1],
  actor = cast.clerkD,
  facts: Partial<CaseFacts> = {},
) {
  return decide(state, action, actor, fullFacts(action.type, facts));
}

describe('art. 35: the review body is one level above the original handling body', () => {
  it('art. 35: a town accepts, a village is responsible, the town issues the opinion → the district reviews', () => {
    const state = townAcceptsVillageResponsible();
    expect(state.responsibleUnitCode).toBe('V1');
    // The opinion records the town as the original handling body (原办理机关、单位).
    expect(state.reply).toMatchObject({ outcome: 'explain', handlingUnitCode: 'T1' });

    const byDistrict = attempt(state, requestReview, cast.clerkD);
    expect(byDistrict.ok).toBe(true);
    if (!byDistrict.ok) return;
    expect(byDistrict.state.review?.body).toEqual({ kind: 'unit', code: 'D' });
    expect(byDistrict.events[0].details).toMatchObject({
      body: { kind: 'unit', code: 'D' },
      handlingUnitCode: 'T1',
    });

    // Not the town, whose own opinion it is (the old rule, one level above the village, named the town).
    const byTown = attempt(state, requestReview, cast.clerkT1);
    expect(byTown.ok ? 'ok' : byTown.error.code).toBe('NOT_DECIDING_BODY');
  });

  it('art. 35: the handling opinion’s event names the original handling body on the timeline', () => {
    const state = run(null, [
      [registerAction(), cast.clerkD],
      [
        { type: 'assignDown', toUnitCode: 'T1', reason: '属地管理', feedbackDueDate: '2026-04-30' },
        cast.clerkD,
      ],
      [{ type: 'accept' }, cast.clerkT1],
      [
        { type: 'defineSix', defines: sixDefines({ responsibleUnitCode: 'V1', handler: cast.handlerV1 }) },
        cast.leaderT1,
      ],
      [{ ...investigate, performedBy: [cast.handlerV1] }, cast.handlerV1],
    ]);
    // Even when the village's handler writes it, the opinion is the town's: the town accepted the matter.
    const reply = attempt(state, { type: 'reply', outcome: 'support', reasons: '予以支持' }, cast.handlerV1);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.state.reply?.handlingUnitCode).toBe('T1');
    expect(reply.events[0].details).toMatchObject({ outcome: 'support', handlingUnitCode: 'T1' });
  });

  it('art. 35: the district accepts and names the town responsible → the body above the district (the city) reviews', () => {
    // The standard journey of the test kit, but accepted at the district itself.
    const state = run(null, [
      [registerAction(), cast.clerkD],
      [{ type: 'accept' }, cast.clerkD],
      [{ type: 'defineSix', defines: sixDefines() }, cast.leaderD],
      [investigate, cast.handlerT1],
      [{ type: 'reply', outcome: 'notSupport', reasons: '不予支持' }, cast.handlerT1],
      [deliver('reply'), cast.handlerT1],
    ]);
    const result = attempt(state, requestReview, cast.clerkD);
    expect(result.ok && result.state.review?.body).toEqual({ kind: 'external', name: '示例市人民政府' });
  });

  it('art. 36: re-review goes one level above the review body: the district reviewed → the city re-reviews', () => {
    const reviewed = run(townAcceptsVillageResponsible(), [
      [requestReview, cast.clerkD],
      [{ type: 'decideReview', outcome: 'notSupport', reasons: '维持' }, cast.leaderD],
      [deliver('reviewOpinion'), cast.clerkD],
    ]);
    const result = attempt(reviewed, { type: 'requestReReview', reason: '对复查意见不服' }, cast.clerkD);
    expect(result.ok && result.state.reReview?.body).toEqual({ kind: 'external', name: '示例市人民政府' });
  });

  it('art. 35: a case from before the rule (fact legacyReviewBody) keeps its old body: above the responsible unit', () => {
    const state = townAcceptsVillageResponsible();
    const legacy = { legacyReviewBody: true };
    const byTown = attempt(state, requestReview, cast.clerkT1, legacy);
    expect(byTown.ok && byTown.state.review?.body).toEqual({ kind: 'unit', code: 'T1' });
    const byDistrict = attempt(state, requestReview, cast.clerkD, legacy);
    expect(byDistrict.ok ? 'ok' : byDistrict.error.code).toBe('NOT_DECIDING_BODY');
  });
});

/** Saturdays and Sundays off, no holidays. */
const WEEKDAYS: Calendar = {
  version: 'weekdays',
  timeZone: 'Asia/Shanghai',
  weeklyRestDays: ['SAT', 'SUN'],
  holidays: [],
  makeupWorkdays: [],
};

/**
 * The reply was delivered on Friday 2026-04-10. The review window is 30 calendar days, the delivery day
 * not counted: the 30th day is Sunday 2026-05-10, a rest day, so it ends with Monday 2026-05-11
 * (24:00 Shanghai = 2026-05-11T16:00:00Z).
 */
const WINDOW_ENDS_AT = '2026-05-11T16:00:00.000Z';
/** Received Friday 2026-05-08 10:00 Shanghai, inside the window. */
const RECEIVED_AT = '2026-05-08T02:00:00.000Z';
/** Recorded Wednesday 2026-05-13 10:00 Shanghai, after the window. */
const RECORDED_AT = '2026-05-13T02:00:00.000Z';
const late: Partial<CaseFacts> = { at: RECORDED_AT, windowEndsAt: WINDOW_ENDS_AT, timeZone: 'Asia/Shanghai' };
const backdated = {
  ...requestReview,
  receivedAt: RECEIVED_AT,
  receivedAtReason: '信件5月8日收到，5月13日补录',
};

describe('arts. 35–36: a request counts from when it was received', () => {
  it('art. 35: the review window of a reply delivered on Fri 2026-04-10 ends with Mon 2026-05-11 (30 days, Sunday moves on)', () => {
    const state = townAcceptsVillageResponsible();
    expect(requestWindowEndsAt(state, 'requestReview', DEFAULT_POLICY, WEEKDAYS)).toBe(WINDOW_ENDS_AT);
    expect(runningClock(state, DEFAULT_POLICY, WEEKDAYS)?.deadline.endsAt).toBe(WINDOW_ENDS_AT);
  });

  it('art. 35: received on 05-08 inside the window, recorded on 05-13 after it → accepted, with the reason on the timeline', () => {
    const result = attempt(townAcceptsVillageResponsible(), backdated, cast.clerkD, late);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.status).toBe('underReview');
    expect(result.state.review).toMatchObject({
      requestedAt: RECORDED_AT,
      receivedAt: RECEIVED_AT,
      receivedAtReason: '信件5月8日收到，5月13日补录',
    });
    expect(result.events[0].details).toMatchObject({
      receivedAt: RECEIVED_AT,
      receivedAtReason: '信件5月8日收到，5月13日补录',
      backdated: true,
    });
  });

  it('art. 35: the review decision clock runs 30 days from the received 05-08: Sun 06-07 moves to Mon 2026-06-08', () => {
    const result = attempt(townAcceptsVillageResponsible(), backdated, cast.clerkD, late);
    if (!result.ok) throw result.error;
    const clock = runningClock(result.state, DEFAULT_POLICY, WEEKDAYS);
    expect(clock).toMatchObject({ name: 'reviewDecision', startedAt: RECEIVED_AT });
    expect(clock?.deadline).toMatchObject({ lastDay: '2026-06-08', endsAt: '2026-06-08T16:00:00.000Z' });
  });

  it('art. 35: recorded on 05-13 without a received moment → the window has closed', () => {
    const result = attempt(townAcceptsVillageResponsible(), requestReview, cast.clerkD, late);
    expect(result.ok ? 'ok' : result.error.code).toBe('REVIEW_WINDOW_CLOSED');
  });

  it('art. 35: received on 05-12, after the window, → the window has closed even though it is back-dated', () => {
    const action = { ...backdated, receivedAt: '2026-05-12T02:00:00.000Z' };
    const result = attempt(townAcceptsVillageResponsible(), action, cast.clerkD, late);
    expect(result.ok ? 'ok' : result.error.code).toBe('REVIEW_WINDOW_CLOSED');
  });

  it('a received moment of an earlier day needs a reason; the same day does not', () => {
    const state = townAcceptsVillageResponsible();
    const noReason = attempt(state, { ...requestReview, receivedAt: RECEIVED_AT }, cast.clerkD, late);
    expect(noReason.ok ? 'ok' : [noReason.error.code, noReason.error.field]).toEqual([
      'FIELD_REQUIRED',
      'receivedAtReason',
    ]);
    // 05-13 08:30 Shanghai, recorded at 10:00 the same day: no reason needed.
    const sameDay = { ...requestReview, receivedAt: '2026-05-13T00:30:00.000Z' };
    const facts = { ...late, windowEndsAt: '2026-05-20T16:00:00.000Z' };
    expect(attempt(state, sameDay, cast.clerkD, facts).ok).toBe(true);
  });

  it('refuses a received moment in the future or before the opinion’s delivery day (04-10)', () => {
    const state = townAcceptsVillageResponsible();
    const future = attempt(
      state,
      { ...backdated, receivedAt: '2026-05-13T03:00:00.000Z' },
      cast.clerkD,
      late,
    );
    expect(future.ok ? 'ok' : [future.error.code, future.error.kind, future.error.field]).toEqual([
      'RECEIVED_IN_FUTURE',
      'rule',
      'receivedAt',
    ]);
    // 2026-04-09T17:00Z is 04-10 01:00 in Shanghai: the delivery day itself, allowed.
    expect(
      attempt(state, { ...backdated, receivedAt: '2026-04-09T17:00:00.000Z' }, cast.clerkD, late).ok,
    ).toBe(true);
    // 2026-04-09T15:00Z is 04-09 23:00 in Shanghai: the day before delivery.
    const early = attempt(state, { ...backdated, receivedAt: '2026-04-09T15:00:00.000Z' }, cast.clerkD, late);
    expect(early.ok ? 'ok' : [early.error.code, early.error.field]).toEqual([
      'RECEIVED_BEFORE_DELIVERY',
      'receivedAt',
    ]);
  });

  it('art. 35: a request received in time reopens the case the lapse of the window closed', () => {
    const closed = run(townAcceptsVillageResponsible(), [
      [{ type: 'close' }, SYSTEM_ACTOR, { at: '2026-05-11T16:00:00.000Z', windowEndsAt: LONG_AGO }],
    ]);
    expect(closed.status).toBe('closed');
    const reopened = attempt(closed, backdated, cast.clerkD, late);
    expect(reopened.ok).toBe(true);
    if (!reopened.ok) return;
    expect(reopened.state).toMatchObject({ status: 'underReview', closure: null });
    expect(reopened.events[0]).toMatchObject({
      fromStatus: 'closed',
      toStatus: 'underReview',
      details: { reopenedClosure: { at: '2026-05-11T16:00:00.000Z' }, backdated: true },
    });
    // Without the moment it was received, a request on the closed case is simply late.
    const undated = attempt(closed, requestReview, cast.clerkD, late);
    expect(undated.ok ? 'ok' : [undated.error.code, undated.error.field]).toEqual([
      'REVIEW_WINDOW_CLOSED',
      'receivedAt',
    ]);
  });

  it('art. 36: the re-review decision clock runs from the received moment too', () => {
    const reviewed = run(townAcceptsVillageResponsible(), [
      [requestReview, cast.clerkD],
      [{ type: 'decideReview', outcome: 'notSupport', reasons: '维持' }, cast.leaderD],
      [deliver('reviewOpinion'), cast.clerkD],
    ]);
    const action = {
      type: 'requestReReview' as const,
      reason: '不服复查意见',
      receivedAt: RECEIVED_AT,
      receivedAtReason: '复查意见书送达后于5月8日收到复核申请，补录',
    };
    const result = attempt(reviewed, action, cast.clerkD, late);
    if (!result.ok) throw result.error;
    expect(result.state.reReview).toMatchObject({ receivedAt: RECEIVED_AT, requestedAt: RECORDED_AT });
    expect(runningClock(result.state, DEFAULT_POLICY, WEEKDAYS)).toMatchObject({
      name: 'reReviewDecision',
      startedAt: RECEIVED_AT,
      deadline: { lastDay: '2026-06-08' },
    });
  });
});

describe('art. 32: the outcomes are 予以支持 / 解释说明 / 不予支持', () => {
  it('art. 32: the vocabulary is support / explain / notSupport with the article’s labels; partlySupport stays readable', () => {
    expect(REPLY_OUTCOMES).toEqual(['support', 'explain', 'notSupport']);
    expect(REPLY_OUTCOMES.map((outcome) => REPLY_OUTCOME_LABELS[outcome])).toEqual([
      '予以支持',
      '解释说明',
      '不予支持',
    ]);
    expect(RECORDED_REPLY_OUTCOMES).toContain('partlySupport');
    expect(REPLY_OUTCOME_LABELS.partlySupport).toBe('部分支持（旧）');
  });

  it('art. 32: a new reply, review or re-review opinion refuses partlySupport (422, field outcome)', () => {
    const inHandling = caseIn('inHandling', [[investigate, cast.handlerT1]]);
    const reply = attempt(
      inHandling,
      { type: 'reply', outcome: 'partlySupport', reasons: '部分支持' },
      cast.handlerT1,
    );
    expect(reply.ok ? 'ok' : [reply.error.code, reply.error.kind, reply.error.field]).toEqual([
      'OUTCOME_RETIRED',
      'rule',
      'outcome',
    ]);
    const review = attempt(
      caseIn('underReview'),
      { type: 'decideReview', outcome: 'partlySupport', reasons: '部分支持' },
      cast.leaderD,
    );
    expect(review.ok ? 'ok' : review.error.code).toBe('OUTCOME_RETIRED');
    for (const outcome of REPLY_OUTCOMES)
      expect(attempt(inHandling, { type: 'reply', outcome, reasons: '理由' }, cast.handlerT1).ok).toBe(true);
  });

  it('art. 32: a case from before the article’s wording (fact legacyOutcomes) still takes partlySupport, as its history did', () => {
    const inHandling = caseIn('inHandling', [[investigate, cast.handlerT1]]);
    const reply = attempt(
      inHandling,
      { type: 'reply', outcome: 'partlySupport', reasons: '部分支持' },
      cast.handlerT1,
      { legacyOutcomes: true },
    );
    expect(reply.ok && reply.state.reply?.outcome).toBe('partlySupport');
    const unknown = attempt(
      inHandling,
      { type: 'reply', outcome: 'maybe' as never, reasons: '理由' },
      cast.handlerT1,
    );
    expect(unknown.ok ? 'ok' : [unknown.error.code, unknown.error.field]).toEqual([
      'FIELD_INVALID',
      'outcome',
    ]);
  });
});

import { mainlandCalendar } from '../clock/mainland-calendar';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { overridePolicy } from '../policy/override-policy';
import { type PauseReason } from '../policy/policy';
import { runningClock } from '../schedule/running-clock';
import { caseIn, cast, deliver, FAR_FUTURE, LONG_AGO, outcomeOf, run } from './test-kit';

const CN = mainlandCalendar(2025, 2026);
const hearing = DEFAULT_POLICY.pauseReasons;
const appraisal: PauseReason = {
  code: 'appraisal',
  label: '鉴定 / appraisal',
  legalBasis: '某省信访条例第二十八条 / a province’s regulation, art. 28',
  clocks: ['handling'],
  counting: 'elapsed',
};
const handlingRuns = { runningClock: { name: 'handling' as const, endsAt: FAR_FUTURE } };
const handlingRanOut = { runningClock: { name: 'handling' as const, endsAt: LONG_AGO } };

describe('pauses with a legal basis only (Regulation art. 36)', () => {
  const pause = (reasonCode?: string) => ({
    type: 'pauseClock' as const,
    reason: '听证 10 月 9 日',
    reasonCode,
  });
  const reReviewRuns = { runningClock: { name: 'reReviewDecision' as const, endsAt: FAR_FUTURE } };

  it('art. 36: the national policy pauses the re-review decision for its hearing, recorded with the article', () => {
    const state = run(caseIn('underReReview'), [
      [pause('reReviewHearing'), cast.clerkD, { ...reReviewRuns, pauseReasons: hearing }],
    ]);
    expect(state.pause).toMatchObject({
      reasonCode: 'reReviewHearing',
      legalBasis: expect.stringContaining('第三十六条'),
      counting: 'wholeDays',
    });
  });

  it('art. 36: under the national policy the handling clock has no lawful reason to pause', () => {
    expect(
      outcomeOf(caseIn('inHandling'), pause('reReviewHearing'), cast.handlerT1, {
        ...handlingRuns,
        pauseReasons: hearing,
      }),
    ).toBe('PAUSE_REASON_NOT_LISTED');
  });

  it('a jurisdiction’s own reason, with its article, pauses the clocks it lists and counts as elapsed time', () => {
    const facts = { ...handlingRuns, pauseReasons: [...hearing, appraisal] };
    expect(outcomeOf(caseIn('inHandling'), pause(), cast.handlerT1, facts)).toBe('PAUSE_REASON_NOT_LISTED');
    const state = run(caseIn('inHandling'), [[pause('appraisal'), cast.handlerT1, facts]]);
    expect(state.pause).toMatchObject({ reasonCode: 'appraisal', counting: 'elapsed' });
  });

  it('a clock that already ran out is not paused: paperwork cannot cure a missed deadline', () => {
    expect(
      outcomeOf(caseIn('inHandling'), pause('appraisal'), cast.handlerT1, {
        ...handlingRanOut,
        pauseReasons: [appraisal],
      }),
    ).toBe('CLOCK_ALREADY_RAN_OUT');
  });

  it('cases under the earlier rules (no listed reasons given) still pause for any stated reason', () => {
    expect(outcomeOf(caseIn('inHandling'), pause(), cast.handlerT1)).toBe('ok');
  });
});

describe('the extension inside the handling period (Regulation art. 34)', () => {
  const request = { type: 'requestExtension' as const, days: 30, reason: '案情复杂' };
  const approve = { type: 'approveExtension' as const, granted: true };

  it('art. 34: an extension requested after the 60 days ran out is refused with its own code', () => {
    expect(outcomeOf(caseIn('inHandling'), request, cast.handlerT1, handlingRanOut)).toBe(
      'EXTENSION_AFTER_DEADLINE',
    );
  });

  it('art. 34: one requested in time but not approved before the period ended is refused, but may be declined', () => {
    const pending = run(caseIn('inHandling'), [[request, cast.handlerT1, handlingRuns]]);
    expect(outcomeOf(pending, approve, cast.leaderT1, handlingRanOut)).toBe('EXTENSION_AFTER_DEADLINE');
    expect(outcomeOf(pending, { ...approve, granted: false }, cast.leaderT1, handlingRanOut)).toBe('ok');
    expect(outcomeOf(pending, approve, cast.leaderT1, handlingRuns)).toBe('ok');
  });
});

function withReplyIssuedAt(issuedAt: string) {
  const replied = caseIn('replied');
  return { ...replied, reply: { ...replied.reply!, issuedAt } };
}

describe('the running clock under the lawful rules', () => {
  it('art. 34: accepted Mon 3 Aug 2026, extended 30 days: 3 Aug + 90 = Sun 1 Nov → Mon 2 Nov (earlier rules: Mon 9 Nov)', () => {
    const accepted = caseIn('inHandling');
    const state = {
      ...accepted,
      acceptedAt: '2026-08-03T07:00:00.000Z',
      extension: {
        pending: null,
        refused: [],
        granted: {
          days: 30,
          reason: '案情复杂',
          requestedAt: '2026-09-01T01:00:00.000Z',
          requestedBy: cast.handlerT1,
          granted: true,
          note: null,
          decidedAt: '2026-09-02T01:00:00.000Z',
          decidedBy: cast.leaderT1,
        },
      },
    };
    expect(runningClock(state, DEFAULT_POLICY, CN, {}, 'lawful')?.deadline.lastDay).toBe('2026-11-02');
    expect(runningClock(state, DEFAULT_POLICY, CN, {}, 'legacy')?.deadline.lastDay).toBe('2026-11-09');
  });

  it('an issued but undelivered reply runs the delivery clock (5 working days by default), and the window after delivery', () => {
    const issuedAt = '2026-03-02T02:00:00.000Z'; // Mon 2 Mar 2026, 10:00 in Beijing
    const replied = withReplyIssuedAt(issuedAt);
    const clock = runningClock(replied, DEFAULT_POLICY, CN, {}, 'lawful');
    expect(clock).toMatchObject({ name: 'delivery', kind: 'duty', startedAt: issuedAt });
    // Mon 2 Mar 2026: Tue 3 … Mon 9 Mar is the fifth working day.
    expect(clock?.deadline.lastDay).toBe('2026-03-09');
    expect(runningClock(replied, DEFAULT_POLICY, CN, {}, 'legacy')).toBeNull();
    const delivered = run(replied, [[deliver('reply'), cast.handlerT1]]);
    expect(runningClock(delivered, DEFAULT_POLICY, CN, {}, 'lawful')?.name).toBe('reviewRequest');
  });

  it('a jurisdiction may set its own delivery clock, and a policy without one gets the national one', () => {
    const replied = withReplyIssuedAt('2026-03-02T02:00:00.000Z');
    const three = overridePolicy(DEFAULT_POLICY, {
      version: 'x-2026',
      clocks: { delivery: { days: 3, mode: 'calendar' } },
    });
    expect(runningClock(replied, three, CN, {}, 'lawful')?.deadline.lastDay).toBe('2026-03-05');
    const { delivery: _omitted, ...olderClocks } = DEFAULT_POLICY.clocks;
    const older = { ...DEFAULT_POLICY, clocks: olderClocks } as unknown as typeof DEFAULT_POLICY;
    expect(runningClock(replied, older, CN, {}, 'lawful')?.deadline.lastDay).toBe('2026-03-09');
  });
});

import { isDomainError } from '../errors';
import { isPetitionerActor } from './actor';
import {
  applyPetitionerRating,
  checkPetitionerRating,
  isRecordedRating,
  type PetitionerRating,
} from './petitioner-rating';
import { caseIn, cast, deliver, outcomeOf } from './test-kit';

const rating = (overrides: Partial<PetitionerRating> = {}): PetitionerRating => ({
  ratingId: 'rating-1',
  replySeq: 12,
  satisfaction: 'basicallySatisfied',
  comment: '办理及时',
  channel: 'publicQuery',
  ...overrides,
});

function refusal(run: () => void): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return error.code;
  }
}

const deliveredReply = () => caseIn('replied', [[deliver('reply'), cast.handlerT1]]);
const AT = '2026-04-12T02:00:00.000Z';

describe('the petitioner rates the reply themself (art. 21)', () => {
  it('art. 21: after delivery, records the petitioner’s own rating with its comment, by the petitioner', () => {
    const state = deliveredReply();
    expect(refusal(() => checkPetitionerRating(state, rating()))).toBe('ok');
    const rated = applyPetitionerRating(state, rating(), AT);
    expect(rated.satisfaction).toEqual({
      satisfaction: 'basicallySatisfied',
      recordedAt: AT,
      recordedBy: { petitioner: true, channel: 'publicQuery' },
      ratingId: 'rating-1',
      replySeq: 12,
      comment: '办理及时',
    });
    expect(isPetitionerActor(rated.satisfaction!.recordedBy)).toBe(true);
    expect(rated.status).toBe('replied');
  });

  it('art. 21: not before the reply is delivered', () => {
    expect(refusal(() => checkPetitionerRating(caseIn('replied'), rating()))).toBe('REPLY_NOT_DELIVERED');
    expect(refusal(() => checkPetitionerRating(caseIn('inHandling'), rating()))).toBe('REPLY_NOT_DELIVERED');
    expect(refusal(() => checkPetitionerRating(caseIn('notAccepted'), rating()))).toBe('CASE_STATE_CONFLICT');
    expect(refusal(() => checkPetitionerRating(null, rating()))).toBe('CASE_STATE_CONFLICT');
  });

  it('art. 21: once per reply — after a counter rating the online one is refused, and the reverse', () => {
    const counter = { type: 'recordSatisfaction' as const, satisfaction: 'satisfied' as const };
    const atCounter = caseIn('replied', [
      [deliver('reply'), cast.handlerT1],
      [counter, cast.handlerT1],
    ]);
    expect(refusal(() => checkPetitionerRating(atCounter, rating()))).toBe('SATISFACTION_ALREADY_RECORDED');

    const online = applyPetitionerRating(deliveredReply(), rating(), AT);
    expect(outcomeOf(online, counter, cast.handlerT1)).toBe('SATISFACTION_ALREADY_RECORDED');
    // Another online rating of the same reply is refused; the same rating again is the recorded one.
    expect(refusal(() => checkPetitionerRating(online, rating({ ratingId: 'rating-2' })))).toBe(
      'SATISFACTION_ALREADY_RECORDED',
    );
    expect(isRecordedRating(online, 'rating-1')).toBe(true);
    expect(refusal(() => checkPetitionerRating(online, rating()))).toBe('ok');
  });

  it('art. 21: the rating may follow the end of the case (closed), as a counter rating may', () => {
    expect(refusal(() => checkPetitionerRating(caseIn('closed'), rating()))).toBe('ok');
  });

  it('refuses an unknown answer and a comment of more than 500 characters', () => {
    const state = deliveredReply();
    const odd = rating({ satisfaction: 'happy' as PetitionerRating['satisfaction'] });
    expect(refusal(() => checkPetitionerRating(state, odd))).toBe('FIELD_INVALID');
    expect(refusal(() => checkPetitionerRating(state, rating({ comment: '好'.repeat(500) })))).toBe('ok');
    expect(refusal(() => checkPetitionerRating(state, rating({ comment: '好'.repeat(501) })))).toBe(
      'FIELD_INVALID',
    );
  });
});

import { type PetitionerRatingChannel } from './actor';
import { caseError } from './case-errors';
import { type CaseState, type SatisfactionRecord } from './case-state';
import { assertDelivered } from './opinion-actions';
import { type Instant } from './time-values';
import { type Satisfaction, SATISFACTION_LEVELS } from './vocabulary';

/** The longest comment a petitioner may add to a rating. */
export const MAX_RATING_COMMENT_LENGTH = 500;

/** A satisfaction answer the petitioner gave themself, stored durably before it reaches the case. */
export interface PetitionerRating {
  /** The stored rating's id: the same rating delivered twice is recorded once. */
  readonly ratingId: string;
  /** The sequence of the reply (replyIssued event) the rating answers: one rating per reply. */
  readonly replySeq: number;
  readonly satisfaction: Satisfaction;
  readonly comment: string | null;
  readonly channel: PetitionerRatingChannel;
}

/** The satisfaction record of a petitioner's own rating (the counter's record has none of these fields). */
export interface PetitionerSatisfactionRecord extends SatisfactionRecord {
  readonly ratingId: string;
  readonly replySeq: number;
  readonly comment: string | null;
}

/** True when this very rating is the one already recorded (a retried delivery). */
export function isRecordedRating(state: CaseState, ratingId: string): boolean {
  return (state.satisfaction as Partial<PetitionerSatisfactionRecord> | null)?.ratingId === ratingId;
}

/**
 * May the petitioner's own rating be recorded (art. 21)? After the reply is delivered, once per reply:
 * whichever of the counter and the online rating reaches the case first wins; the other is refused.
 */
export function checkPetitionerRating(state: CaseState | null, rating: PetitionerRating): void {
  if (state === null || state.status === 'notAccepted' || state.status === 'withdrawn') {
    throw caseError('CASE_STATE_CONFLICT', {
      zh: '该案件没有可评价的答复',
      en: 'this case has no reply to rate',
    });
  }
  if (!SATISFACTION_LEVELS.includes(rating.satisfaction)) {
    throw caseError('FIELD_INVALID', {
      zh: '评价须为满意、基本满意或不满意',
      en: 'satisfaction must be satisfied, basicallySatisfied or dissatisfied',
      field: 'satisfaction',
    });
  }
  if (rating.comment !== null && rating.comment.length > MAX_RATING_COMMENT_LENGTH) {
    throw caseError('FIELD_INVALID', {
      zh: `评价意见不能超过${MAX_RATING_COMMENT_LENGTH}字`,
      en: `the comment is longer than ${MAX_RATING_COMMENT_LENGTH} characters`,
      field: 'comment',
    });
  }
  assertDelivered(state, 'reply');
  if (state.satisfaction !== null && !isRecordedRating(state, rating.ratingId)) {
    throw caseError('SATISFACTION_ALREADY_RECORDED', {
      zh: '该答复已评价',
      en: 'this reply has already been rated',
    });
  }
}

/** The case with the petitioner's rating recorded as their own (recordedBy: the petitioner). */
export function applyPetitionerRating(state: CaseState, rating: PetitionerRating, at: Instant): CaseState {
  const record: PetitionerSatisfactionRecord = {
    satisfaction: rating.satisfaction,
    recordedAt: at,
    recordedBy: { petitioner: true, channel: rating.channel },
    ratingId: rating.ratingId,
    replySeq: rating.replySeq,
    comment: rating.comment,
  };
  return { ...state, satisfaction: record, updatedAt: at };
}

import { type Calendar, startOfLocalDay } from '../clock';
import { type CaseState } from '../case/case-state';
import { type Instant } from '../case/time-values';
import { clockDeadline } from '../policy/clock-schedule';
import { type Policy } from '../policy/policy';

/**
 * The exclusive end of the petitioner's window for a review (art. 35) or re-review (art. 36) request,
 * whatever the case's status: from the day the opinion was delivered, as the running clock counts it.
 * A closed case needs it to judge a request received in time but recorded after the lapse closed it.
 * Undefined while the opinion is not delivered.
 */
export function requestWindowEndsAt(
  state: CaseState,
  type: 'requestReview' | 'requestReReview',
  policy: Policy,
  calendar: Calendar,
): Instant | undefined {
  const delivered =
    type === 'requestReview'
      ? state.reply?.delivery?.deliveredOn
      : state.review?.opinion?.delivery?.deliveredOn;
  if (delivered === undefined) return undefined;
  const startedAt = new Date(startOfLocalDay(delivered, calendar.timeZone)).toISOString();
  const clock = type === 'requestReview' ? 'reviewRequest' : 'reReviewRequest';
  return clockDeadline(policy, clock, calendar, startedAt).endsAt;
}

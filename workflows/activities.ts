import { proxyActivities } from '@temporalio/workflow';
import { type CaseActivities } from './activity-types';

/** The case workflow's two activities: recording an event, delivering inbox items. */
export const { recordCaseEvent, deliverNotifications } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '200 milliseconds',
    maximumInterval: '10 seconds',
    nonRetryableErrorTypes: ['SequenceGapError'],
  },
});

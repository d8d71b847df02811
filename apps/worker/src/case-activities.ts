import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deliverToInboxes, recordEvent } from '../../../libs/persistence/src';
import { type CaseActivities, type NotificationInput } from '../../../workflows/activity-types';
import { type CaseEventInput } from '../../../workflows/case-events';

/** The activities the case workflow calls; each is idempotent under retries. */
@Injectable()
export class CaseActivitiesService {
  constructor(private readonly db: DataSource) {}

  activities(): CaseActivities {
    return {
      recordCaseEvent: async (event: CaseEventInput) => {
        const recorded = await recordEvent(this.db, event);
        return { seq: recorded.seq, hash: recorded.hash };
      },
      deliverNotifications: async (notification: NotificationInput) => ({
        delivered: await deliverToInboxes(this.db, notification),
      }),
    };
  }
}

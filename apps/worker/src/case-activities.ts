import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AppConfig } from '../../../libs/config/src';
import { APP_CONFIG } from '../../../libs/nest/src';
import { deliverToInboxes, recordEvent } from '../../../libs/persistence/src';
import { type CaseActivities, type NotificationInput } from '../../../workflows/activity-types';
import { type CaseEventInput } from '../../../workflows/case-events';

/** The activities the case workflow calls; each is idempotent under retries. */
@Injectable()
export class CaseActivitiesService {
  constructor(
    private readonly db: DataSource,
    /** Optional for tests that build the activities by hand: notices then use the default settings. */
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
  ) {}

  activities(): CaseActivities {
    return {
      recordCaseEvent: async (event: CaseEventInput) => {
        const recorded = await recordEvent(
          this.db,
          event,
          this.config && { timeZone: this.config.TIME_ZONE, bodiesAboveTop: this.config.BODIES_ABOVE_TOP },
        );
        return { seq: recorded.seq, hash: recorded.hash };
      },
      deliverNotifications: async (notification: NotificationInput) => ({
        delivered: await deliverToInboxes(this.db, notification),
      }),
    };
  }
}

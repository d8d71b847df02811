import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, LoggingModule, TemporalClientModule } from '../../../libs/nest/src';
import { CaseActivitiesService } from './case-activities';
import { PublicRatingRelay } from './public-rating-relay';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({
  // The Temporal client serves the public-rating relay (the Worker has its own native connection).
  imports: [ConfigModule, LoggingModule, DatabaseModule, TemporalClientModule],
  providers: [CaseActivitiesService, TemporalWorkerService, PublicRatingRelay],
})
export class WorkerModule {}

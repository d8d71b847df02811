import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule } from '../../../libs/nest/src';
import { CaseActivitiesService } from './case-activities';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({
  imports: [ConfigModule, DatabaseModule],
  providers: [CaseActivitiesService, TemporalWorkerService],
})
export class WorkerModule {}

import { Module } from '@nestjs/common';
import {
  ConfigModule,
  DatabaseModule,
  LoggingModule,
  NoticeRendererModule,
  PersonalDataModule,
} from '../../../libs/nest/src';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

/**
 * The public progress query: PostgreSQL (reads, and the rate-limit counters) and the keys to check a
 * query code and print a notice. No Temporal, no staff sign-in: it runs apart from the staff console.
 */
@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, PersonalDataModule, NoticeRendererModule],
  controllers: [ProgressController],
  providers: [ProgressService],
})
export class PublicModule {}

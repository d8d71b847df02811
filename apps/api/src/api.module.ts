import { Module } from '@nestjs/common';
import {
  ConfigModule,
  DatabaseModule,
  PersonalDataModule,
  TemporalClientModule,
} from '../../../libs/nest/src';
import { CasesModule } from './cases/cases.module';
import { HealthModule } from './health/health.module';
import { InboxAnnouncements } from './inbox/inbox-announcements.service';
import { InboxController } from './inbox/inbox.controller';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    TemporalClientModule,
    PersonalDataModule,
    CasesModule,
    HealthModule,
  ],
  controllers: [InboxController],
  providers: [InboxAnnouncements],
})
export class ApiModule {}

import { Module } from '@nestjs/common';
import {
  ConfigModule,
  DatabaseModule,
  LoggingModule,
  NoticeRendererModule,
  PersonalDataModule,
  TemporalClientModule,
} from '../../../libs/nest/src';
import { CaseActionsModule } from './actions/case-actions.module';
import { AdminModule } from './admin/admin.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { UnitsModule } from './units/units.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { HealthModule } from './health/health.module';
import { RequestMetricsModule } from './http/request-metrics.module';
import { InboxAnnouncements } from './inbox/inbox-announcements.service';
import { InboxController } from './inbox/inbox.controller';
import { PetitionersModule } from './petitioners/petitioners.module';
import { MetricsModule } from './metrics/metrics.module';
import { NoticesModule } from './notices/notices.module';
import { PoliciesModule } from './policies/policies.module';
import { ReceptionModule } from './reception/reception.module';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    RequestMetricsModule,
    DatabaseModule,
    TemporalClientModule,
    PersonalDataModule,
    AuthModule,
    CaseActionsModule,
    PetitionersModule,
    CasesModule,
    HealthModule,
    AdminModule,
    MetricsModule,
    NoticeRendererModule,
    NoticesModule,
    AttachmentsModule,
    UnitsModule,
    PoliciesModule,
    ReceptionModule,
  ],
  controllers: [InboxController],
  providers: [InboxAnnouncements],
})
export class ApiModule {}

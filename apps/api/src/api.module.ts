import { Module } from '@nestjs/common';
import {
  ConfigModule,
  DatabaseModule,
  PersonalDataModule,
  TemporalClientModule,
} from '../../../libs/nest/src';
import { CasesModule } from './cases/cases.module';
import { HealthModule } from './health/health.module';
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
})
export class ApiModule {}

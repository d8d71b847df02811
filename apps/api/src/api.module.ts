import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, TemporalClientModule } from '../../../libs/nest/src';
import { CasesModule } from './cases/cases.module';
import { HealthModule } from './health/health.module';

@Module({ imports: [ConfigModule, DatabaseModule, TemporalClientModule, CasesModule, HealthModule] })
export class ApiModule {}

import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AdminCalendarsController, AdminPoliciesController } from './admin-publications.controller';
import { AdminPublications } from './admin-publications.service';

/** The administrators' policy and calendar publications. */
@Module({
  imports: [AuthModule],
  controllers: [AdminPoliciesController, AdminCalendarsController],
  providers: [AdminPublications],
})
export class PoliciesModule {}

import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { CaseNoticesController } from './case-notices.controller';
import { NoticeTemplatesController } from './notice-templates.controller';

/** Written notices: each case's issued notices as PDF, and the administrators' templates. */
@Module({
  imports: [AuthModule, CasesModule],
  controllers: [CaseNoticesController, NoticeTemplatesController],
})
export class NoticesModule {}

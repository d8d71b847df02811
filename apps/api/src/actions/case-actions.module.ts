import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { CaseActionsController } from './case-actions.controller';
import { CaseActionsService } from './case-actions.service';

@Module({
  imports: [AuthModule, CasesModule],
  controllers: [CaseActionsController],
  providers: [CaseActionsService],
})
export class CaseActionsModule {}

import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AllowedActions } from './allowed-actions.service';
import { CaseAccess } from './case-access.service';
import { CaseRecordsController } from './case-records.controller';
import { CaseRecordsService } from './case-records.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { CaseStartInputs } from './case-start-input';
import { RepeatPetitions } from './repeat-petitions.service';
import { SavedCaseViews, SavedCaseViewsController } from './saved-case-views';

@Module({
  imports: [AuthModule],
  controllers: [CaseRecordsController, CasesController, SavedCaseViewsController],
  providers: [
    CasesService,
    CaseStartInputs,
    RepeatPetitions,
    CaseRecordsService,
    CaseAccess,
    SavedCaseViews,
    AllowedActions,
  ],
  exports: [CaseAccess],
})
export class CasesModule {}

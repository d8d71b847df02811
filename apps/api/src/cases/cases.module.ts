import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { CaseStartInputs } from './case-start-input';

@Module({ controllers: [CasesController], providers: [CasesService, CaseStartInputs] })
export class CasesModule {}

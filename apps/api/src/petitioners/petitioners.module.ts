import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { PetitionerDataController } from './petitioner-data.controller';
import { PetitionerDataService } from './petitioner-data.service';

@Module({
  imports: [AuthModule, CasesModule],
  controllers: [PetitionerDataController],
  providers: [PetitionerDataService],
})
export class PetitionersModule {}

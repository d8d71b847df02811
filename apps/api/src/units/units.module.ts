import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { StaffController } from './staff.controller';
import { UnitsController } from './units.controller';

@Module({ imports: [AuthModule], controllers: [UnitsController, StaffController] })
export class UnitsModule {}

import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UnitsController } from './units.controller';

@Module({ imports: [AuthModule], controllers: [UnitsController] })
export class UnitsModule {}

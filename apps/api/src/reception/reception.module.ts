import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ReceptionSessionsController } from './reception-sessions.controller';
import { ReceptionSessionsService } from './reception-sessions.service';

/** Leaders' reception days: the published schedule and each session's reception record. */
@Module({
  imports: [AuthModule],
  controllers: [ReceptionSessionsController],
  providers: [ReceptionSessionsService],
})
export class ReceptionModule {}

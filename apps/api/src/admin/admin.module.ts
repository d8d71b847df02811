import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AdminAuditController } from './admin-audit.controller';
import { AdminUnitsController } from './admin-units.controller';
import { AdminUnitsService } from './admin-units.service';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';

/** Units, staff accounts and the administrative audit trail, for administrators within their subtree. */
@Module({
  imports: [AuthModule],
  controllers: [AdminUnitsController, AdminUsersController, AdminAuditController],
  providers: [AdminUnitsService, AdminUsersService],
})
export class AdminModule {}

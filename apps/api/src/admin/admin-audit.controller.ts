import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { listAdminAudit } from '../../../../libs/persistence/src';
import { AuthGuard } from '../auth/auth.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { type Principal } from '../auth/principal';
import { ListAdminAuditQuery } from './admin.dto';
import { AdminRoleGuard } from './admin-role.guard';

@ApiTags('admin 系统管理')
@ApiBearerAuth()
@Controller('admin/audit')
@UseGuards(AuthGuard, AdminRoleGuard)
export class AdminAuditController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @ApiOperation({
    summary:
      '管理操作留痕（管辖范围内，最新在前）/ the administrative audit trail of your subtree, newest first; pages with cursor',
  })
  list(@Query() query: ListAdminAuditQuery, @CurrentUser() admin: Principal) {
    return listAdminAudit(this.db, admin.unitCode, { limit: query.limit ?? 50, beforeId: query.cursor });
  }
}

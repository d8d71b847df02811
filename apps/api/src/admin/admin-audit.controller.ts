import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FIELD_REFUSALS } from '../http/api-error';
import { ApiErrors } from '../http/api-errors.decorator';
import { AdminAuditPageDto } from './admin-responses.dto';
import { DataSource } from 'typeorm';
import { listAdminAudit } from '../../../../libs/persistence/src';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { StaffOnly } from '../auth/staff-only.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { ListAdminAuditQuery } from './admin.dto';

@ApiTags('admin 系统管理')
@Controller('admin/audit')
@StaffOnly(PERMISSION_ROLES.administer)
export class AdminAuditController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @ApiOperation({
    summary:
      '管理操作留痕（管辖范围内，最新在前）/ the administrative audit trail of your subtree, newest first; pages with cursor',
  })
  @ApiOkResponse({ type: AdminAuditPageDto })
  @ApiErrors(...FIELD_REFUSALS)
  list(@Query() query: ListAdminAuditQuery, @CurrentUser() admin: StaffSession): Promise<AdminAuditPageDto> {
    return listAdminAudit(this.db, admin.unitCode, { limit: query.limit ?? 50, beforeId: query.cursor });
  }
}

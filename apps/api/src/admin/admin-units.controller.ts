import { Body, Controller, Get, Ip, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { StaffOnly } from '../auth/staff-only.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { type Principal } from '../auth/principal';
import { CreateUnitDto } from './admin.dto';
import { AdminUnitsService } from './admin-units.service';

@ApiTags('admin 系统管理')
@Controller('admin/units')
@StaffOnly(PERMISSION_ROLES.administer)
export class AdminUnitsController {
  constructor(private readonly units: AdminUnitsService) {}

  @Get()
  @ApiOperation({
    summary: '管辖范围内的单位（含上级编码与层次）/ the units of your subtree, each after its parent',
  })
  list(@CurrentUser() admin: Principal) {
    return this.units.list(admin);
  }

  @Post()
  @ApiOperation({
    summary: '新增单位（上级须在管辖范围内，留痕）/ add a unit below one in your scope (audited)',
    description: '编码重复 409 UNIT_CODE_TAKEN；范围外 403 UNIT_OUT_OF_SCOPE',
  })
  create(@Body() body: CreateUnitDto, @CurrentUser() admin: Principal, @Ip() ip: string) {
    return this.units.create(admin, body, ip);
  }
}

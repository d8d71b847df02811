import { Body, Controller, Get, Ip, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, JSON_BODY_REFUSALS } from '../http/api-errors.decorator';
import { CreatedUnitDto, UnitListDto } from '../units/unit-responses.dto';
import { NoticeNumberingSetDto } from './admin-responses.dto';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { StaffOnly } from '../auth/staff-only.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { CreateUnitDto, NoticeNumberingDto } from './admin.dto';
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
  @ApiOkResponse({ type: UnitListDto })
  list(@CurrentUser() admin: StaffSession): Promise<UnitListDto> {
    return this.units.list(admin);
  }

  @Post()
  @ApiOperation({
    summary: '新增单位（上级须在管辖范围内，留痕）/ add a unit below one in your scope (audited)',
    description: '编码重复 409 UNIT_CODE_TAKEN；范围外 403 UNIT_OUT_OF_SCOPE',
  })
  @ApiCreatedResponse({ type: CreatedUnitDto })
  @ApiErrors(...JSON_BODY_REFUSALS, 'UNIT_UNKNOWN', 'UNIT_OUT_OF_SCOPE', 'UNIT_CODE_TAKEN')
  create(
    @Body() body: CreateUnitDto,
    @CurrentUser() admin: StaffSession,
    @Ip() ip: string,
  ): Promise<CreatedUnitDto> {
    return this.units.create(admin, body, ip);
  }

  @Put(':code/notice-numbering')
  @ApiOperation({
    summary: "设置单位的文号格式与简称（留痕）/ set the unit's 文号 pattern and short name (audited)",
    description:
      '格式可用 {unitShort} {unitCode} {year} {seq}，须含 {seq}；空则用默认格式 {unitShort}信告〔{year}〕{seq}号。422 NOTICE_NUMBER_PATTERN_INVALID',
  })
  @ApiOkResponse({ type: NoticeNumberingSetDto })
  @ApiErrors(...JSON_BODY_REFUSALS, 'NOTICE_NUMBER_PATTERN_INVALID', 'UNIT_UNKNOWN', 'UNIT_OUT_OF_SCOPE')
  setNoticeNumbering(
    @Param('code') code: string,
    @Body() body: NoticeNumberingDto,
    @CurrentUser() admin: StaffSession,
    @Ip() ip: string,
  ): Promise<NoticeNumberingSetDto> {
    return this.units.setNoticeNumbering(admin, code, body, ip);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { FIELD_REFUSALS } from '../http/api-error';
import { ApiErrors } from '../http/api-errors.decorator';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { ROLES, type Role } from '../../../../libs/domain/src/org/roles';
import { listStaffOnLine } from '../../../../libs/persistence/src';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { StaffOnly } from '../auth/staff-only.decorator';
import { UNIT_CODE_PATTERN } from '../cases/register-case.dto';
import { PageLimit } from '../http/page-limit';

const CASE_ROLES = ROLES.filter((role) => role !== 'admin');

export class ListStaffQuery {
  @ApiPropertyOptional({
    description: '单位代码（须在本单位上下级之内）/ only this unit (on your unit line)',
  })
  @IsOptional()
  @Matches(UNIT_CODE_PATTERN)
  unit?: string;

  @ApiPropertyOptional({ enum: CASE_ROLES, description: '角色 / only people holding this role' })
  @IsOptional()
  @IsIn(CASE_ROLES)
  role?: Role;

  @ApiPropertyOptional({
    description: '姓名或单位名称的一部分 / part of the name or of the unit name',
    maxLength: 50,
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @PageLimit(50)
  limit?: number;
}

export class StaffEntryDto {
  @ApiProperty({ description: '用户ID / user id' })
  id!: string;
  @ApiProperty({ description: '姓名 / name' })
  name!: string;
  @ApiProperty({ enum: CASE_ROLES, isArray: true, description: '角色 / roles' })
  roles!: Role[];
  @ApiProperty({ description: '单位代码 / unit code' })
  unitCode!: string;
  @ApiProperty({ description: '单位名称 / unit name' })
  unitName!: string;
}

export class StaffListDto {
  @ApiProperty({ type: [StaffEntryDto] })
  items!: StaffEntryDto[];
}

/**
 * The staff directory the pickers choose from (handler, package leader, duty performers, reception
 * leaders): the active people of the caller's unit, the units above it and the units below it, by name,
 * role and unit only. No username, no contact data; sibling units and other trees are not listed.
 */
@ApiTags('units 单位目录')
@Controller('staff')
@StaffOnly(PERMISSION_ROLES.readStaffDirectory)
export class StaffController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @ApiOperation({
    summary: '工作人员目录（本单位及上下级）/ staff on your unit line, by unit, role and name',
  })
  @ApiOkResponse({ type: StaffListDto })
  @ApiErrors(...FIELD_REFUSALS)
  async list(@CurrentUser() user: StaffSession, @Query() query: ListStaffQuery): Promise<StaffListDto> {
    const items = await listStaffOnLine(this.db, user.unitCode, {
      unitCode: query.unit,
      role: query.role,
      q: query.q,
      limit: query.limit ?? 50,
    });
    return { items };
  }
}

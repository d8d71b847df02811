import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UnitListDto } from './unit-responses.dto';
import { DataSource } from 'typeorm';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { listUnitSubtree, topUnitOf } from '../../../../libs/persistence/src';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { StaffOnly } from '../auth/staff-only.decorator';

/**
 * The unit directory staff choose from when they register, transfer or assign a case: the whole tree
 * the caller's unit belongs to, from its top unit down. Unit names and codes are public knowledge;
 * cases stay behind their own visibility rules.
 */
@ApiTags('units 单位目录')
@Controller('units')
@StaffOnly(PERMISSION_ROLES.readUnitDirectory)
export class UnitsController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @ApiOperation({
    summary:
      '单位目录（本系统单位树，自顶层单位起）/ the unit tree your unit belongs to, each unit after its parent',
  })
  @ApiOkResponse({ type: UnitListDto })
  async list(@CurrentUser() user: StaffSession): Promise<UnitListDto> {
    const top = await topUnitOf(this.db, user.unitCode);
    return { items: top ? await listUnitSubtree(this.db, top) : [] };
  }
}

import { Body, Controller, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthGuard } from '../auth/auth.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { ACTION_BODIES, STAFF_ACTION_TYPES } from './action-dtos';
import { CaseActionsService } from './case-actions.service';

@ApiTags('case actions 办理操作')
@ApiBearerAuth()
@ApiExtraModels(...new Set(Object.values(ACTION_BODIES)))
@Controller('cases/:caseNumber/actions')
@UseGuards(AuthGuard)
export class CaseActionsController {
  constructor(private readonly actions: CaseActionsService) {}

  @Post(':action')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: `办理操作 / a staff action on the case: ${STAFF_ACTION_TYPES.join(', ')}`,
    description:
      '状态冲突 409，违反规则 422，无权 403 / state conflict 409, broken rule 422, not allowed 403',
  })
  act(
    @Param('caseNumber') caseNumber: string,
    @Param('action') action: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: StaffSession,
  ) {
    return this.actions.perform(caseNumber, action, body, user);
  }
}

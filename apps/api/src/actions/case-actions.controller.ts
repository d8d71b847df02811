import { Body, Controller, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CASE_STATUSES } from '../../../../libs/domain/src/case/status';
import { type ActResult } from '../../../../workflows/case-messages';
import { SignedIn } from '../auth/staff-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { CASE_ACTION_REFUSALS } from './action-refusals';
import { AuthGuard } from '../auth/auth.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { ACTION_BODIES, STAFF_ACTION_TYPES } from './action-dtos';
import { CaseActionsService } from './case-actions.service';

const ACTION_BODY_MODELS = [...new Set(Object.values(ACTION_BODIES))];

/** What an action answers: the case's status after it and the last event it recorded. */
export class ActResultDto implements ActResult {
  @ApiProperty({ enum: CASE_STATUSES }) status!: ActResult['status'];
  @ApiProperty({ description: '本操作记录的最后一个事件序号 / the last event this action recorded' })
  lastSeq!: number;
}

@ApiTags('case actions 办理操作')
@ApiBearerAuth()
@ApiExtraModels(...ACTION_BODY_MODELS)
@Controller('cases/:caseNumber/actions')
@UseGuards(AuthGuard)
@SignedIn()
export class CaseActionsController {
  constructor(private readonly actions: CaseActionsService) {}

  @Post(':action')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: `办理操作 / a staff action on the case: ${STAFF_ACTION_TYPES.join(', ')}`,
    description:
      '状态冲突 409，违反规则 422，无权 403 / state conflict 409, broken rule 422, not allowed 403',
  })
  @ApiBody({
    description: '操作的字段，依操作而定（见各 *Dto）/ the action’s fields, by action (see each *Dto)',
    schema: { anyOf: ACTION_BODY_MODELS.map((model) => ({ $ref: getSchemaPath(model) })) },
  })
  @ApiOkResponse({ type: ActResultDto })
  @ApiErrors(...CASE_ACTION_REFUSALS)
  act(
    @Param('caseNumber') caseNumber: string,
    @Param('action') action: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: StaffSession,
  ) {
    return this.actions.perform(caseNumber, action, body, user);
  }
}

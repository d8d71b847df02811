import { Body, Controller, Get, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FIELD_REFUSALS } from '../http/api-error';
import { ApiErrors, JSON_BODY_REFUSALS } from '../http/api-errors.decorator';
import { ReceptionRecordDto, ReceptionSessionDto, ReceptionSessionListDto } from './reception-responses.dto';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { StaffOnly } from '../auth/staff-only.decorator';
import { ListReceptionSessionsQuery, PublishReceptionSessionDto } from './reception-sessions.dto';
import { ReceptionSessionsService } from './reception-sessions.service';

@ApiTags('reception days 领导接待日')
@Controller('reception-sessions')
export class ReceptionSessionsController {
  constructor(private readonly sessions: ReceptionSessionsService) {}

  @Post()
  @StaffOnly(PERMISSION_ROLES.publishReceptions)
  @ApiOperation({
    summary: '发布领导接待日场次（本单位或下级单位，留痕）/ publish a reception session (audited)',
    description:
      '范围外 403 UNIT_OUT_OF_SCOPE；领导不符 422 LEADER_NOT_ELIGIBLE；过去日期 422 SESSION_DATE_PAST',
  })
  @ApiCreatedResponse({ type: ReceptionSessionDto })
  @ApiErrors(
    ...JSON_BODY_REFUSALS,
    'UNIT_UNKNOWN',
    'UNIT_OUT_OF_SCOPE',
    'LEADER_NOT_ELIGIBLE',
    'SESSION_DATE_PAST',
  )
  publish(
    @Body() body: PublishReceptionSessionDto,
    @CurrentUser() user: StaffSession,
    @Ip() ip: string,
  ): Promise<ReceptionSessionDto> {
    return this.sessions.publish(user, body, ip);
  }

  @Get()
  @StaffOnly(PERMISSION_ROLES.readReceptionSchedule)
  @ApiOperation({
    summary:
      '领导接待日安排（本单位、上级与下级单位）/ the reception schedule of your unit, the units above and below',
  })
  @ApiOkResponse({ type: ReceptionSessionListDto })
  @ApiErrors(...FIELD_REFUSALS, 'DATE_RANGE_INVALID')
  async list(
    @Query() query: ListReceptionSessionsQuery,
    @CurrentUser() user: StaffSession,
  ): Promise<ReceptionSessionListDto> {
    return { items: await this.sessions.list(user, query) };
  }

  @Get(':id')
  @StaffOnly(PERMISSION_ROLES.readCases)
  @ApiOperation({
    summary:
      '接待记录：场次及其登记的案件 / the reception record: the session and the cases registered in it',
  })
  @ApiOkResponse({ type: ReceptionRecordDto })
  @ApiErrors('RECEPTION_SESSION_NOT_FOUND')
  record(@Param('id') id: string, @CurrentUser() user: StaffSession): Promise<ReceptionRecordDto> {
    return this.sessions.record(user, id);
  }
}

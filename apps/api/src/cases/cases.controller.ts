import { Body, Controller, Get, Headers, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { ACTION_ROLES } from '../../../../libs/domain/src/case/transition-table';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { StaffOnly } from '../auth/staff-only.decorator';
import { validationFailed } from '../http/api-error';
import { AllowedActions } from './allowed-actions.service';
import { CaseAccess } from './case-access.service';
import { CasesService } from './cases.service';
import { ApiErrors, JSON_BODY_REFUSALS } from '../http/api-errors.decorator';
import { CaseDetailDto } from './case-responses.dto';
import { RegisterCaseDto, RegisteredCaseDto } from './register-case.dto';

const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

@ApiTags('cases 案件')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly access: CaseAccess,
    private readonly allowed: AllowedActions,
  ) {}

  @Post()
  @StaffOnly(ACTION_ROLES.register)
  @ApiOperation({ summary: '登记信访事项 / register a petition, in your own unit as the registering unit' })
  @ApiErrors(
    ...JSON_BODY_REFUSALS,
    'UNIT_NOT_FOUND',
    'CASE_NOT_FOUND',
    'IDEMPOTENCY_KEY_REUSED',
    'FIELD_REQUIRED',
    'FIELD_INVALID',
    'FACT_MISSING',
    'TOO_MANY_REPRESENTATIVES',
    'RECEIVED_AFTER_REGISTRATION',
    'RECEIVED_IN_FUTURE',
    'RECEPTION_LEADER_NOT_LEADER',
    'RECEPTION_CHANNEL_MISMATCH',
    'RECEPTION_SESSION_UNKNOWN',
    'RECEPTION_SESSION_OUT_OF_SCOPE',
    'RECEPTION_SESSION_OTHER_DAY',
    'RECEPTION_LEADER_UNAVAILABLE',
    'CASE_STATE_CONFLICT',
    'ACTION_REJECTED',
  )
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '同一键的重复提交返回同一案件 / repeats return the same case',
  })
  @ApiOkResponse({
    type: RegisteredCaseDto,
    description:
      '重复提交（同一幂等键），或重复信访：记为既往未结案件的重复来访，未新建案件（repeatOf、repeatVisits）/ ' +
      'a replay of an earlier submission (same Idempotency-Key), or a repeat visit recorded on an open earlier case instead of a new case (repeatOf, repeatVisits)',
  })
  @ApiCreatedResponse({
    type: RegisteredCaseDto,
    description:
      '新案件；同一事实和理由已复核终结时登记后即不予受理（status notAccepted, sameFactsAs）；' +
      '越级信访事项正由下级办理时登记、关联后不予受理并转下级（status notAccepted, handledBelowIn, referredToUnitCode）/ ' +
      'a new case; on the facts of a case concluded after re-review it is registered and not accepted at once (status notAccepted, sameFactsAs); ' +
      'a skip-level petition of a matter being handled below is registered, linked, not accepted and referred down (status notAccepted, handledBelowIn, referredToUnitCode)',
  })
  async register(
    @Body() body: RegisterCaseDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentUser() user: StaffSession,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisteredCaseDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw validationFailed([
        {
          field: 'Idempotency-Key',
          code: 'matches',
          message: '须为 1–200 个可见 ASCII 字符 / 1–200 visible ASCII characters',
        },
      ]);
    }
    const outcome = await this.cases.register(body, idempotencyKey, user);
    response.status(outcome.created ? HttpStatus.CREATED : HttpStatus.OK);
    const { created: _created, ...answer } = outcome;
    return answer;
  }

  @Get(':caseNumber')
  @StaffOnly(PERMISSION_ROLES.readCases)
  @ApiOperation({ summary: '案件详情 / case detail' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors('CASE_NOT_FOUND')
  async detail(
    @Param('caseNumber') caseNumber: string,
    @CurrentUser() user: StaffSession,
  ): Promise<CaseDetailDto> {
    const found = await this.access.visibleCase(caseNumber, user, 'detail');
    // The actions the caller may perform now (state, holding unit, roles, rules); null when unknown.
    const allowedActions = await this.allowed.forUser(found.caseNumber, user);
    return {
      caseNumber: found.caseNumber,
      status: found.status,
      channel: found.channel,
      category: found.category,
      subject: found.subject,
      unitCode: found.unitCode,
      registeringUnitCode: found.registeringUnitCode,
      holdingUnitCode: found.holdingUnitCode ?? found.registeringUnitCode,
      responsibleUnitCode: found.responsibleUnitCode,
      receivedAt: found.receivedAt.toISOString(),
      registeredAt: found.registeredAt.toISOString(),
      eventCount: found.eventCount,
      // The running clock of the current state, as the list shows it.
      clock: found.clock,
      dueAt: found.dueAt?.toISOString() ?? null,
      dueLastDay: found.dueLastDay,
      overdueLevel: found.overdueLevel,
      sixDefines: found.sixDefines,
      repeatVisits: found.repeatVisits,
      policyVersion: found.policyVersion,
      // Art. 19: a skip-level petition referred to the lower case handling the matter, and how it stands.
      handledBelow: await this.cases.handledBelowOf(found.caseNumber),
      allowedActions,
    };
  }
}

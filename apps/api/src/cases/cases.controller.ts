import { Body, Controller, Get, Headers, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { ACTION_ROLES } from '../../../../libs/domain/src/case/transition-table';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { CurrentUser } from '../auth/current-user.decorator';
import { type Principal } from '../auth/principal';
import { StaffOnly } from '../auth/staff-only.decorator';
import { ApiError } from '../http/api-error';
import { CaseAccess } from './case-access.service';
import { CasesService } from './cases.service';
import { RegisterCaseDto, RegisteredCaseDto } from './register-case.dto';

const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

@ApiTags('cases 案件')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly access: CaseAccess,
  ) {}

  @Post()
  @StaffOnly(ACTION_ROLES.register)
  @ApiOperation({ summary: '登记信访事项 / register a petition, in your own unit as the registering unit' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '同一键的重复提交返回同一案件 / repeats return the same case',
  })
  @ApiOkResponse({ type: RegisteredCaseDto, description: '重复提交 / replay of an earlier submission' })
  async register(
    @Body() body: RegisterCaseDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentUser() user: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisteredCaseDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        '请求内容不符合要求 / request validation failed',
        [
          {
            field: 'Idempotency-Key',
            code: 'matches',
            message: '须为 1–200 个可见 ASCII 字符 / 1–200 visible ASCII characters',
          },
        ],
      );
    }
    const outcome = await this.cases.register(body, idempotencyKey, user);
    response.status(outcome.created ? HttpStatus.CREATED : HttpStatus.OK);
    return { caseNumber: outcome.caseNumber, status: outcome.status };
  }

  @Get(':caseNumber')
  @StaffOnly(PERMISSION_ROLES.readCases)
  @ApiOperation({ summary: '案件详情 / case detail' })
  async detail(@Param('caseNumber') caseNumber: string, @CurrentUser() user: Principal) {
    const found = await this.access.visibleCase(caseNumber, user, 'detail');
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
    };
  }
}

import { Controller, Get, Header, Inject, Ip, Param, Query, Res } from '@nestjs/common';
import { type Response } from 'express';
import { type AppConfig } from '../../../../libs/config/src';
import { APP_CONFIG } from '../../../../libs/nest/src';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FIELD_REFUSALS } from '../http/api-error';
import { ApiErrors } from '../http/api-errors.decorator';
import { CaseListPageDto, ChainVerificationDto, TimelineEntryDto } from './case-responses.dto';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { timelineCsv } from '../../../../libs/persistence/src';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { RateLimiter } from '../auth/rate-limiter.service';
import { StaffOnly } from '../auth/staff-only.decorator';
import { CaseRecordsService } from './case-records.service';
import { ListCasesQuery } from './list-cases.query';

@ApiTags('cases 案件')
@Controller('cases')
export class CaseRecordsController {
  constructor(
    private readonly records: CaseRecordsService,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @StaffOnly(PERMISSION_ROLES.readCases)
  @ApiOperation({
    summary: '案件列表与检索 / case list and search (keyset pages, newest first), within your scope',
  })
  @ApiOkResponse({ type: CaseListPageDto })
  @ApiErrors(...FIELD_REFUSALS)
  list(@Query() query: ListCasesQuery, @CurrentUser() user: StaffSession): Promise<CaseListPageDto> {
    return this.records.list(query, user);
  }

  @Get(':caseNumber/timeline')
  @StaffOnly(PERMISSION_ROLES.readCases)
  @ApiOperation({ summary: '办理时间线 / the case timeline (JSON)' })
  @ApiOkResponse({ type: [TimelineEntryDto] })
  @ApiErrors('CASE_NOT_FOUND')
  timeline(
    @Param('caseNumber') caseNumber: string,
    @CurrentUser() user: StaffSession,
  ): Promise<TimelineEntryDto[]> {
    return this.records.timeline(caseNumber, user, 'timeline');
  }

  @Get(':caseNumber/timeline.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @StaffOnly(PERMISSION_ROLES.exportTimeline)
  @ApiOperation({ summary: '办理时间线导出 / the case timeline as CSV (rate-limited per client address)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: '每个事件一行，UTF-8 / one line per event, UTF-8',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiErrors('CASE_NOT_FOUND', 'RATE_LIMITED')
  async timelineCsv(
    @Param('caseNumber') caseNumber: string,
    @Ip() ip: string,
    @CurrentUser() user: StaffSession,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.rateLimiter.consume(
      {
        key: `export:address:${ip}`,
        limit: this.config.EXPORT_RATE_LIMIT,
        windowSeconds: this.config.EXPORT_RATE_WINDOW_SECONDS,
      },
      response,
    );
    return timelineCsv(await this.records.timeline(caseNumber, user, 'timelineCsv'));
  }

  @Get(':caseNumber/verification')
  @StaffOnly(PERMISSION_ROLES.readCases)
  @ApiOperation({ summary: '哈希链校验 / verify the case’s hash chain and name the first broken link' })
  @ApiOkResponse({ type: ChainVerificationDto })
  @ApiErrors('CASE_NOT_FOUND')
  verification(
    @Param('caseNumber') caseNumber: string,
    @CurrentUser() user: StaffSession,
  ): Promise<ChainVerificationDto> {
    return this.records.verify(caseNumber, user);
  }
}

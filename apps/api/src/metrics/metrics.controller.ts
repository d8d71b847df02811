import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FIELD_REFUSALS } from '../http/api-error';
import { ApiErrors } from '../http/api-errors.decorator';
import { MetricCasesPageDto, MetricsReportDto } from './metrics-responses.dto';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { StaffOnly } from '../auth/staff-only.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { MetricCasesQuery, MetricsQuery } from './metrics.query';
import { MetricsService } from './metrics.service';

@ApiTags('metrics 统计指标')
@Controller('metrics')
@StaffOnly(PERMISSION_ROLES.readMetrics)
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @ApiOperation({
    summary:
      '督查指标：单位（含下级）在期间内的各项指标，及各直属下级单位的分项 / the figures of a unit and its subtree for a period, with each direct child unit',
    description:
      '每项指标给出分子、分母和比率（分母为 0 时为 null）；限督查员、单位负责人、包案领导，本单位及下级 / each figure gives numerator, denominator and rate (null when nothing is counted); supervisors and leaders, their own unit and below (403 ROLE_NOT_ALLOWED, 403 UNIT_OUT_OF_SCOPE)',
  })
  @ApiOkResponse({ type: MetricsReportDto })
  @ApiErrors(...FIELD_REFUSALS, 'UNIT_OUT_OF_SCOPE')
  report(@Query() query: MetricsQuery, @CurrentUser() user: StaffSession): Promise<MetricsReportDto> {
    return this.metrics.report(query, user);
  }

  @Get('cases')
  @ApiOperation({
    summary: '指标明细：某项指标分子或分母所计的案件 / the cases a figure’s numerator or denominator counts',
  })
  @ApiOkResponse({ type: MetricCasesPageDto })
  @ApiErrors(...FIELD_REFUSALS, 'UNIT_OUT_OF_SCOPE')
  cases(@Query() query: MetricCasesQuery, @CurrentUser() user: StaffSession): Promise<MetricCasesPageDto> {
    return this.metrics.cases(query, user);
  }
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { FIGURE_PARTS, METRIC_FIGURE_KEYS } from '../../../../libs/domain/src/metrics';
import { UNIT_CODE_PATTERN } from '../cases/register-case.dto';
import { PageLimit } from '../http/page-limit';

/** The date shape; whether it is a real date is checked with the period (see resolvePeriod). */
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Which unit and period: a missing bound takes the month of the other, none at all the current month. */
export class MetricsQuery {
  @ApiPropertyOptional({
    description: '单位（含下级），默认本人所在单位 / unit with its subtree; defaults to your own unit',
  })
  @IsOptional()
  @Matches(UNIT_CODE_PATTERN)
  unit?: string;

  @ApiPropertyOptional({
    description: '开始日期（含，北京时间）/ first day, included (local date)',
    example: '2026-11-01',
  })
  @IsOptional()
  @Matches(DATE_PATTERN)
  from?: string;

  @ApiPropertyOptional({
    description: '结束日期（含，北京时间）/ last day, included (local date)',
    example: '2026-11-30',
  })
  @IsOptional()
  @Matches(DATE_PATTERN)
  to?: string;
}

/** A figure's numerator or denominator as its list of cases. */
export class MetricCasesQuery extends MetricsQuery {
  @ApiProperty({ enum: METRIC_FIGURE_KEYS, description: '指标 / figure' })
  @IsDefined()
  @IsIn(METRIC_FIGURE_KEYS)
  figure!: string;

  @ApiProperty({ enum: FIGURE_PARTS, description: '分子或分母 / numerator or denominator' })
  @IsDefined()
  @IsIn(FIGURE_PARTS)
  part!: (typeof FIGURE_PARTS)[number];

  @PageLimit(50)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

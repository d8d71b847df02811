import { ApiProperty } from '@nestjs/swagger';
import { FIGURE_PARTS, type FigureDefinition } from '../../../../libs/domain/src/metrics';
import { type FigureCase } from '../../../../libs/persistence/src';
import { Nullable } from '../http/response-properties';
import { type FigureValue, type MetricCasesPage, type MetricsReport } from './metrics.service';

/** Response bodies of the supervisors' figures; `implements` ties each to the service's type. */

export class NamedUnitDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class ReportPeriodDto {
  @ApiProperty({ example: '2026-11-01' }) from!: string;
  @ApiProperty({ example: '2026-11-30' }) to!: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone!: string;
}

export class FigureValueDto implements FigureValue {
  @ApiProperty() key!: string;
  @ApiProperty() numerator!: number;
  @ApiProperty() denominator!: number;
  @Nullable(Number, { description: '分母为 0 时为 null / null when nothing is counted' }) rate!:
    number | null;
}

export class FigureCountsDto {
  @ApiProperty({ description: '分子计数 / what the numerator counts' }) numerator!: string;
  @ApiProperty({ description: '分母计数 / what the denominator counts' }) denominator!: string;
}

export class FigureDefinitionDto implements FigureDefinition {
  @ApiProperty() key!: string;
  @ApiProperty({ description: '中文 / English' }) label!: string;
  @ApiProperty({ type: FigureCountsDto }) definition!: FigureCountsDto;
}

export class DefinedFigureDto extends FigureValueDto implements FigureDefinition {
  @ApiProperty() label!: string;
  @ApiProperty({ type: FigureCountsDto }) definition!: FigureCountsDto;
}

export class ChildUnitFiguresDto {
  @ApiProperty({ type: NamedUnitDto }) unit!: NamedUnitDto;
  @ApiProperty({ type: [FigureValueDto] }) figures!: FigureValueDto[];
}

export class MetricsReportDto implements MetricsReport {
  @ApiProperty({ type: NamedUnitDto }) unit!: NamedUnitDto;
  @ApiProperty({ type: ReportPeriodDto }) period!: ReportPeriodDto;
  @ApiProperty({ type: [DefinedFigureDto] }) figures!: DefinedFigureDto[];
  @ApiProperty({ type: [ChildUnitFiguresDto] }) children!: ChildUnitFiguresDto[];
}

export class FigureCaseDto implements FigureCase {
  @ApiProperty() caseNumber!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() status!: string;
  @ApiProperty() category!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() registeredAt!: string;
  @Nullable(String) triageDueAt!: string | null;
  @Nullable(String) triagedAt!: string | null;
  @Nullable(String) handlingDueAt!: string | null;
  @Nullable(String) repliedAt!: string | null;
  @Nullable(String) endedAt!: string | null;
  @Nullable(String) satisfaction!: string | null;
  @Nullable(String) reviewRequestedAt!: string | null;
  @Nullable(String) reviewOutcome!: string | null;
  @Nullable(String) reReviewRequestedAt!: string | null;
  @Nullable(String) reReviewOutcome!: string | null;
}

export class MetricCasesPageDto implements MetricCasesPage {
  @ApiProperty({ type: NamedUnitDto }) unit!: NamedUnitDto;
  @ApiProperty({ type: ReportPeriodDto }) period!: ReportPeriodDto;
  @ApiProperty({ type: FigureDefinitionDto }) figure!: FigureDefinitionDto;
  @ApiProperty({ enum: FIGURE_PARTS }) part!: MetricCasesPage['part'];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: [FigureCaseDto] }) items!: FigureCaseDto[];
}

import { ApiProperty } from '@nestjs/swagger';
import {
  type CalendarPublished,
  type CalendarsOverview,
  type CalendarVersionView,
  type InForceView,
  type PoliciesOverview,
  type PolicyPublished,
  type PolicyVersionView,
} from '../../../../libs/persistence/src/admin/publication-views';
import { JsonObject, Nullable } from '../http/response-properties';

/** Response bodies of the policies and calendars screens; `implements` ties each to its view type. */

export class InForceDto implements InForceView {
  @ApiProperty() version!: string;
  @ApiProperty({ description: '内置版本 / the built-in version' }) builtIn!: boolean;
  @Nullable(String) unitCode!: string | null;
  @Nullable(String) since!: string | null;
}

export class PolicyVersionDto implements PolicyVersionView {
  @ApiProperty() version!: string;
  @Nullable(String) jurisdiction!: string | null;
  @Nullable(String) basedOn!: string | null;
  @ApiProperty() builtIn!: boolean;
  @ApiProperty() inForce!: boolean;
  @Nullable(String) createdAt!: string | null;
  @Nullable(String) createdBy!: string | null;
  @Nullable(String) createdByName!: string | null;
  @JsonObject({ description: '策略文档 / the policy document' }) document!: Record<string, unknown>;
}

export class PoliciesOverviewDto implements PoliciesOverview {
  @ApiProperty() unitCode!: string;
  @ApiProperty({ type: InForceDto }) inForce!: InForceDto;
  @ApiProperty({ type: [PolicyVersionDto] }) versions!: PolicyVersionDto[];
}

export class PolicyPublishedDto implements PolicyPublished {
  @ApiProperty() version!: string;
  @ApiProperty() firstPublication!: boolean;
  @ApiProperty() inForceFor!: string;
  @ApiProperty({ enum: [true] }) openCasesKeepTheirs!: true;
}

export class CalendarVersionDto implements CalendarVersionView {
  @ApiProperty() version!: string;
  @ApiProperty({ type: [Number] }) years!: number[];
  @ApiProperty() holidays!: number;
  @ApiProperty() makeupWorkdays!: number;
  @ApiProperty() inForce!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() createdBy!: string;
  @Nullable(String) createdByName!: string | null;
  @JsonObject({ description: '节假日表 / the holiday table' }) document!: Record<string, unknown>;
}

export class YearRangeDto {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
}

export class BuiltInCalendarDto {
  @ApiProperty() version!: string;
  @ApiProperty({ type: YearRangeDto }) years!: YearRangeDto;
}

export class CalendarsOverviewDto implements CalendarsOverview {
  @ApiProperty() unitCode!: string;
  @ApiProperty({ type: BuiltInCalendarDto }) builtIn!: BuiltInCalendarDto;
  @Nullable(InForceDto) inForce!: InForceDto | null;
  @ApiProperty({ type: [CalendarVersionDto] }) versions!: CalendarVersionDto[];
}

export class CalendarPublishedDto implements CalendarPublished {
  @ApiProperty() version!: string;
  @ApiProperty() firstPublication!: boolean;
  @ApiProperty() inForceFor!: string;
  @ApiProperty({ description: '已送达的辖区在办案件数 / open cases the calendar was sent to' })
  signalled!: number;
  @ApiProperty() total!: number;
  @ApiProperty() failed!: number;
}

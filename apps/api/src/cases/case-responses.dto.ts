import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type DescribedDetail } from '../../../../libs/domain/src/case/event-vocabulary';
import { type CaseListRow, type TimelineEntry } from '../../../../libs/persistence/src';
import { type ChainProblem } from '../../../../libs/persistence/src/chain-verifier';
import { NOTICE_KIND_NAMES, type NoticeKind } from '../../../../libs/notices/src/notice-fields';
import { JsonObject, Nullable } from '../http/response-properties';
import { type VerificationReport } from './case-records.service';

/** Response bodies of the case reads; each `implements` the type the service returns, so they cannot drift. */

export class CaseListRowDto implements CaseListRow {
  @ApiProperty() caseNumber!: string;
  @ApiProperty() status!: string;
  @ApiProperty() category!: string;
  @ApiProperty() channel!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() unitCode!: string;
  @Nullable(String) holdingUnitCode!: string | null;
  @Nullable(String) responsibleUnitCode!: string | null;
  @Nullable(String) clock!: string | null;
  @Nullable(String) dueAt!: string | null;
  @ApiProperty() overdueLevel!: number;
  @ApiProperty() receivedAt!: string;
  @ApiProperty() registeredAt!: string;
  @Nullable(String, {
    description: '信访人姓名（脱敏）；检举控告为 null / masked name; null for an accusation',
  })
  petitionerMasked!: string | null;
}

export class CaseListPageDto {
  @ApiProperty({ type: [CaseListRowDto] }) items!: CaseListRowDto[];
  @Nullable(String, { description: '下一页游标 / the next page’s cursor' }) nextCursor!: string | null;
  @ApiProperty({ description: '可见的全部匹配案件数 / every matching case you may see' }) total!: number;
}

export class HandledBelowDto {
  @ApiProperty() caseNumber!: string;
  @Nullable(String) referredToUnitCode!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty() statusLabel!: string;
  @Nullable(String) holdingUnitCode!: string | null;
  @Nullable(String) responsibleUnitCode!: string | null;
  @ApiProperty() updatedAt!: string;
}

export class CaseDetailDto {
  @ApiProperty() caseNumber!: string;
  @ApiProperty() status!: string;
  @ApiProperty() channel!: string;
  @ApiProperty() category!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() registeringUnitCode!: string;
  @ApiProperty() holdingUnitCode!: string;
  @Nullable(String) responsibleUnitCode!: string | null;
  @ApiProperty() receivedAt!: string;
  @ApiProperty() registeredAt!: string;
  @ApiProperty() eventCount!: number;
  @Nullable(String, { description: '当前运行的期限 / the running clock' }) clock!: string | null;
  @Nullable(String) dueAt!: string | null;
  @Nullable(String) dueLastDay!: string | null;
  @ApiProperty() overdueLevel!: number;
  @Nullable(Object, { type: 'object', additionalProperties: true, description: '六定 / the six defines' })
  sixDefines!: Record<string, unknown> | null;
  @ApiProperty() repeatVisits!: number;
  @Nullable(String) policyVersion!: string | null;
  @Nullable(HandledBelowDto, {
    description: '越级信访转下级办理的案件 / art. 19: the lower case handling it',
  })
  handledBelow!: HandledBelowDto | null;
  @Nullable(String, {
    isArray: true,
    description: '当前用户现在可执行的操作；无法判断时为 null / your actions now; null when unknown',
  })
  allowedActions!: string[] | null;
}

export class DescribedDetailDto implements DescribedDetail {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty() text!: string;
}

export class TimelineNoticeDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTICE_KIND_NAMES }) kind!: NoticeKind;
  @ApiProperty() title!: string;
  @ApiProperty() issuedAt!: string;
}

export class TimelineEntryDto implements Required<TimelineEntry> {
  @ApiProperty() seq!: number;
  @ApiProperty() type!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty() actorRole!: string;
  @Nullable(String) actorUnit!: string | null;
  @Nullable(String) fromStatus!: string | null;
  @Nullable(String) status!: string | null;
  @JsonObject({ description: '事件字段 / the event’s own fields' }) details!: Record<string, unknown>;
  @ApiProperty() hash!: string;
  @ApiProperty({ type: [TimelineNoticeDto] }) notices!: TimelineNoticeDto[];
  @ApiProperty() typeLabel!: string;
  @ApiProperty() occurredAtLocal!: string;
  @ApiProperty() actorName!: string;
  @ApiProperty() actorRoleLabel!: string;
  @Nullable(String) actorUnitName!: string | null;
  @Nullable(String) fromStatusLabel!: string | null;
  @Nullable(String) statusLabel!: string | null;
  @ApiProperty({ type: [DescribedDetailDto] }) detailLines!: DescribedDetailDto[];
}

const CHAIN_PROBLEMS: ChainProblem[] = [
  'sequenceGap',
  'previousHashMismatch',
  'contentHashMismatch',
  'eventsMissingAtEnd',
  'unexpectedEventsAtEnd',
  'headHashMismatch',
];

export class ChainBreakDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: CHAIN_PROBLEMS }) problem!: ChainProblem;
  @ApiProperty() message!: string;
}

export class ChainVerificationDto implements VerificationReport {
  @ApiProperty() caseNumber!: string;
  @ApiProperty() verified!: boolean;
  @ApiProperty() eventCount!: number;
  @ApiPropertyOptional({ type: ChainBreakDto, description: '第一处断链 / the first broken link' })
  firstBreak?: ChainBreakDto;
  @ApiProperty({ enum: ['workflow', 'unavailable'] }) headSource!: 'workflow' | 'unavailable';
}

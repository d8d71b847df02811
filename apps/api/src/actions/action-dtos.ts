import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  DELIVERY_METHODS,
  DUTY_KINDS,
  NOT_ACCEPT_REASONS,
  OBJECTION_DECISIONS,
  OPINION_DOCUMENTS,
  RECORDED_REPLY_OUTCOMES,
  RECUSAL_DECISIONS,
  RECUSAL_GROUNDS,
  REPLY_OUTCOMES,
  SATISFACTION_LEVELS,
} from '../../../../libs/domain/src/case/vocabulary';
import { UNIT_CODE_PATTERN } from '../cases/register-case.dto';

/**
 * One body per staff action. People are named by user id and resolved by the API from the directory
 * (never taken from the body as a name or a role), so nobody can assign a role by writing it.
 */
const USER_ID_PATTERN = /^[\w:.-]{1,64}$/;
const TEXT = 2000;

export class NoFieldsDto {}

export class ReasonDto {
  @ApiProperty({ description: '理由 / reason' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  reason!: string;
}

/** Pausing needs a reason the case's policy lists with its legal basis (national: the re-review hearing, art. 36). */
export class PauseClockDto extends ReasonDto {
  @ApiProperty({
    description:
      '暂停依据代码，须为本案策略列明的法定理由（全国：reReviewHearing 复核听证，第三十六条）/ the policy’s pause reason code',
    example: 'reReviewHearing',
  })
  @Matches(/^[A-Za-z][A-Za-z0-9]{0,63}$/)
  reasonCode!: string;
}

/** A review or re-review request (arts. 35–36), optionally with the moment it was received. */
export class ReviewRequestDto extends ReasonDto {
  @ApiPropertyOptional({
    description:
      '收到时间（可早于录入，不得晚于现在、不得早于意见书送达之日）；申请期限与复查/复核决定期限自此起算 / when the request was received, ISO-8601: not in the future, not before the opinion’s delivery; the window and the decision clock run from it. Defaults to now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;

  @ApiPropertyOptional({
    description:
      '收到时间早于录入当日时必填：补登原因 / required when receivedAt is before the day it is recorded',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  receivedAtReason?: string;
}

export class TextDto {
  @ApiProperty({ description: '内容 / text' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  text!: string;
}

export class TransferDto extends ReasonDto {
  @ApiProperty({ description: '接收单位 / receiving unit' })
  @Matches(UNIT_CODE_PATTERN)
  toUnitCode!: string;
}

export class AssignDownDto extends TransferDto {
  @ApiProperty({ description: '反馈期限 / feedback due date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  feedbackDueDate!: string;
}

export class NotAcceptDto {
  @ApiProperty({ enum: NOT_ACCEPT_REASONS })
  @IsIn(NOT_ACCEPT_REASONS)
  reason!: string;

  @ApiProperty({ description: '说明 / explanation' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  explanation!: string;

  @ApiPropertyOptional({ description: '法定途径 / the legal channel to use instead' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  legalChannel?: string;
}

export class DefineSixDto {
  @ApiPropertyOptional({
    description:
      '包案领导用户ID；领导接待日登记的案件默认为接待领导 / package leader; defaults to the receiving leader of a reception-day case',
  })
  @IsOptional()
  @Matches(USER_ID_PATTERN)
  packageLeaderUserId?: string;

  @ApiProperty({ description: '责任单位 / responsible unit' })
  @Matches(UNIT_CODE_PATTERN)
  responsibleUnitCode!: string;

  @ApiProperty({ description: '责任人用户ID / handler' })
  @Matches(USER_ID_PATTERN)
  handlerUserId!: string;

  @ApiProperty({ description: '化解方案 / resolution plan' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  resolutionPlan!: string;

  @ApiProperty({ description: '办结时限 / completion deadline (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  completionDeadline!: string;

  @ApiProperty({ description: '化解目标 / target outcome' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  targetOutcome!: string;
}

export class ReassignDto extends ReasonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(USER_ID_PATTERN)
  packageLeaderUserId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(UNIT_CODE_PATTERN)
  responsibleUnitCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(USER_ID_PATTERN)
  handlerUserId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  resolutionPlan?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  completionDeadline?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  targetOutcome?: string;
}

/** What was done, with the evidence for it (a duty of the five, or a completion report). */
export class EvidencedSummaryDto {
  @ApiProperty({ description: '办理情况 / what was done' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  summary!: string;

  @ApiProperty({ type: [String], description: '佐证材料引用 / evidence references' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  evidenceRefs!: string[];
}

export class RecordDutyDto extends EvidencedSummaryDto {
  @ApiProperty({ enum: DUTY_KINDS })
  @IsIn(DUTY_KINDS)
  duty!: string;

  @ApiProperty({ type: [String], description: '履职人员用户ID / who performed it' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @Matches(USER_ID_PATTERN, { each: true })
  performedByUserIds!: string[];

  @ApiProperty({ description: '日期 / date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  performedOn!: string;
}

export class RequestExtensionDto extends ReasonDto {
  @ApiProperty({ minimum: 1, maximum: 30 })
  @IsInt()
  @Min(1)
  @Max(30)
  days!: number;
}

export class ApproveExtensionDto {
  @ApiProperty()
  @IsBoolean()
  granted!: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  note?: string;
}

export class OpinionDto {
  @ApiProperty({
    enum: REPLY_OUTCOMES,
    description:
      '处理结论（《信访工作条例》第三十二条）：予以支持 support / 解释说明 explain / 不予支持 notSupport；旧称“部分支持”（partlySupport）已停用，提交时 422 OUTCOME_RETIRED（字段 outcome）/ the outcome of art. 32; the retired partlySupport is refused with 422 OUTCOME_RETIRED',
  })
  // The retired value passes here so the case engine refuses it with its own code (422, field outcome).
  @IsIn(RECORDED_REPLY_OUTCOMES)
  outcome!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  reasons!: string;
}

export class RecordDeliveryDto {
  @ApiProperty({ enum: OPINION_DOCUMENTS })
  @IsIn(OPINION_DOCUMENTS)
  document!: string;

  @ApiProperty({ enum: DELIVERY_METHODS })
  @IsIn(DELIVERY_METHODS)
  method!: string;

  @ApiProperty({ description: '送达日期 / delivered on (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  deliveredOn!: string;
}

export class RecordSatisfactionDto {
  @ApiProperty({ enum: SATISFACTION_LEVELS })
  @IsIn(SATISFACTION_LEVELS)
  satisfaction!: string;
}

export class CloseDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  note?: string;
}

export class DecideObjectionDto extends ReasonDto {
  @ApiProperty({
    enum: OBJECTION_DECISIONS,
    description: '异议成立（本单位另行分流）或不成立（退回异议单位办理）/ uphold, or overrule and send back',
  })
  @IsIn(OBJECTION_DECISIONS)
  decision!: string;
}

/** The completion report (办结报告) of an assigned-down case, to the unit that assigned it. */
export class ReportCompletionDto extends EvidencedSummaryDto {}

export class SuperviseOrderDto extends TextDto {
  @ApiPropertyOptional({ description: '督办期限 / due date (YYYY-MM-DD)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueDate?: string;
}

/** The ground of an interest (art. 28); “other” needs the explanation. */
export class RecusalGroundDto {
  @ApiProperty({
    enum: RECUSAL_GROUNDS,
    description:
      '回避事由：当事人、近亲属、信访事项所涉人员、其他（须说明）/ party, relative, named in the petition, other (explain)',
  })
  @IsIn(RECUSAL_GROUNDS)
  ground!: string;

  @ApiPropertyOptional({ description: '具体情形 / explanation (required for other)' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  explanation?: string;
}

/** 自行回避: the caller declares their own interest; they are recused at once. */
export class DeclareInterestDto extends RecusalGroundDto {}

/** 申请回避: the petitioner's request for a staff member's recusal, recorded by staff. */
export class RequestRecusalDto extends RecusalGroundDto {
  @ApiProperty({ description: '申请回避的工作人员用户ID / the staff member whose recusal is asked' })
  @Matches(USER_ID_PATTERN)
  userId!: string;
}

/** 回避决定: a leader of the person's unit (of the unit above, for its leader) decides the request. */
export class DecideRecusalDto extends ReasonDto {
  @ApiProperty({ description: '被申请回避人员用户ID / whose pending request is decided' })
  @Matches(USER_ID_PATTERN)
  userId!: string;

  @ApiProperty({ enum: RECUSAL_DECISIONS, description: '决定回避或驳回申请 / recuse or dismiss the request' })
  @IsIn(RECUSAL_DECISIONS)
  decision!: string;
}

/** Which body each action takes; the action's name is the last segment of its route. */
export const ACTION_BODIES = {
  accept: NoFieldsDto,
  transfer: TransferDto,
  assignDown: AssignDownDto,
  notAccept: NotAcceptDto,
  objectMisroute: ReasonDto,
  decideObjection: DecideObjectionDto,
  reportCompletion: ReportCompletionDto,
  defineSix: DefineSixDto,
  reassign: ReassignDto,
  recordDuty: RecordDutyDto,
  requestExtension: RequestExtensionDto,
  approveExtension: ApproveExtensionDto,
  pauseClock: PauseClockDto,
  resumeClock: NoFieldsDto,
  reply: OpinionDto,
  recordDelivery: RecordDeliveryDto,
  recordSatisfaction: RecordSatisfactionDto,
  requestReview: ReviewRequestDto,
  decideReview: OpinionDto,
  requestReReview: ReviewRequestDto,
  decideReReview: OpinionDto,
  withdraw: ReasonDto,
  close: CloseDto,
  instruct: TextDto,
  superviseOrder: SuperviseOrderDto,
  remind: TextDto,
  declareInterest: DeclareInterestDto,
  requestRecusal: RequestRecusalDto,
  decideRecusal: DecideRecusalDto,
} as const;

export type StaffActionType = keyof typeof ACTION_BODIES;
export const STAFF_ACTION_TYPES = Object.keys(ACTION_BODIES) as StaffActionType[];

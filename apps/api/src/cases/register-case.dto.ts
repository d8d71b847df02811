import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  Max,
  Min,
  IsDefined,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsUUID,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CASE_CATEGORIES,
  CASE_CHANNELS,
  type CaseCategory,
  type CaseChannel,
} from '../../../../libs/domain/src/case/vocabulary';
import { DEFAULT_ID_TYPE, ID_TYPES, type IdType } from '../../../../libs/domain/src/intake/identity-document';
import { IsDocumentNumber, IsResidentId } from './resident-id.validator';

/** Longest petition text accepted inline (characters); documented in docs/api.md. */
export const MAX_CONTENT_LENGTH = 20_000;
export const MAX_SUBJECT_LENGTH = 200;
/** Text that is more than white space. */
export const NOT_BLANK = /\S/;
export const UNIT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
/** A mainland mobile (11 digits from 1) or a landline with area code, separators allowed. */
export const PHONE_PATTERN = /^(1\d{2}[- ]?\d{4}[- ]?\d{4}|0\d{2,3}[- ]?\d{7,8})$/;

/** A person named at intake: the petitioner, or a representative of a collective visit. */
export class PersonDto {
  @ApiProperty({ description: '姓名 / name', maxLength: 100 })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Matches(NOT_BLANK)
  name!: string;

  @ApiPropertyOptional({
    enum: ID_TYPES,
    default: DEFAULT_ID_TYPE,
    description: '证件类型（默认居民身份证）/ identity document type, resident ID by default',
  })
  @IsOptional()
  @IsIn(ID_TYPES)
  idType?: IdType;

  @ApiPropertyOptional({
    description:
      '证件号码（加密保存，仅可经授权查看）；居民身份证校验出生日期和校验位，其他证件校验格式 / ' +
      'identity document number, encrypted at rest; a resident ID is checked for birth date and check character, other documents for format',
  })
  @IsOptional()
  @IsString()
  @IsResidentId()
  @IsDocumentNumber()
  idNumber?: string;

  @ApiPropertyOptional({
    description: '联系电话（加密保存）/ phone, encrypted at rest',
    example: '13912345678',
  })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN)
  phone?: string;
}

export class PetitionerDto extends PersonDto {
  @ApiPropertyOptional({ description: '住址（加密保存）/ address, encrypted at rest', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address?: string;
}

/** A representative chosen by a collective visit (art. 20); at most the policy's number of them. */
export class RepresentativeDto extends PersonDto {}

export class CollectiveDto {
  @ApiProperty({ description: '来访人数 / how many people came', minimum: 1 })
  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(100_000)
  headcount!: number;

  @ApiProperty({
    type: [RepresentativeDto],
    description:
      '推选的代表（默认不超过5人，策略值）/ the chosen representatives (at most 5 by default, a policy value)',
  })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  // The policy's own limit answers 422 with the domain's code; this only bounds the request size.
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RepresentativeDto)
  representatives!: RepresentativeDto[];
}

/** The clerk's decision that an earlier case of the same petitioner is not the same matter. */
export class NotRepeatOfDto {
  @ApiProperty({ description: '被认定为不同事项的既往案件编号 / the earlier case judged a different matter' })
  @IsDefined()
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,63}$/)
  caseNumber!: string;

  @ApiProperty({
    description: '理由（记入登记事件）/ why (recorded on the registration event)',
    maxLength: 500,
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @Matches(NOT_BLANK)
  reason!: string;
}

export class AccusedDto {
  @ApiProperty({ type: [String], description: '被检举控告单位代码 / accused units' })
  @ArrayMaxSize(20)
  @Matches(UNIT_CODE_PATTERN, { each: true })
  unitCodes!: string[];

  @ApiProperty({ type: [String], description: '被检举控告人用户ID / accused staff' })
  @ArrayMaxSize(20)
  @Matches(/^[\w:.-]{1,64}$/, { each: true })
  userIds!: string[];
}

export class RegisterCaseDto {
  @ApiProperty({ enum: CASE_CHANNELS, description: '来源渠道 / channel' })
  @IsDefined()
  @IsIn(CASE_CHANNELS)
  channel!: CaseChannel;

  @ApiProperty({ type: PetitionerDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PetitionerDto)
  petitioner!: PetitionerDto;

  @ApiProperty({ enum: CASE_CATEGORIES, description: '类别 / category' })
  @IsDefined()
  @IsIn(CASE_CATEGORIES)
  category!: CaseCategory;

  @ApiProperty({ description: '标题 / subject', maxLength: MAX_SUBJECT_LENGTH })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_SUBJECT_LENGTH)
  @Matches(NOT_BLANK)
  subject!: string;

  @ApiProperty({ description: '信访内容 / content', maxLength: MAX_CONTENT_LENGTH })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_CONTENT_LENGTH)
  @Matches(NOT_BLANK)
  content!: string;

  @ApiProperty({
    description: '问题发生地单位代码 / code of the unit where the matter arises',
    example: 'QX',
  })
  @IsDefined()
  @IsString()
  @Matches(UNIT_CODE_PATTERN)
  unitCode!: string;

  @ApiPropertyOptional({
    description: '收到时间（可早于登记）/ legal receipt time, ISO-8601; defaults to now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;

  @ApiPropertyOptional({
    description:
      '收到时间早于登记当日时必填：补登原因 / required when receivedAt is before the day of registration',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  receivedAtReason?: string;

  @ApiPropertyOptional({
    type: AccusedDto,
    description: '检举控告类：被检举控告的单位和人员 / accusations: the accused',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AccusedDto)
  accused?: AccusedDto;

  @ApiPropertyOptional({
    type: CollectiveDto,
    description: '多人来访：人数和代表 / collective visit: headcount and representatives',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CollectiveDto)
  collective?: CollectiveDto;

  @ApiPropertyOptional({
    type: NotRepeatOfDto,
    description:
      '登记员认定与既往案件不是同一事项（附理由），不按重复信访处理 / the clerk overrides repeat detection for that earlier case, with a reason',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NotRepeatOfDto)
  notRepeatOf?: NotRepeatOfDto;

  @ApiPropertyOptional({
    description:
      '领导接待日场次（须为收到当日、本单位上下级的场次；渠道须为 leaderReception，接待领导为包案领导）/ ' +
      'the reception session the petition was received in: on the day of receipt, in your unit’s line; ' +
      'the channel is leaderReception and the session’s leader becomes the package leader',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  receptionSessionId?: string;
}

export class RegisteredCaseDto {
  @ApiProperty({
    example: 'QX-2026-000001',
    description:
      '新案件编号；重复信访时为既往案件编号 / the new case, or for a repeat visit the earlier case',
  })
  caseNumber!: string;

  @ApiProperty()
  status!: string;

  @ApiPropertyOptional({
    description:
      '重复信访：记为该既往未结案件的重复来访，未新建案件（HTTP 200）/ a repeat visit recorded on this open earlier case; no new case was created (HTTP 200)',
  })
  repeatOf?: string;

  @ApiPropertyOptional({
    description: '该案件累计重复来访次数 / repeat visits the earlier case has had, this one included',
  })
  repeatVisits?: number;

  @ApiPropertyOptional({
    description:
      '同一事实和理由已复核终结的既往案件：新案件已登记并不予受理 / the concluded earlier case on the same facts: the new case was registered and not accepted',
  })
  sameFactsAs?: string;

  @ApiPropertyOptional({
    description:
      '越级信访（条例第十九条）：该事项正由此下级案件办理；新案件已在本级登记、关联，不予受理（handledBelow）并转下级，下级案件记录本次来访 / ' +
      'art. 19: the lower case handling the same matter; the new case was registered here, linked, not accepted (handledBelow) and referred down, and the lower case recorded the visit',
  })
  handledBelowIn?: string;

  @ApiPropertyOptional({
    description: '转交的下级单位 / the lower unit the petition was referred to',
  })
  referredToUnitCode?: string;
}

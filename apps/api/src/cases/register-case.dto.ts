import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
import { IsResidentId } from './resident-id.validator';

/** Longest petition text accepted inline (characters); documented in the README. */
export const MAX_CONTENT_LENGTH = 20_000;
export const MAX_SUBJECT_LENGTH = 200;
/** Text that is more than white space. */
export const NOT_BLANK = /\S/;
export const UNIT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
/** A mainland mobile (11 digits from 1) or a landline with area code, separators allowed. */
export const PHONE_PATTERN = /^(1\d{2}[- ]?\d{4}[- ]?\d{4}|0\d{2,3}[- ]?\d{7,8})$/;

export class PetitionerDto {
  @ApiProperty({ description: '信访人姓名 / petitioner name', maxLength: 100 })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Matches(NOT_BLANK)
  name!: string;

  @ApiPropertyOptional({
    description: '公民身份号码（加密保存，仅可经授权查看）/ resident ID number, encrypted at rest',
  })
  @IsOptional()
  @IsResidentId()
  idNumber?: string;

  @ApiPropertyOptional({
    description: '联系电话（加密保存）/ phone, encrypted at rest',
    example: '13912345678',
  })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN)
  phone?: string;

  @ApiPropertyOptional({ description: '住址（加密保存）/ address, encrypted at rest', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address?: string;
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
  @ApiProperty({ example: 'QX-2026-000001' })
  caseNumber!: string;

  @ApiProperty()
  status!: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CASE_CATEGORIES, CASE_CHANNELS } from '../../../../libs/domain/src/case/vocabulary';
import { CASE_STATUSES } from '../../../../libs/domain/src/case/status';
import { PHONE_PATTERN, UNIT_CODE_PATTERN } from './register-case.dto';
import { PageLimit } from '../http/page-limit';
import { DEFAULT_ID_TYPE, ID_TYPES, type IdType } from '../../../../libs/domain/src/intake/identity-document';
import { IsDocumentNumber, IsResidentId } from './resident-id.validator';

/** The queue's ready-made views; each narrows the list, always within what the caller may see. */
export const CASE_LIST_VIEWS = [
  /** 本单位持有 — held by my unit */
  'heldByMyUnit',
  /** 我的案件 — I am its handler or package leader */
  'mine',
  /** 我包案的 — I am its package leader */
  'leading',
  /** 今日到期 — due today (office day) */
  'dueToday',
  /** 已超期 — overdue */
  'overdue',
] as const;
export type CaseListView = (typeof CASE_LIST_VIEWS)[number];

/** Case numbers as searched: the whole number or its beginning (letters, digits and hyphens). */
export const CASE_NUMBER_SEARCH_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{1,63}$/;

const splitList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

/** Query parameters of the staff case list. Unknown parameters are refused like unknown body fields. */
export class ListCasesQuery {
  @ApiPropertyOptional({
    description: '状态，逗号分隔 / statuses, comma-separated',
    example: 'accepted,inHandling',
  })
  @IsOptional()
  @Transform(splitList)
  @IsIn(CASE_STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({ description: '单位及其下级 / unit and its subtree' })
  @IsOptional()
  @Matches(UNIT_CODE_PATTERN)
  unit?: string;

  @ApiPropertyOptional({ enum: CASE_CATEGORIES })
  @IsOptional()
  @IsIn(CASE_CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ enum: CASE_CHANNELS })
  @IsOptional()
  @IsIn(CASE_CHANNELS)
  channel?: string;

  @ApiPropertyOptional({ description: '到期时间下限 / due from (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueFrom?: string;

  @ApiPropertyOptional({ description: '到期时间上限（不含）/ due before (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueTo?: string;

  @ApiPropertyOptional({ description: '最低超期级别 / minimum overdue level' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  overdueLevel?: number;

  @ApiPropertyOptional({ description: '收到时间下限 / received from (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedFrom?: string;

  @ApiPropertyOptional({ description: '收到时间上限（不含）/ received before (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedTo?: string;

  @ApiPropertyOptional({
    description: '标题和内容检索，至少两个字 / text in subject or content, two characters or more',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({
    enum: ID_TYPES,
    default: DEFAULT_ID_TYPE,
    description: '信访人证件类型，用于校验号码格式 / the document type, for checking the number’s format',
  })
  @IsOptional()
  @IsIn(ID_TYPES)
  petitionerIdType?: IdType;

  @ApiPropertyOptional({
    description:
      '信访人证件号码（经盲索引查找，不落明文）/ petitioner document number, looked up by blind index (whatever the type)',
  })
  @IsOptional()
  @IsResidentId(undefined, 'petitionerIdType')
  @IsDocumentNumber(undefined, 'petitionerIdType')
  petitionerIdNumber?: string;

  @ApiPropertyOptional({
    description: '信访人电话（经盲索引查找）/ petitioner phone, looked up by blind index',
  })
  @IsOptional()
  @Matches(PHONE_PATTERN)
  petitionerPhone?: string;

  @ApiPropertyOptional({
    enum: CASE_LIST_VIEWS,
    description:
      '视图：本单位持有、我的案件（承办人或包案领导）、我包案的、今日到期、已超期 / view: held by my unit, mine (handler or package leader), I lead as package leader, due today, overdue',
  })
  @IsOptional()
  @IsIn(CASE_LIST_VIEWS)
  view?: CaseListView;

  @ApiPropertyOptional({
    description:
      'N 天内到期：从现在到今天之后第 N 天结束（按办公时区）/ due from now to the end of the Nth day after today (office time zone)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60)
  dueWithinDays?: number;

  @ApiPropertyOptional({
    description: '案件编号（完整或开头部分）/ case number, whole or its beginning',
    example: 'QX-DH-2026-0000',
  })
  @IsOptional()
  @Matches(CASE_NUMBER_SEARCH_PATTERN)
  caseNumber?: string;

  @ApiPropertyOptional({
    description:
      '信访人姓名（规范化后经盲索引查找，不按明文检索）/ petitioner name, normalised and looked up by blind index',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  petitionerName?: string;

  @ApiPropertyOptional({ description: '上一页返回的游标 / cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @PageLimit(20)
  limit?: number;
}

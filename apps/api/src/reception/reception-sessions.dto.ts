import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { NOT_BLANK, UNIT_CODE_PATTERN } from '../cases/register-case.dto';

/** A calendar day, YYYY-MM-DD. */
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class PublishReceptionSessionDto {
  @ApiPropertyOptional({
    description: '接待单位（默认本人单位；须在本人单位及其下级）/ the receiving unit (default: yours)',
  })
  @IsOptional()
  @Matches(UNIT_CODE_PATTERN)
  unitCode?: string;

  @ApiProperty({ description: '接待领导用户ID / the receiving leader (a unit or package leader)' })
  @IsString()
  @Matches(/^[\w:.-]{1,64}$/)
  leaderUserId!: string;

  @ApiProperty({ description: '接待日期 / the day (YYYY-MM-DD)', example: '2026-12-01' })
  @Matches(LOCAL_DATE)
  @IsISO8601({ strict: true })
  date!: string;

  @ApiProperty({ description: '接待地点 / place', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(NOT_BLANK)
  place!: string;

  @ApiProperty({ type: [String], description: '接待主题 / topics announced', maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  topics!: string[];
}

export class ListReceptionSessionsQuery {
  @ApiPropertyOptional({ description: '起始日期（含）/ from (YYYY-MM-DD, inclusive)' })
  @IsOptional()
  @Matches(LOCAL_DATE)
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: '截止日期（含）/ to (YYYY-MM-DD, inclusive)' })
  @IsOptional()
  @Matches(LOCAL_DATE)
  @IsISO8601({ strict: true })
  to?: string;
}

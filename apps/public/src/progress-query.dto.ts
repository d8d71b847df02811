import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_RATING_COMMENT_LENGTH } from '../../../libs/domain/src/case/petitioner-rating';
import { type Satisfaction, SATISFACTION_LEVELS } from '../../../libs/domain/src/case/vocabulary';

export class ProgressQueryDto {
  @ApiProperty({ description: '案件编号 / case number', example: 'QX-2026-000123' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9-]+$/, { message: '案件编号格式不正确 / not a case number' })
  caseNumber!: string;

  @ApiProperty({
    description: '查询码（受理告知书上）/ the query code on the acceptance notice',
    example: 'K7Q2-M9XA',
  })
  @IsString()
  @MaxLength(32)
  queryCode!: string;
}

/** The petitioner's own rating of the reply (art. 21), sent with the same case number and query code. */
export class RatingDto extends ProgressQueryDto {
  @ApiProperty({
    description: '满意度评价：满意 / 基本满意 / 不满意 / satisfaction',
    enum: SATISFACTION_LEVELS,
  })
  @IsIn(SATISFACTION_LEVELS, { message: '评价须为满意、基本满意或不满意 / not a satisfaction answer' })
  satisfaction!: Satisfaction;

  @ApiPropertyOptional({
    description: '评价意见（可不填，至多500字）/ optional comment, at most 500 characters',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_RATING_COMMENT_LENGTH)
  comment?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

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

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class AcknowledgeAllDto {
  @ApiPropertyOptional({
    description: '只确认这件案件的提醒；不填则确认全部 / only this case’s items; all of yours when absent',
    example: 'QX-DH-2026-000037',
    minLength: 1,
    maxLength: 64,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  caseNumber?: string;
}

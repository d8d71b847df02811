import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Matches } from 'class-validator';
import { UNIT_CODE_PATTERN } from '../cases/register-case.dto';

class InForceForDto {
  @ApiPropertyOptional({
    description:
      '在其辖区生效的单位（须在管辖范围内，默认本单位）/ the unit whose subtree it is in force for (in your scope; default your own unit)',
  })
  @IsOptional()
  @IsString()
  @Matches(UNIT_CODE_PATTERN)
  unitCode?: string;
}

export class PublishPolicyDto extends InForceForDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      '策略文档（版本、时限、升级阶梯等，按法定上限校验）/ the policy document (version, clocks, escalation ladder …), checked against the statute',
  })
  @IsObject()
  policy!: Record<string, unknown>;
}

export class PublishCalendarDto extends InForceForDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      '日历（须有版本号；其所列年份取代内置节假日表）/ the calendar with a version; the years it lists replace the built-in tables',
  })
  @IsObject()
  calendar!: Record<string, unknown>;
}

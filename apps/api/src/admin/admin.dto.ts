import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ROLES } from '../../../../libs/domain/src/org/roles';
import { UNIT_LEVELS } from '../../../../libs/domain/src/org/units';
import { UNIT_CODE_PATTERN } from '../cases/register-case.dto';

/** Lower-case letters first, then letters, digits, `.`, `_` or `-`: 3 to 64 characters. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,63}$/;

export class CreateUnitDto {
  @ApiProperty({ description: '单位编码（大写字母、数字、-）/ unit code (A-Z, 0-9, -)', example: 'QX-DH-03' })
  @IsString()
  @Matches(UNIT_CODE_PATTERN)
  code!: string;

  @ApiProperty({ description: '单位名称 / unit name', example: '李家村' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: UNIT_LEVELS, description: '层级 / level' })
  @IsIn(UNIT_LEVELS)
  level!: string;

  @ApiProperty({
    description: '上级单位，须在你的管辖范围内 / parent unit, within your scope',
    example: 'QX-DH',
  })
  @IsString()
  @Matches(UNIT_CODE_PATTERN)
  parentCode!: string;
}

export class NoticeNumberingDto {
  @ApiPropertyOptional({
    description:
      '单位简称（印在文号中；空则用全称）/ short name printed in the 文号 (the full name when empty)',
    example: '东湖',
    type: String,
    nullable: true,
    maxLength: 20,
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  shortName?: string | null;

  @ApiPropertyOptional({
    description:
      '文号格式（空则用默认格式）/ the 文号 pattern (the default when empty): {unitShort} {unitCode} {year} {seq}',
    example: '{unitShort}信告〔{year}〕{seq}号',
    type: String,
    nullable: true,
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  pattern?: string | null;
}

export class RolesDto {
  @ApiProperty({ enum: ROLES, isArray: true, description: '角色，至少一个 / roles, at least one' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: string[];
}

export class CreateUserDto extends RolesDto {
  @ApiProperty({
    description: '登录名（小写字母开头）/ login name, starting with a lower-case letter',
    example: 'li.si',
  })
  @IsString()
  @Matches(USERNAME_PATTERN)
  username!: string;

  @ApiProperty({ description: '姓名 / full name', example: '李四' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ description: '所在单位，须在你的管辖范围内 / unit, within your scope', example: 'QX-DH' })
  @IsString()
  @Matches(UNIT_CODE_PATTERN)
  unitCode!: string;
}

export class ListUsersQuery {
  @ApiPropertyOptional({ description: '单位及其下级（默认你的单位）/ unit and its subtree (default: yours)' })
  @IsOptional()
  @IsString()
  @Matches(UNIT_CODE_PATTERN)
  unit?: string;
}

export class ListAdminAuditQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: '上一页返回的游标 / cursor from the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,18}$/)
  cursor?: string;
}

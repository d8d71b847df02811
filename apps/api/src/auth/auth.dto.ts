import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { TOKEN_PATTERN } from './tokens';

/** Long enough for any passphrase, short enough that hashing it costs nothing unusual. */
const MAX_PASSWORD_INPUT = 1024;

export class LoginDto {
  @ApiProperty({ description: '用户名 / username', minLength: 1, maxLength: 128 })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  username!: string;

  @ApiProperty({
    description: '密码 / password',
    format: 'password',
    minLength: 1,
    maxLength: MAX_PASSWORD_INPUT,
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_INPUT)
  password!: string;
}

export class TotpCodeDto {
  @ApiProperty({
    description: '上一步返回的 challenge / the challenge of the previous step',
    pattern: TOKEN_PATTERN.source,
  })
  @IsDefined()
  @IsString()
  @Matches(TOKEN_PATTERN)
  challenge!: string;

  @ApiProperty({
    description: '6 位动态验证码 / 6-digit one-time code',
    example: '123456',
    pattern: '^\\d{6}$',
  })
  @IsDefined()
  @IsString()
  @Matches(/^\d{6}$/)
  code!: string;
}

/**
 * Optional, but not nullable: the route tells its two forms apart by which fields are present, so a
 * `null` is refused (400) like any other value that is not a string, instead of passing as absent.
 */
const PresentUnlessAbsent = () => ValidateIf((_object, value) => value !== undefined);

export class ChangePasswordDto {
  @ApiPropertyOptional({
    description:
      '登录中强制改密时的 challenge（否则须带访问令牌）/ the challenge of a forced change; otherwise a bearer token',
    pattern: TOKEN_PATTERN.source,
  })
  @PresentUnlessAbsent()
  @IsString()
  @Matches(TOKEN_PATTERN)
  challenge?: string;

  @ApiPropertyOptional({
    description: '当前密码（凭访问令牌修改时必填）/ current password, required with a bearer token',
    format: 'password',
    minLength: 1,
    maxLength: MAX_PASSWORD_INPUT,
  })
  @PresentUnlessAbsent()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_INPUT)
  currentPassword?: string;

  @ApiProperty({
    description:
      '新密码：至少12位，含大写、小写、数字、符号中至少三类，不含用户名 / new password: ≥ 12 characters, three of four classes, not the username',
    format: 'password',
    minLength: 1,
    maxLength: MAX_PASSWORD_INPUT,
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_INPUT)
  newPassword!: string;
}

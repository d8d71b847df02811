import { ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { ROLES } from '../../../../libs/domain/src/org/roles';
import { type IssuedSession } from './sessions.service';

/** Response bodies of the login steps; `implements` ties each to the service's type. */

export class IssuedSessionDto implements IssuedSession {
  @ApiProperty({ description: '访问令牌（Bearer）/ the bearer token' }) accessToken!: string;
  @ApiProperty() expiresAt!: string;
}

export class ChallengeStepDto {
  @ApiProperty({ enum: ['totp', 'changePassword'], description: '下一步 / the next stage' })
  stage!: 'totp' | 'changePassword';
  @ApiProperty() challenge!: string;
  @ApiProperty() challengeExpiresAt!: string;
}

export class EnrolStepDto {
  @ApiProperty({ enum: ['enrol'] }) stage!: 'enrol';
  @ApiProperty() challenge!: string;
  @ApiProperty() challengeExpiresAt!: string;
  @ApiProperty({ description: '用于绑定动态验证码的 otpauth URI / the otpauth URI to enrol' })
  otpauthUri!: string;
}

export class PasswordChangedDto {
  @ApiProperty({ enum: [true] }) passwordChanged!: true;
}

export class MeDto {
  @ApiProperty() userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
}

const LOGIN_STEPS = [ChallengeStepDto, EnrolStepDto, IssuedSessionDto] as const;

/** 200 with the next login step, or the session when none is left (and `also`, e.g. PasswordChangedDto). */
export function ApiLoginStepResponse(...also: (new () => object)[]) {
  const models = [...LOGIN_STEPS, ...also];
  return applyDecorators(
    ApiExtraModels(...models),
    ApiOkResponse({
      description: '下一步（totp、changePassword、enrol）或访问令牌 / the next stage, or the access token',
      schema: { oneOf: models.map((model) => ({ $ref: getSchemaPath(model) })) },
    }),
  );
}

import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, JSON_BODY_REFUSALS } from '../http/api-errors.decorator';
import { ApiLoginStepResponse, MeDto, PasswordChangedDto } from './auth-responses.dto';
import { SignedIn } from './staff-only.decorator';
import { type Request, type Response } from 'express';
import { validationFailed } from '../http/api-error';
import { AuthGuard } from './auth.guard';
import { ChangePasswordDto, LoginDto, TotpCodeDto } from './auth.dto';
import { AuthService, type ClientContext, type LoginStep } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { type StaffSession } from './staff-session';
import { SessionService } from './sessions.service';
import { bearerToken } from './tokens';

/** A step taking a login's challenge and a TOTP code: the code, the challenge, the account may be refused. */
const TOTP_STEP_REFUSALS = [
  ...JSON_BODY_REFUSALS,
  'INVALID_CREDENTIALS',
  'INVALID_TOTP_CODE',
  'CHALLENGE_INVALID',
  'CHALLENGE_EXPIRED',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
] as const;

function clientOf(request: Request, response: Response): ClientContext {
  return { address: request.ip ?? request.socket.remoteAddress, response };
}

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      '用户名密码登录 / log in with username and password → next stage (totp, changePassword, enrol) or an access token',
  })
  @ApiLoginStepResponse()
  @ApiErrors(...JSON_BODY_REFUSALS, 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'RATE_LIMITED')
  login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginStep> {
    return this.auth.login(body.username, body.password, clientOf(request, response));
  }

  @Post('totp')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '动态验证码 / the second factor (TOTP code) of a login' })
  @ApiLoginStepResponse()
  @ApiErrors(...TOTP_STEP_REFUSALS)
  totp(
    @Body() body: TotpCodeDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginStep> {
    return this.auth.verifyTotpStep(body.challenge, body.code, clientOf(request, response));
  }

  @Post('enrol')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '绑定动态验证码 / confirm TOTP enrolment with a code from the otpauth URI given at login',
  })
  @ApiLoginStepResponse()
  @ApiErrors(...TOTP_STEP_REFUSALS)
  enrol(
    @Body() body: TotpCodeDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginStep> {
    return this.auth.enrol(body.challenge, body.code, clientOf(request, response));
  }

  @Post('password')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      '修改密码 / change password: with the challenge of a forced change (→ next stage or token), or with a bearer token and the current password',
  })
  @ApiLoginStepResponse(PasswordChangedDto)
  @SignedIn()
  @ApiErrors(
    ...JSON_BODY_REFUSALS,
    'INVALID_CREDENTIALS',
    'CHALLENGE_INVALID',
    'CHALLENGE_EXPIRED',
    'CURRENT_PASSWORD_WRONG',
    'PASSWORD_POLICY',
    'ACCOUNT_LOCKED',
    'RATE_LIMITED',
  )
  async password(
    @Body() body: ChangePasswordDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginStep | { passwordChanged: true }> {
    if (body.challenge !== undefined) {
      if (body.currentPassword !== undefined) {
        throw validationFailed([
          {
            field: 'currentPassword',
            code: 'whitelistValidation',
            message: '凭 challenge 修改时不需要 / not used with a challenge',
          },
        ]);
      }
      return this.auth.changePasswordWithChallenge(
        body.challenge,
        body.newPassword,
        clientOf(request, response),
      );
    }
    // The token form: the same check AuthGuard makes.
    const session = await this.sessions.authenticate(bearerToken(request.headers.authorization));
    await this.auth.changePasswordWithSession(
      session,
      body.currentPassword,
      body.newPassword,
      clientOf(request, response),
    );
    return { passwordChanged: true };
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @UseGuards(AuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: '注销 / log out: the access token is revoked at once' })
  @ApiNoContentResponse({ description: '已注销 / logged out' })
  @SignedIn()
  async logout(@CurrentUser() session: StaffSession): Promise<void> {
    await this.auth.logout(session);
  }

  @Get('me')
  @UseGuards(AuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户 / the logged-in user' })
  @ApiOkResponse({ type: MeDto })
  @SignedIn()
  me(@CurrentUser() session: StaffSession): MeDto {
    return {
      userId: session.userId,
      username: session.username,
      name: session.name,
      unitCode: session.unitCode,
      roles: session.roles,
    };
  }
}

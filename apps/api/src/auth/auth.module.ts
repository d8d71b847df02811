import { Module } from '@nestjs/common';
import { type AppConfig } from '../../../../libs/config/src';
import { APP_CONFIG } from '../../../../libs/nest/src';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AUTH_SETTINGS, authSettingsFrom } from './auth-settings';
import { RateLimiter } from './rate-limiter.service';
import { SessionService } from './sessions.service';

/** Login with password and TOTP, sessions, lockout, login records and shared rate limits. */
@Module({
  controllers: [AuthController],
  providers: [
    {
      provide: AUTH_SETTINGS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => authSettingsFrom(config),
    },
    AuthService,
    SessionService,
    RateLimiter,
    AuthGuard,
  ],
  exports: [AUTH_SETTINGS, SessionService, RateLimiter, AuthGuard],
})
export class AuthModule {}

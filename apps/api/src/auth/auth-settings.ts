import { type AppConfig } from '../../../../libs/config/src';
import { isRole, ROLES } from '../../../../libs/domain/src/org/roles';

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');

/** The login rules, from the configuration (see libs/config/src/config.ts for each variable). */
export interface AuthSettings {
  totpOptionalRoles: readonly string[];
  sessionLifetimeHours: number;
  sessionIdleMinutes: number;
  challengeMinutes: number;
  lockoutThreshold: number;
  lockoutWindowMinutes: number;
  lockoutMinutes: number;
  loginRateLimitPerAddress: number;
  loginRateLimitPerUsername: number;
  loginRateWindowSeconds: number;
}

export function authSettingsFrom(config: AppConfig): AuthSettings {
  const unknown = config.TOTP_OPTIONAL_ROLES.filter((role) => !isRole(role));
  if (unknown.length > 0) {
    throw new Error(
      `配置错误 / invalid configuration: TOTP_OPTIONAL_ROLES: unknown role ${unknown.join(', ')} (roles: ${ROLES.join(', ')})`,
    );
  }
  return {
    totpOptionalRoles: config.TOTP_OPTIONAL_ROLES,
    sessionLifetimeHours: config.SESSION_LIFETIME_HOURS,
    sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
    challengeMinutes: config.AUTH_CHALLENGE_MINUTES,
    lockoutThreshold: config.LOGIN_LOCKOUT_THRESHOLD,
    lockoutWindowMinutes: config.LOGIN_LOCKOUT_WINDOW_MINUTES,
    lockoutMinutes: config.LOGIN_LOCKOUT_MINUTES,
    loginRateLimitPerAddress: config.LOGIN_RATE_LIMIT_PER_ADDRESS,
    loginRateLimitPerUsername: config.LOGIN_RATE_LIMIT_PER_USERNAME,
    loginRateWindowSeconds: config.LOGIN_RATE_WINDOW_SECONDS,
  };
}

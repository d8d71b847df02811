import { HttpStatus } from '@nestjs/common';
import { refusalOf, type RefusalTable } from '../http/api-error';

/** The stable codes of authentication failures, each with its status and a bilingual message. */
export const AUTH_ERRORS = {
  AUTH_REQUIRED: [HttpStatus.UNAUTHORIZED, '需要登录 / authentication required'],
  SESSION_EXPIRED: [HttpStatus.UNAUTHORIZED, '登录已过期，请重新登录 / session expired, please log in again'],
  SESSION_IDLE_TIMEOUT: [
    HttpStatus.UNAUTHORIZED,
    '长时间未操作，请重新登录 / session ended after inactivity, please log in again',
  ],
  SESSION_REVOKED: [HttpStatus.UNAUTHORIZED, '登录已注销 / session has been logged out'],
  INVALID_CREDENTIALS: [HttpStatus.UNAUTHORIZED, '用户名或密码错误 / wrong username or password'],
  INVALID_TOTP_CODE: [
    HttpStatus.UNAUTHORIZED,
    '动态验证码错误，请重新登录 / wrong one-time code, log in again',
  ],
  CHALLENGE_INVALID: [
    HttpStatus.UNAUTHORIZED,
    '登录步骤无效或已使用，请重新登录 / login step is invalid or already used, log in again',
  ],
  CHALLENGE_EXPIRED: [
    HttpStatus.UNAUTHORIZED,
    '登录步骤已超时，请重新登录 / login step timed out, log in again',
  ],
  ACCOUNT_LOCKED: [
    HttpStatus.LOCKED,
    '多次登录失败，账户已临时锁定 / account temporarily locked after repeated failures',
  ],
  CURRENT_PASSWORD_WRONG: [HttpStatus.FORBIDDEN, '当前密码错误 / current password is wrong'],
  RATE_LIMITED: [
    HttpStatus.TOO_MANY_REQUESTS,
    '请求过于频繁，请稍后再试 / too many requests, try again later',
  ],
} as const satisfies RefusalTable;

export type AuthErrorCode = keyof typeof AUTH_ERRORS;

export const authError = refusalOf(AUTH_ERRORS);

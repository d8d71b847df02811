import type { IssuedSession, LoginStep, PasswordChanged } from '../api/types';

/** Where the login screen stands: the password form, one of the API's further stages, or done. */
export type LoginScreen =
  | { step: 'password' }
  | { step: 'totp'; challenge: string }
  | { step: 'changePassword'; challenge: string }
  | { step: 'enrol'; challenge: string; otpauthUri: string }
  | { step: 'done'; accessToken: string };

/**
 * Each login call answers either a session (done) or the next stage with its challenge. The password
 * route also answers `passwordChanged` to a bearer-token change, which is not this screen's: it starts over.
 */
export function nextLoginScreen(answer: IssuedSession | LoginStep | PasswordChanged): LoginScreen {
  if ('passwordChanged' in answer) return { step: 'password' };
  if ('accessToken' in answer) return { step: 'done', accessToken: answer.accessToken };
  if (answer.stage === 'enrol') {
    return { step: 'enrol', challenge: answer.challenge, otpauthUri: answer.otpauthUri };
  }
  return { step: answer.stage, challenge: answer.challenge };
}

/** The secret inside an otpauth URI, for typing into an authenticator by hand when scanning fails. */
export function otpauthSecret(uri: string): string | null {
  try {
    return new URL(uri).searchParams.get('secret');
  } catch {
    return null;
  }
}

/**
 * What a refused login step says: the API's message, and each broken rule by name (a new password
 * refused by PASSWORD_POLICY lists every rule it breaks, e.g. 至少 12 个字符).
 */
export function refusalText(failure: { message: string; fields: readonly { message: string }[] }): {
  title: string;
  rules: string[];
} {
  return { title: failure.message, rules: failure.fields.map((field) => field.message) };
}

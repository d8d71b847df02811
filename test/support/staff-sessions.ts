import { URI } from 'otpauth';
import { newTotpSecret, totpCode } from '../../apps/api/src/auth/totp';
import { hashPassword } from '../../libs/persistence/src/auth';
import { PersonalDataProtector } from '../../libs/persistence/src/personal-data';
import { callApi } from './http';
import { type RunningApi, uniqueId } from './stack';
import { type DataSource } from 'typeorm';

export const TEST_PASSWORD = 'Initial-Passw0rd-2026';
let testPasswordHash: Promise<string> | undefined;

export interface SignedIn {
  userId: string;
  name: string;
  unitCode: string;
  token: string;
}

/**
 * A staff member with a password and TOTP already enrolled, logged in through the real endpoints
 * (password, then the second factor): the bearer token of a normal working session.
 */
export async function signIn(
  stack: { api: RunningApi; db: DataSource },
  unitCode: string,
  roles: string[],
  name = '工作人员',
): Promise<SignedIn> {
  const userId = `u-${uniqueId()}`;
  const username = `staff.${uniqueId().toLowerCase()}`;
  const secret = newTotpSecret();
  const protector = stack.api.app.get(PersonalDataProtector);
  await stack.db.query(`INSERT INTO users (id, username, name, unit_code) VALUES ($1, $2, $3, $4)`, [
    userId,
    username,
    name,
    unitCode,
  ]);
  for (const role of roles)
    await stack.db.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, $2)`, [userId, role]);
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  await stack.db.query(
    `INSERT INTO credentials (user_id, password_hash, must_change_password, totp_secret_enc, totp_enrolled_at) VALUES ($1, $2, false, $3, now())`,
    [userId, await testPasswordHash, protector.encrypt(secret)],
  );
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${stack.api.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, string>;
  };
  const { challenge } = await post('/auth/login', { username, password: TEST_PASSWORD });
  const { accessToken } = await post('/auth/totp', { challenge, code: totpCode(secret, Date.now()) });
  if (!accessToken) throw new Error(`could not sign ${username} in`);
  return { userId, name, unitCode, token: accessToken };
}

/** The Authorization header of a signed-in staff member. */
export function bearer(who: { token: string }): Record<string, string> {
  return { authorization: `Bearer ${who.token}` };
}

/** The password a test sets at an account's first login. */
export const FIRST_LOGIN_PASSWORD = 'Chosen-at-first-login 2026';

/**
 * The first login of a new account through the real endpoints: the one-time password, the forced
 * password change, TOTP enrolment. Answers the session token and the enrolled secret.
 */
export async function firstLogin(
  api: { url: string },
  username: string,
  oneTimePassword: string,
): Promise<{ token: string; secret: string }> {
  const login = await callApi(api, 'POST', '/auth/login', { username, password: oneTimePassword });
  if (login.body?.stage !== 'changePassword') throw new Error(`first login: ${JSON.stringify(login.body)}`);
  const changed = await callApi(api, 'POST', '/auth/password', {
    challenge: login.body.challenge,
    newPassword: FIRST_LOGIN_PASSWORD,
  });
  if (changed.body?.stage !== 'enrol') throw new Error(`password change: ${JSON.stringify(changed.body)}`);
  const secret = URI.parse(changed.body.otpauthUri).secret.base32;
  const enrolled = await callApi(api, 'POST', '/auth/enrol', {
    challenge: changed.body.challenge,
    code: totpCode(secret, Date.now()),
  });
  if (!enrolled.body?.accessToken) throw new Error(`enrolment: ${JSON.stringify(enrolled.body)}`);
  return { token: enrolled.body.accessToken, secret };
}

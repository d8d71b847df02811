import { URI } from 'otpauth';
import { type DataSource } from 'typeorm';
import { hashToken } from '../apps/api/src/auth/tokens';
import { newTotpSecret, totpCode } from '../apps/api/src/auth/totp';
import { ensureInitialAdministrator, hashPassword } from '../libs/persistence/src/auth';
import { createDataSource } from '../libs/persistence/src';
import { PersonalDataProtector } from '../libs/persistence/src/personal-data';
import { callApi } from './support/http';
import { createScratchDatabase } from './support/scratch-database';
import {
  createUnit,
  type RunningApi,
  startApiApp,
  startTestStack,
  type TestStack,
  uniqueId,
} from './support/stack';

const call = callApi;

/** A six-digit code that none of the accepted periods (previous, current, next) gives. */
function codeOutsideWindow(secret: string): string {
  const valid = [-1, 0, 1].map((period) => totpCode(secret, Date.now() + period * 30_000));
  let code = 0;
  while (valid.includes(String(code).padStart(6, '0'))) code++;
  return String(code).padStart(6, '0');
}

const INITIAL_PASSWORD = 'Initial-Passw0rd-2026';
const NEW_PASSWORD = 'Brand-new secret 42';

/** Login, second factor, idle timeout, revocation, lockout and shared rate limits over HTTP. */
describe('authentication', () => {
  let stack: TestStack;
  let db: DataSource;
  let unitCode: string;
  let protector: PersonalDataProtector;
  let initialHash: string;

  beforeAll(async () => {
    Object.assign(process.env, {
      LOGIN_RATE_LIMIT_PER_ADDRESS: '100000', // every test here logs in from 127.0.0.1
      LOGIN_RATE_LIMIT_PER_USERNAME: '8',
      LOGIN_RATE_WINDOW_SECONDS: '86400',
      TOTP_OPTIONAL_ROLES: '',
    });
    stack = await startTestStack();
    db = stack.db;
    unitCode = await createUnit(db);
    protector = stack.api.app.get(PersonalDataProtector);
    initialHash = await hashPassword(INITIAL_PASSWORD);
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** A user straight in the database, as an administrator or the seed would create one. */
  async function createUser(
    options: { roles?: string[]; mustChangePassword?: boolean; totpSecret?: string } = {},
  ): Promise<{ id: string; username: string }> {
    const id = `u-${uniqueId()}`;
    const username = `user.${uniqueId().toLowerCase()}`;
    await db.query(`INSERT INTO users (id, username, name, unit_code) VALUES ($1, $2, '李四', $3)`, [
      id,
      username,
      unitCode,
    ]);
    for (const role of options.roles ?? ['clerk'])
      await db.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, $2)`, [id, role]);
    await db.query(
      `INSERT INTO credentials (user_id, password_hash, must_change_password, totp_secret_enc, totp_enrolled_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $4::text IS NULL THEN NULL ELSE now() END)`,
      [
        id,
        initialHash,
        options.mustChangePassword ?? true,
        options.totpSecret ? protector.encrypt(options.totpSecret) : null,
      ],
    );
    return { id, username };
  }

  /** A logged-in session of a user with TOTP enrolled and no password change pending. */
  async function logIn(
    api: RunningApi = stack.api,
  ): Promise<{ id: string; username: string; token: string }> {
    const secret = newTotpSecret();
    const user = await createUser({ mustChangePassword: false, totpSecret: secret });
    const first = await call(api, 'POST', '/auth/login', {
      username: user.username,
      password: INITIAL_PASSWORD,
    });
    expect(first.body.stage).toBe('totp');
    const second = await call(api, 'POST', '/auth/totp', {
      challenge: first.body.challenge,
      code: totpCode(secret, Date.now()),
    });
    expect(second.status).toBe(200);
    return { ...user, token: second.body.accessToken };
  }

  it('makes a first login change the password and enrol TOTP, then asks for the code at every login', async () => {
    const user = await createUser();
    const api = stack.api;

    const first = await call(api, 'POST', '/auth/login', {
      username: user.username,
      password: INITIAL_PASSWORD,
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      stage: 'changePassword',
      challenge: expect.stringMatching(/^[\w-]{43}$/),
      challengeExpiresAt: expect.any(String),
    });
    const challengeRows = await db.query(`SELECT token_hash FROM auth_challenges WHERE user_id = $1`, [
      user.id,
    ]);
    expect(challengeRows).toEqual([{ token_hash: hashToken(first.body.challenge) }]);

    // The policy is checked before the challenge is spent, so the user can try again.
    const weak = await call(api, 'POST', '/auth/password', {
      challenge: first.body.challenge,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('PASSWORD_POLICY');
    expect(weak.body.fields.map((f: { code: string }) => f.code)).toContain('password.tooShort');
    const withName = await call(api, 'POST', '/auth/password', {
      challenge: first.body.challenge,
      newPassword: `X-${user.username}-2026`,
    });
    expect(withName.body.fields.map((f: { code: string }) => f.code)).toEqual(['password.containsUsername']);
    const same = await call(api, 'POST', '/auth/password', {
      challenge: first.body.challenge,
      newPassword: INITIAL_PASSWORD,
    });
    expect(same.body.fields.map((f: { code: string }) => f.code)).toEqual(['password.unchanged']);
    const unknownField = await call(api, 'POST', '/auth/password', {
      challenge: first.body.challenge,
      newPassword: NEW_PASSWORD,
      mustChangePassword: false,
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.code).toBe('VALIDATION_FAILED');

    const changed = await call(api, 'POST', '/auth/password', {
      challenge: first.body.challenge,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ stage: 'enrol', challenge: expect.any(String) });
    const reused = await call(api, 'POST', '/auth/password', {
      challenge: first.body.challenge,
      newPassword: 'Another good one 77',
    });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('CHALLENGE_INVALID');

    // A wrong enrolment code spends the challenge; logging in again gives a fresh secret.
    const firstSecret = URI.parse(changed.body.otpauthUri).secret.base32;
    const wrongCode = await call(api, 'POST', '/auth/enrol', {
      challenge: changed.body.challenge,
      code: codeOutsideWindow(firstSecret),
    });
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.body.code).toBe('INVALID_TOTP_CODE');
    const oldPassword = await call(api, 'POST', '/auth/login', {
      username: user.username,
      password: INITIAL_PASSWORD,
    });
    expect(oldPassword.body.code).toBe('INVALID_CREDENTIALS');
    const again = await call(api, 'POST', '/auth/login', { username: user.username, password: NEW_PASSWORD });
    expect(again.body.stage).toBe('enrol');
    const uri = URI.parse(again.body.otpauthUri);
    expect(uri).toMatchObject({ issuer: 'PetitionCaseEngine', label: user.username, digits: 6, period: 30 });
    const secret = uri.secret.base32;
    expect(secret).not.toBe(firstSecret);

    const enrolled = await call(api, 'POST', '/auth/enrol', {
      challenge: again.body.challenge,
      code: totpCode(secret, Date.now()),
    });
    expect(enrolled.status).toBe(200);
    expect(enrolled.body).toEqual({
      accessToken: expect.stringMatching(/^[\w-]{43}$/),
      expiresAt: expect.any(String),
    });
    const lifetime = Date.parse(enrolled.body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(7.9 * 3600_000);
    expect(lifetime).toBeLessThanOrEqual(8 * 3600_000);

    const [stored] = await db.query(
      `SELECT must_change_password, totp_secret_enc, totp_enrolled_at, password_hash FROM credentials WHERE user_id = $1`,
      [user.id],
    );
    expect(stored.must_change_password).toBe(false);
    expect(stored.totp_enrolled_at).not.toBeNull();
    expect(stored.totp_secret_enc).toMatch(/^v1:/);
    expect(stored.totp_secret_enc).not.toContain(secret);
    expect(protector.decrypt(stored.totp_secret_enc)).toBe(secret);
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const pending = await db.query(`SELECT pending_totp_secret_enc FROM auth_challenges WHERE user_id = $1`, [
      user.id,
    ]);
    for (const row of pending) expect(row.pending_totp_secret_enc ?? '').not.toContain(secret);
    const sessions = await db.query(`SELECT token_hash FROM sessions WHERE user_id = $1`, [user.id]);
    expect(sessions).toEqual([{ token_hash: hashToken(enrolled.body.accessToken) }]);

    const me = await call(api, 'GET', '/auth/me', undefined, enrolled.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      userId: user.id,
      username: user.username,
      name: '李四',
      unitCode,
      roles: ['clerk'],
    });

    // Next login: password, then the code (the enrolment's own code is spent; the next period's is in the window).
    const next = await call(api, 'POST', '/auth/login', { username: user.username, password: NEW_PASSWORD });
    expect(next.body).toMatchObject({ stage: 'totp' });
    const nextCode = totpCode(secret, Date.now() + 30_000);
    const loggedIn = await call(api, 'POST', '/auth/totp', {
      challenge: next.body.challenge,
      code: nextCode,
    });
    expect(loggedIn.status).toBe(200);
    expect(loggedIn.body.accessToken).toEqual(expect.any(String));
    // A code is accepted once.
    const replay = await call(api, 'POST', '/auth/login', {
      username: user.username,
      password: NEW_PASSWORD,
    });
    const replayed = await call(api, 'POST', '/auth/totp', {
      challenge: replay.body.challenge,
      code: nextCode,
    });
    expect(replayed.status).toBe(401);
    expect(replayed.body.code).toBe('INVALID_TOTP_CODE');

    const outcomes = await db.query(
      `SELECT stage, outcome FROM login_attempts WHERE user_id = $1 ORDER BY id`,
      [user.id],
    );
    expect(outcomes).toEqual([
      { stage: 'password', outcome: 'ok' },
      { stage: 'changePassword', outcome: 'ok' },
      { stage: 'enrol', outcome: 'badCode' },
      { stage: 'password', outcome: 'badPassword' },
      { stage: 'password', outcome: 'ok' },
      { stage: 'enrol', outcome: 'ok' },
      { stage: 'password', outcome: 'ok' },
      { stage: 'totp', outcome: 'ok' },
      { stage: 'password', outcome: 'ok' },
      { stage: 'totp', outcome: 'badCode' },
    ]);
  });

  it('locks an account after five wrong passwords, even against the right one, and records every attempt', async () => {
    const user = await createUser();
    for (let attempt = 1; attempt <= 4; attempt++) {
      const wrong = await call(stack.api, 'POST', '/auth/login', {
        username: user.username,
        password: `wrong-${attempt}`,
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual({
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: '用户名或密码错误 / wrong username or password',
      });
    }
    const fifth = await call(stack.api, 'POST', '/auth/login', {
      username: user.username,
      password: 'wrong-5',
    });
    expect(fifth.status).toBe(423);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
    const right = await call(stack.api, 'POST', '/auth/login', {
      username: user.username,
      password: INITIAL_PASSWORD,
    });
    expect(right.status).toBe(423);
    expect(right.body.code).toBe('ACCOUNT_LOCKED');

    const unknownName = `nobody.${uniqueId().toLowerCase()}`;
    const unknown = await call(stack.api, 'POST', '/auth/login', {
      username: unknownName,
      password: 'whatever',
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');

    const attempts = await db.query(
      `SELECT user_id, username, stage, outcome, client_address, attempted_at FROM login_attempts
       WHERE username IN ($1, $2) ORDER BY id`,
      [user.username, unknownName],
    );
    expect(attempts.map((a: { outcome: string }) => a.outcome)).toEqual([
      'badPassword',
      'badPassword',
      'badPassword',
      'badPassword',
      'badPassword',
      'locked',
      'unknownUser',
    ]);
    expect(attempts.slice(0, 6).every((a: { user_id: string }) => a.user_id === user.id)).toBe(true);
    expect(attempts[6]).toMatchObject({ user_id: null, username: unknownName });
    for (const attempt of attempts) {
      expect(attempt.client_address).toMatch(/127\.0\.0\.1/);
      expect(Date.now() - new Date(attempt.attempted_at).getTime()).toBeLessThan(60_000);
    }
    const [credentials] = await db.query(
      `SELECT locked_until > now() + interval '14 minutes' AS locked_for_15 FROM credentials WHERE user_id = $1`,
      [user.id],
    );
    expect(credentials.locked_for_15).toBe(true);

    // When the lock has run out, the right password works again.
    await db.query(`UPDATE credentials SET locked_until = now() - interval '1 second' WHERE user_id = $1`, [
      user.id,
    ]);
    const unlocked = await call(stack.api, 'POST', '/auth/login', {
      username: user.username,
      password: INITIAL_PASSWORD,
    });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.stage).toBe('changePassword');
  });

  it('revokes the token on logout', async () => {
    const { token } = await logIn();
    expect((await call(stack.api, 'GET', '/auth/me', undefined, token)).status).toBe(200);
    const out = await call(stack.api, 'POST', '/auth/logout', undefined, token);
    expect(out.status).toBe(204);
    for (const [method, path] of [
      ['GET', '/auth/me'],
      ['POST', '/auth/logout'],
    ] as const) {
      const after = await call(stack.api, method, path, undefined, token);
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('SESSION_REVOKED');
    }
    const [session] = await db.query(`SELECT revoked_reason FROM sessions WHERE token_hash = $1`, [
      hashToken(token),
    ]);
    expect(session.revoked_reason).toBe('logout');

    const none = await call(stack.api, 'GET', '/auth/me');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('AUTH_REQUIRED');
    const forged = await call(stack.api, 'GET', '/auth/me', undefined, 'A'.repeat(43));
    expect(forged.body.code).toBe('AUTH_REQUIRED');
  });

  it('ends a session after the idle timeout and at its absolute expiry; every use refreshes the idle window', async () => {
    const { token } = await logIn();
    const tokenHash = hashToken(token);
    await db.query(`UPDATE sessions SET last_used_at = now() - interval '29 minutes' WHERE token_hash = $1`, [
      tokenHash,
    ]);
    expect((await call(stack.api, 'GET', '/auth/me', undefined, token)).status).toBe(200);
    const [refreshed] = await db.query(
      `SELECT last_used_at > now() - interval '1 minute' AS fresh FROM sessions WHERE token_hash = $1`,
      [tokenHash],
    );
    expect(refreshed.fresh).toBe(true);

    await db.query(`UPDATE sessions SET last_used_at = now() - interval '31 minutes' WHERE token_hash = $1`, [
      tokenHash,
    ]);
    const idle = await call(stack.api, 'GET', '/auth/me', undefined, token);
    expect(idle.status).toBe(401);
    expect(idle.body).toEqual({
      statusCode: 401,
      code: 'SESSION_IDLE_TIMEOUT',
      message: '长时间未操作，请重新登录 / session ended after inactivity, please log in again',
    });

    const other = await logIn();
    await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
      hashToken(other.token),
    ]);
    const expired = await call(stack.api, 'GET', '/auth/me', undefined, other.token);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('SESSION_EXPIRED');
  });

  it('changes a password with a token and the current password, ending the other sessions', async () => {
    const user = await logIn();
    const secondSession = await call(stack.api, 'POST', '/auth/login', {
      username: user.username,
      password: INITIAL_PASSWORD,
    });
    expect(secondSession.body.stage).toBe('totp');

    const noToken = await call(stack.api, 'POST', '/auth/password', {
      currentPassword: INITIAL_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(noToken.body.code).toBe('AUTH_REQUIRED');
    const wrongCurrent = await call(
      stack.api,
      'POST',
      '/auth/password',
      { currentPassword: 'not-it', newPassword: NEW_PASSWORD },
      user.token,
    );
    expect(wrongCurrent.status).toBe(403);
    expect(wrongCurrent.body.code).toBe('CURRENT_PASSWORD_WRONG');

    // A second session of the same user, straight in the database (as another device would have).
    const other = await db.query(
      `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour') RETURNING id`,
      [hashToken(`other-device-${uniqueId()}`), user.id],
    );
    const changed = await call(
      stack.api,
      'POST',
      '/auth/password',
      { currentPassword: INITIAL_PASSWORD, newPassword: NEW_PASSWORD },
      user.token,
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ passwordChanged: true });
    expect((await call(stack.api, 'GET', '/auth/me', undefined, user.token)).status).toBe(200);
    const [otherSession] = await db.query(`SELECT revoked_reason FROM sessions WHERE id = $1`, [other[0].id]);
    expect(otherSession.revoked_reason).toBe('passwordChanged');
    const oldLogin = await call(stack.api, 'POST', '/auth/login', {
      username: user.username,
      password: INITIAL_PASSWORD,
    });
    expect(oldLogin.body.code).toBe('INVALID_CREDENTIALS');
    const attempts = await db.query(
      `SELECT stage, outcome FROM login_attempts WHERE user_id = $1 AND stage = 'changePassword' ORDER BY id`,
      [user.id],
    );
    expect(attempts).toEqual([
      { stage: 'changePassword', outcome: 'badPassword' },
      { stage: 'changePassword', outcome: 'ok' },
    ]);
  });

  it('shares the login rate limit between API instances (PostgreSQL), and reads TOTP_OPTIONAL_ROLES per role', async () => {
    process.env.TOTP_OPTIONAL_ROLES = 'supervisor';
    const second = await startApiApp();
    process.env.TOTP_OPTIONAL_ROLES = '';
    try {
      const username = `sprayed.${uniqueId().toLowerCase()}`;
      for (let attempt = 1; attempt <= 8; attempt++) {
        const api = attempt % 2 === 0 ? second : stack.api;
        const reply = await call(api, 'POST', '/auth/login', { username, password: `guess-${attempt}` });
        expect(reply.status).toBe(401);
      }
      for (const api of [stack.api, second]) {
        const limited = await call(api, 'POST', '/auth/login', { username, password: 'guess-9' });
        expect(limited.status).toBe(429);
        expect(limited.body.code).toBe('RATE_LIMITED');
        expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      const [counter] = await db.query(`SELECT sum(count)::int AS count FROM rate_limits WHERE key = $1`, [
        `login:username:${username}`,
      ]);
      expect(counter.count).toBe(10);
      const outcomes = await db.query(`SELECT outcome FROM login_attempts WHERE username = $1 ORDER BY id`, [
        username,
      ]);
      expect(outcomes.map((o: { outcome: string }) => o.outcome)).toEqual([
        ...Array(8).fill('unknownUser'),
        'rateLimited',
        'rateLimited',
      ]);

      // TOTP is optional for supervisors on the second instance only (its configuration says so).
      const supervisor = await createUser({ roles: ['supervisor'], mustChangePassword: false });
      const onSecond = await call(second, 'POST', '/auth/login', {
        username: supervisor.username,
        password: INITIAL_PASSWORD,
      });
      expect(onSecond.body).toEqual({ accessToken: expect.any(String), expiresAt: expect.any(String) });
      const onFirst = await call(stack.api, 'POST', '/auth/login', {
        username: supervisor.username,
        password: INITIAL_PASSWORD,
      });
      expect(onFirst.body.stage).toBe('enrol');
      // A session made by one instance is valid on the other.
      expect((await call(stack.api, 'GET', '/auth/me', undefined, onSecond.body.accessToken)).status).toBe(
        200,
      );
    } finally {
      await second.app.close();
    }
  });

  it('seeds one administrator whose first login forces a password change', async () => {
    // A database of its own: other test files create administrators in the shared one.
    const scratch = await createScratchDatabase();
    const sharedUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = scratch.urls.appUrl;
    const api = await startApiApp().finally(() => (process.env.DATABASE_URL = sharedUrl));
    const owner = await createDataSource({ url: scratch.urls.ownerUrl, poolSize: 2 }).initialize();
    try {
      const seeded = await ensureInitialAdministrator(owner);
      expect(seeded).toEqual({ username: 'admin', password: expect.stringMatching(/^[\w-]{24}$/) });
      expect(await ensureInitialAdministrator(owner)).toBeUndefined();
      const [admin] = await owner.query(
        `SELECT u.unit_code, array_agg(r.role) AS roles, c.must_change_password
         FROM users u JOIN user_roles r ON r.user_id = u.id JOIN credentials c ON c.user_id = u.id
         WHERE u.username = 'admin' GROUP BY u.unit_code, c.must_change_password`,
      );
      expect(admin).toEqual({ unit_code: 'QX', roles: ['admin'], must_change_password: true });
      const login = await call(api, 'POST', '/auth/login', {
        username: 'admin',
        password: seeded!.password,
      });
      expect(login.status).toBe(200);
      expect(login.body.stage).toBe('changePassword');
    } finally {
      await api.app.close();
      await owner.destroy();
      await scratch.drop();
    }
  });
});

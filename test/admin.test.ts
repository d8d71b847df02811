import { DataSource } from 'typeorm';
import { totpCode } from '../apps/api/src/auth/totp';
import { type Calendar } from '../libs/domain/src/clock/calendar';
import { DEFAULT_POLICY } from '../libs/domain/src/policy/default-policy';
import { PublicationError, recordPublication } from '../libs/persistence/src';
import { recordCalendarPublication } from '../scripts/publish-calendar';
import { callApi } from './support/http';
import {
  FIRST_LOGIN_PASSWORD,
  firstLogin,
  type SignedIn,
  signIn,
  TEST_PASSWORD,
} from './support/staff-sessions';
import { createUnit, startTestStack, type TestStack, uniqueId } from './support/stack';

interface AuditRow {
  actor_id: string;
  action: string;
  target: string;
  unit_code: string | null;
  details: Record<string, unknown>;
  client_address: string | null;
}

/** User administration over HTTP: accounts, roles, units, scope, and the append-only admin_audit. */
describe('administration', () => {
  let stack: TestStack;
  let db: DataSource;
  /** The API's own connection, as the restricted application role. */
  let appDb: DataSource;
  let top: string;
  let child: string;
  let elsewhere: string;
  let admin: SignedIn;
  let childAdmin: SignedIn;
  let clerk: SignedIn;
  /** Every one-time password the API handed out here. */
  const issuedPasswords: string[] = [];

  beforeAll(async () => {
    process.env.TOTP_OPTIONAL_ROLES = '';
    stack = await startTestStack();
    db = stack.db;
    appDb = stack.api.app.get(DataSource);
    top = await createUnit(db, '测试区');
    child = `${top}-A`;
    await db.query(`INSERT INTO units (code, name, level, parent_code) VALUES ($1, '测试镇', 'town', $2)`, [
      child,
      top,
    ]);
    elsewhere = await createUnit(db, '另一区');
    admin = await signIn(stack, top, ['admin'], '区管理员');
    childAdmin = await signIn(stack, child, ['admin'], '镇管理员');
    clerk = await signIn(stack, top, ['clerk'], '登记员');
  });

  afterAll(async () => {
    await stack?.close();
  });

  function call(method: 'GET' | 'POST' | 'PUT', path: string, token?: string, body?: unknown) {
    return callApi(stack.api, method, path, body, token);
  }

  function auditOf(target: string): Promise<AuditRow[]> {
    return db.query(
      `SELECT actor_id, action, target, unit_code, details, client_address FROM admin_audit WHERE target = $1 ORDER BY id`,
      [target],
    );
  }

  async function createThroughApi(
    roles: string[] = ['clerk'],
    unitCode = child,
  ): Promise<{ id: string; username: string; oneTimePassword: string }> {
    const username = `staff.${uniqueId().toLowerCase()}`;
    const created = await call('POST', '/admin/users', admin.token, {
      username,
      name: '王五',
      unitCode,
      roles,
    });
    expect(created.status).toBe(201);
    issuedPasswords.push(created.body.oneTimePassword);
    return { id: created.body.user.id, username, oneTimePassword: created.body.oneTimePassword };
  }

  it('creates a user whose first login changes the one-time password and enrols TOTP, audited once without the password', async () => {
    const username = `li.${uniqueId().toLowerCase()}`;
    const created = await call('POST', '/admin/users', admin.token, {
      username,
      name: '李四',
      unitCode: child,
      roles: ['handler', 'clerk'],
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const { user, oneTimePassword } = created.body;
    issuedPasswords.push(oneTimePassword);
    expect(oneTimePassword).toMatch(/^[\w-]{24}$/);
    expect(user).toEqual({
      id: expect.stringMatching(/^u-/),
      username,
      name: '李四',
      unitCode: child,
      roles: ['clerk', 'handler'],
      active: true,
      totpEnrolled: false,
      locked: false,
      mustChangePassword: true,
      createdAt: expect.any(String),
    });
    const [credentials] = await db.query(
      `SELECT password_hash, must_change_password, totp_secret_enc FROM credentials WHERE user_id = $1`,
      [user.id],
    );
    expect(credentials.password_hash).toMatch(/^\$argon2id\$/);
    expect(credentials.password_hash).not.toContain(oneTimePassword);
    expect(credentials).toMatchObject({ must_change_password: true, totp_secret_enc: null });

    const audit = await auditOf(user.id);
    expect(audit).toEqual([
      {
        actor_id: admin.userId,
        action: 'user.create',
        target: user.id,
        unit_code: child,
        details: { username, name: '李四', unitCode: child, roles: ['clerk', 'handler'] },
        client_address: expect.stringContaining('127.0.0.1'),
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(oneTimePassword);

    const { token } = await firstLogin(stack.api, username, oneTimePassword);
    const me = await call('GET', '/auth/me', token);
    expect(me.body).toMatchObject({ userId: user.id, unitCode: child, roles: ['clerk', 'handler'] });
    const listed = await call('GET', `/admin/users?unit=${child}`, admin.token);
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((item: { id: string }) => item.id === user.id)).toMatchObject({
      totpEnrolled: true,
      mustChangePassword: false,
      active: true,
    });

    const taken = await call('POST', '/admin/users', admin.token, {
      username,
      name: '另一个李四',
      unitCode: child,
      roles: ['clerk'],
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'USERNAME_TAKEN', fields: [{ field: 'username' }] });
    expect(
      await db.query(`SELECT 1 FROM admin_audit WHERE details->>'username' = $1`, [username]),
    ).toHaveLength(1);
  });

  it('changes roles with effect at the next request, recording before and after', async () => {
    const user = await createThroughApi(['clerk']);
    const { token } = await firstLogin(stack.api, user.username, user.oneTimePassword);
    expect((await call('GET', '/admin/units', token)).body.code).toBe('ROLE_NOT_ALLOWED');

    const bothDuties = await call('PUT', `/admin/users/${user.id}/roles`, admin.token, {
      roles: ['admin', 'clerk'],
    });
    expect([bothDuties.status, bothDuties.body.code]).toEqual([422, 'ADMIN_WITH_CASE_ROLES']);
    const promoted = await call('PUT', `/admin/users/${user.id}/roles`, admin.token, { roles: ['admin'] });
    expect(promoted.status).toBe(200);
    expect(promoted.body.user.roles).toEqual(['admin']);
    const units = await call('GET', '/admin/units', token);
    expect(units.status).toBe(200);
    expect(units.body.items[0].code).toBe(child);
    expect(units.body.items.map((unit: { code: string }) => unit.code)).not.toContain(top);

    const unchanged = await call('PUT', `/admin/users/${user.id}/roles`, admin.token, { roles: ['admin'] });
    expect(unchanged.status).toBe(200);
    const audit = await auditOf(user.id);
    expect(audit.map((row) => row.action)).toEqual(['user.create', 'user.roles']);
    expect(audit[1]).toMatchObject({
      actor_id: admin.userId,
      unit_code: child,
      details: { username: user.username, before: ['clerk'], after: ['admin'] },
    });

    const none = await call('PUT', `/admin/users/${user.id}/roles`, admin.token, { roles: [] });
    expect(none.status).toBe(400);
    expect(none.body.fields).toEqual([
      { field: 'roles', code: 'arrayMinSize', message: expect.stringContaining('min 1') },
    ]);
    const unknown = await call('PUT', `/admin/users/${user.id}/roles`, admin.token, { roles: ['boss'] });
    expect(unknown.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'roles', code: 'isIn' }],
    });
    const missing = await call('PUT', `/admin/users/u-nobody/roles`, admin.token, { roles: ['clerk'] });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('USER_NOT_FOUND');
  });

  it('deactivation ends every session and refuses logins; reactivation lets the user log in again', async () => {
    const user = await createThroughApi();
    const { token, secret } = await firstLogin(stack.api, user.username, user.oneTimePassword);
    const halfway = await call('POST', '/auth/login', undefined, {
      username: user.username,
      password: FIRST_LOGIN_PASSWORD,
    });
    expect(halfway.body.stage).toBe('totp');
    expect((await call('GET', '/auth/me', token)).status).toBe(200);

    const deactivated = await call('POST', `/admin/users/${user.id}/deactivate`, admin.token);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ sessionsRevoked: 1, user: { id: user.id, active: false } });
    const refused = await call('GET', '/auth/me', token);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('SESSION_REVOKED');
    expect(await db.query(`SELECT revoked_reason FROM sessions WHERE user_id = $1`, [user.id])).toEqual([
      { revoked_reason: 'deactivated' },
    ]);
    const login = await call('POST', '/auth/login', undefined, {
      username: user.username,
      password: FIRST_LOGIN_PASSWORD,
    });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('INVALID_CREDENTIALS');
    const finishing = await call('POST', '/auth/totp', undefined, {
      challenge: halfway.body.challenge,
      code: totpCode(secret, Date.now() + 30_000),
    });
    expect(finishing.status).toBe(401);
    const again = await call('POST', `/admin/users/${user.id}/deactivate`, admin.token);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('USER_ALREADY_INACTIVE');

    const reactivated = await call('POST', `/admin/users/${user.id}/reactivate`, admin.token);
    expect(reactivated.status).toBe(200);
    expect(reactivated.body.user.active).toBe(true);
    expect((await call('GET', '/auth/me', token)).status).toBe(401);
    const back = await call('POST', '/auth/login', undefined, {
      username: user.username,
      password: FIRST_LOGIN_PASSWORD,
    });
    const session = await call('POST', '/auth/totp', undefined, {
      challenge: back.body.challenge,
      code: totpCode(secret, Date.now() + 30_000),
    });
    expect(session.status).toBe(200);
    expect((await call('GET', '/auth/me', session.body.accessToken)).status).toBe(200);

    const audit = await auditOf(user.id);
    expect(audit.map((row) => [row.action, row.actor_id, row.details])).toEqual([
      ['user.create', admin.userId, expect.any(Object)],
      ['user.deactivate', admin.userId, { username: user.username, sessionsRevoked: 1 }],
      ['user.reactivate', admin.userId, { username: user.username }],
    ]);
  });

  it('resets credentials: a new one-time password, TOTP and lockout cleared, sessions ended', async () => {
    const user = await createThroughApi();
    const { token } = await firstLogin(stack.api, user.username, user.oneTimePassword);
    await db.query(`UPDATE credentials SET locked_until = now() + interval '1 hour' WHERE user_id = $1`, [
      user.id,
    ]);
    const locked = await call('POST', '/auth/login', undefined, {
      username: user.username,
      password: FIRST_LOGIN_PASSWORD,
    });
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');

    await db.query(`UPDATE credentials SET locked_until = NULL WHERE user_id = $1`, [user.id]);
    const halfway = await call('POST', '/auth/login', undefined, {
      username: user.username,
      password: FIRST_LOGIN_PASSWORD,
    });
    expect(halfway.body.stage).toBe('totp');
    await db.query(`UPDATE credentials SET locked_until = now() + interval '1 hour' WHERE user_id = $1`, [
      user.id,
    ]);

    const reset = await call('POST', `/admin/users/${user.id}/reset-credentials`, admin.token);
    expect(reset.status).toBe(200);
    expect(reset.headers.get('cache-control')).toBe('no-store');
    expect(reset.body).toMatchObject({
      oneTimePassword: expect.stringMatching(/^[\w-]{24}$/),
      sessionsRevoked: 1,
      user: { locked: false, totpEnrolled: false, mustChangePassword: true, active: true },
    });
    issuedPasswords.push(reset.body.oneTimePassword);
    expect(reset.body.oneTimePassword).not.toBe(user.oneTimePassword);
    expect((await call('GET', '/auth/me', token)).body.code).toBe('SESSION_REVOKED');
    // A login begun before the reset cannot finish against the cleared second factor.
    const stale = await call('POST', '/auth/totp', undefined, {
      challenge: halfway.body.challenge,
      code: '000000',
    });
    expect([stale.status, stale.body.code]).toEqual([401, 'CHALLENGE_INVALID']);
    const old = await call('POST', '/auth/login', undefined, {
      username: user.username,
      password: FIRST_LOGIN_PASSWORD,
    });
    expect(old.body.code).toBe('INVALID_CREDENTIALS');
    // No code is asked before the change: the old second factor is gone, a new one is enrolled.
    await firstLogin(stack.api, user.username, reset.body.oneTimePassword);

    const [row] = (await auditOf(user.id)).filter((entry) => entry.action === 'user.resetCredentials');
    expect(row).toMatchObject({
      actor_id: admin.userId,
      details: { username: user.username, sessionsRevoked: 1 },
    });
    expect(JSON.stringify(row)).not.toContain(reset.body.oneTimePassword);
  });

  it('keeps an administrator within their unit subtree', async () => {
    const units = await call('GET', '/admin/units', childAdmin.token);
    expect(units.body.items[0]).toEqual({
      code: child,
      name: '测试镇',
      level: 'town',
      parentCode: top,
      depth: 0,
    });
    expect(units.body.items.map((unit: { code: string }) => unit.code)).not.toContain(top);
    const outside = [
      await call('POST', '/admin/users', childAdmin.token, {
        username: `x.${uniqueId().toLowerCase()}`,
        name: '越权',
        unitCode: top,
        roles: ['clerk'],
      }),
      await call('POST', '/admin/units', childAdmin.token, {
        code: `${top}-Z`,
        name: '越权单位',
        level: 'town',
        parentCode: top,
      }),
      await call('GET', `/admin/users?unit=${elsewhere}`, childAdmin.token),
      await call('PUT', `/admin/users/${clerk.userId}/roles`, childAdmin.token, { roles: ['admin'] }),
      await call('POST', `/admin/users/${admin.userId}/deactivate`, childAdmin.token),
      await call('POST', `/admin/users/${admin.userId}/reset-credentials`, childAdmin.token),
    ];
    expect(outside.map((reply) => [reply.status, reply.body.code, reply.body.fields[0].field])).toEqual([
      [403, 'UNIT_OUT_OF_SCOPE', 'unitCode'],
      [403, 'UNIT_OUT_OF_SCOPE', 'parentCode'],
      [403, 'UNIT_OUT_OF_SCOPE', 'unit'],
      [403, 'UNIT_OUT_OF_SCOPE', 'unitCode'],
      [403, 'UNIT_OUT_OF_SCOPE', 'unitCode'],
      [403, 'UNIT_OUT_OF_SCOPE', 'unitCode'],
    ]);
    const [clerkRoles] = await db.query(
      `SELECT array_agg(role) AS roles FROM user_roles WHERE user_id = $1`,
      [clerk.userId],
    );
    expect(clerkRoles.roles).toEqual(['clerk']);
    expect(await auditOf(`${top}-Z`)).toEqual([]);
    const unknown = await call('POST', '/admin/users', admin.token, {
      username: `y.${uniqueId().toLowerCase()}`,
      name: '无单位',
      unitCode: `${top}-NOPE`,
      roles: ['clerk'],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'UNIT_UNKNOWN', fields: [{ field: 'unitCode' }] });

    const users = await call('GET', '/admin/users', childAdmin.token);
    expect(users.status).toBe(200);
    expect(users.body.items.every((item: { unitCode: string }) => item.unitCode === child)).toBe(true);
    expect(users.body.items.map((item: { id: string }) => item.id)).toContain(childAdmin.userId);
  });

  it('creates units below one in scope, refusing duplicates and malformed codes', async () => {
    const code = `${child}-V1`;
    const created = await call('POST', '/admin/units', childAdmin.token, {
      code,
      name: '新村',
      level: 'village',
      parentCode: child,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ code, name: '新村', level: 'village', parentCode: child });
    const units = await call('GET', '/admin/units', admin.token);
    expect(units.body.items.map((unit: { code: string; depth: number }) => [unit.code, unit.depth])).toEqual([
      [top, 0],
      [child, 1],
      [code, 2],
    ]);
    const duplicate = await call('POST', '/admin/units', admin.token, {
      code,
      name: '重复',
      level: 'village',
      parentCode: top,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'UNIT_CODE_TAKEN', fields: [{ field: 'code' }] });
    const malformed = await call('POST', '/admin/units', admin.token, {
      code: 'lower case',
      name: '',
      level: 'province',
      parentCode: child,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'code',
      'level',
      'name',
    ]);
    expect(await auditOf(code)).toEqual([
      {
        actor_id: childAdmin.userId,
        action: 'unit.create',
        target: code,
        unit_code: code,
        details: { code, name: '新村', level: 'village', parentCode: child },
        client_address: expect.any(String),
      },
    ]);
  });

  it('answers 403 to non-administrators and 401 without a token, on every endpoint', async () => {
    const requests: [method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown][] = [
      ['GET', '/admin/units'],
      ['POST', '/admin/units', { code: `${top}-N`, name: '单位', level: 'town', parentCode: top }],
      ['GET', '/admin/users'],
      ['POST', '/admin/users', { username: 'no.body', name: '无', unitCode: top, roles: ['admin'] }],
      ['PUT', `/admin/users/${clerk.userId}/roles`, { roles: ['admin'] }],
      ['POST', `/admin/users/${admin.userId}/deactivate`],
      ['POST', `/admin/users/${admin.userId}/reactivate`],
      ['POST', `/admin/users/${admin.userId}/reset-credentials`],
      ['GET', '/admin/audit'],
    ];
    for (const [method, path, body] of requests) {
      const asClerk = await call(method, path, clerk.token, body);
      expect([path, asClerk.status, asClerk.body.code]).toEqual([path, 403, 'ROLE_NOT_ALLOWED']);
      const anonymous = await call(method, path, undefined, body);
      expect([path, anonymous.status, anonymous.body.code]).toEqual([path, 401, 'AUTH_REQUIRED']);
    }
    expect(await db.query(`SELECT 1 FROM admin_audit WHERE actor_id = $1`, [clerk.userId])).toEqual([]);
  });

  it('refuses an administrator locking themselves out', async () => {
    const self = await signIn(stack, child, ['admin'], '自己');
    const deactivate = await call('POST', `/admin/users/${self.userId}/deactivate`, self.token);
    expect([deactivate.status, deactivate.body.code]).toEqual([422, 'CANNOT_DEACTIVATE_SELF']);
    const demote = await call('PUT', `/admin/users/${self.userId}/roles`, self.token, { roles: ['clerk'] });
    expect([demote.status, demote.body.code]).toEqual([422, 'CANNOT_CHANGE_OWN_ROLES']);
    const reset = await call('POST', `/admin/users/${self.userId}/reset-credentials`, self.token);
    expect([reset.status, reset.body.code]).toEqual([422, 'CANNOT_RESET_OWN_CREDENTIALS']);
    // Separation of duties: an administrator cannot give themselves the power to read petitions.
    const widen = await call('PUT', `/admin/users/${self.userId}/roles`, self.token, {
      roles: ['admin', 'supervisor'],
    });
    expect([widen.status, widen.body.code]).toEqual([422, 'CANNOT_CHANGE_OWN_ROLES']);
    expect(await auditOf(self.userId)).toEqual([]);
  });

  it('validates the new user, naming every field at fault', async () => {
    const invalid = await call('POST', '/admin/users', admin.token, {
      username: 'X',
      name: '',
      unitCode: 'bad code',
      roles: ['clerk', 'clerk'],
      password: 'chosen-by-admin',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    expect(
      invalid.body.fields
        .map((field: { field: string; code: string }) => `${field.field}:${field.code}`)
        .sort(),
    ).toEqual([
      'name:isNotEmpty',
      'password:whitelistValidation',
      'roles:arrayUnique',
      'unitCode:matches',
      'username:matches',
    ]);
  });

  it('lists the audit trail of the subtree, newest first, in pages', async () => {
    const first = await createThroughApi(['clerk'], child);
    const second = await createThroughApi(['handler'], child);
    const atTop = await createThroughApi(['clerk'], top);
    const page1 = await call('GET', '/admin/audit?limit=1', childAdmin.token);
    expect(page1.status).toBe(200);
    expect(page1.body.items).toEqual([
      {
        id: expect.any(String),
        occurredAt: expect.any(String),
        actorId: admin.userId,
        actorName: '区管理员',
        action: 'user.create',
        target: second.id,
        unitCode: child,
        details: expect.objectContaining({ username: second.username }),
        clientAddress: expect.any(String),
      },
    ]);
    const page2 = await call('GET', `/admin/audit?limit=1&cursor=${page1.body.nextCursor}`, childAdmin.token);
    expect(page2.body.items.map((item: { target: string }) => item.target)).toEqual([first.id]);

    const scoped = await call('GET', '/admin/audit?limit=200', childAdmin.token);
    const scopedUnits = new Set(scoped.body.items.map((item: { unitCode: string | null }) => item.unitCode));
    expect(scopedUnits.has(top)).toBe(false);
    expect(scopedUnits.has(null)).toBe(false);
    const whole = await call('GET', '/admin/audit?limit=200', admin.token);
    const targets = whole.body.items.map((item: { target: string }) => item.target);
    expect(targets).toContain(atTop.id);
    expect(targets.indexOf(atTop.id)).toBeLessThan(targets.indexOf(first.id));
    expect(targets).toContain(second.id);
    const bad = await call('GET', '/admin/audit?cursor=abc&limit=0', admin.token);
    expect(bad.body.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'cursor',
      'limit',
    ]);
  });

  it('records calendar and policy publications with who and what', async () => {
    const version = `cal-${uniqueId()}`;
    const calendar: Calendar = {
      version,
      timeZone: 'Asia/Shanghai',
      weeklyRestDays: ['SAT', 'SUN'],
      holidays: ['2027-10-01', '2028-01-01'],
      makeupWorkdays: ['2027-09-26'],
    };
    expect(await recordCalendarPublication(appDb, calendar, { by: admin.userId, strategy: 'auto' })).toEqual({
      firstPublication: true,
    });
    expect(await recordCalendarPublication(appDb, calendar, { strategy: 'list' })).toEqual({
      firstPublication: false,
    });
    expect(await auditOf(version)).toEqual([
      {
        actor_id: admin.userId,
        action: 'calendar.publish',
        target: version,
        unit_code: null,
        details: { version, firstPublication: true, years: [2027, 2028], strategy: 'auto' },
        client_address: null,
      },
      {
        actor_id: 'system',
        action: 'calendar.publish',
        target: version,
        unit_code: null,
        details: { version, firstPublication: false, years: [2027, 2028], strategy: 'list' },
        client_address: null,
      },
    ]);
    const [stored] = await db.query(`SELECT document, created_by FROM calendars WHERE version = $1`, [
      version,
    ]);
    expect(stored).toEqual({ document: calendar, created_by: admin.userId });
    await expect(
      recordCalendarPublication(appDb, { ...calendar, holidays: ['2027-10-02'] }, { strategy: 'auto' }),
    ).rejects.toThrow(PublicationError);
    await expect(
      recordCalendarPublication(appDb, calendar, { by: clerk.userId, strategy: 'auto' }),
    ).rejects.toThrow(/not an active user with the admin role/);
    expect(await auditOf(version)).toHaveLength(2);

    const policyVersion = `policy-${uniqueId()}`;
    await recordPublication(appDb, {
      kind: 'policy',
      version: policyVersion,
      document: { ...DEFAULT_POLICY, version: policyVersion },
      actorId: admin.userId,
    });
    expect(await auditOf(policyVersion)).toMatchObject([
      {
        actor_id: admin.userId,
        action: 'policy.publish',
        details: { version: policyVersion, firstPublication: true },
      },
    ]);
    const topAudit = await call('GET', '/admin/audit?limit=200', admin.token);
    expect(topAudit.body.items.map((item: { target: string }) => item.target)).toContain(policyVersion);
  });

  it('keeps admin_audit append-only, for the application and the owner alike', async () => {
    await createThroughApi();
    await expect(
      appDb.query(`UPDATE admin_audit SET action = 'x' WHERE actor_id = $1`, [admin.userId]),
    ).rejects.toThrow(/permission denied/);
    await expect(appDb.query(`DELETE FROM admin_audit WHERE actor_id = $1`, [admin.userId])).rejects.toThrow(
      /permission denied/,
    );
    await expect(
      db.query(`UPDATE admin_audit SET action = 'x' WHERE actor_id = $1`, [admin.userId]),
    ).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM admin_audit WHERE actor_id = $1`, [admin.userId])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`TRUNCATE admin_audit`)).rejects.toThrow(/append-only/);
  });

  it('never writes a password into the audit trail', async () => {
    expect(issuedPasswords.length).toBeGreaterThan(5);
    for (const password of [...issuedPasswords, FIRST_LOGIN_PASSWORD, TEST_PASSWORD]) {
      expect(
        await db.query(`SELECT id FROM admin_audit WHERE details::text LIKE $1`, [`%${password}%`]),
      ).toEqual([]);
    }
  });
});

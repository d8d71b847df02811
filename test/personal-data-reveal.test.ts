import { createDataSource } from '../libs/persistence/src';
import { postJson } from './support/http';
import { startTestStack, type TestStack, uniqueId } from './support/stack';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';

/** A petitioner's personal data: masked by default, revealed only with a permission and a reason, audited. */
describe('revealing personal data', () => {
  let stack: TestStack;
  let unit: string;
  let caseNumber: string;
  let clerk: SignedIn;
  let supervisor: SignedIn;
  let outsider: SignedIn;

  const call = async (who: SignedIn | undefined, method: 'GET' | 'POST', path: string, body?: object) => {
    const response = await fetch(`${stack.api.url}/cases/${caseNumber}/petitioner${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(who ? { authorization: `Bearer ${who.token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as any, headers: response.headers };
  };

  beforeAll(async () => {
    stack = await startTestStack();
    unit = `R${uniqueId(6)}`;
    const other = `O${uniqueId(6)}`;
    await stack.db.query(
      `INSERT INTO units (code, name, level) VALUES ($1, '查看测试区', 'district'), ($2, '别处', 'district')`,
      [unit, other],
    );
    clerk = await signIn(stack, unit, ['clerk'], '登记员');
    supervisor = await signIn(stack, unit, ['supervisor'], '督查员');
    outsider = await signIn(stack, other, ['clerk'], '别处登记员');
    const created = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'visit',
        petitioner: {
          name: '郑十一',
          idNumber: '11010519491231002X',
          phone: '13912345678',
          address: '示例区东湖镇幸福路8号',
        },
        category: 'grievance',
        subject: '查看测试',
        content: '内容',
        unitCode: unit,
      },
      bearer(clerk),
    );
    caseNumber = created.body.caseNumber;
  });

  afterAll(() => stack?.close());

  it('shows the petitioner masked to staff of the unit, and nothing to others', async () => {
    const masked = await call(clerk, 'GET', '');
    expect(masked.body).toEqual({
      name: '郑十一',
      idType: 'residentId',
      collective: null,
      idNumber: '110105********002X',
      phone: '139****5678',
      address: '示例区***',
    });
    expect((await call(undefined, 'GET', '')).status).toBe(401);
    expect((await call(outsider, 'GET', '')).status).toBe(404);
  });

  it('reveals in full only with a permitted role and a reason, and records who, when and why', async () => {
    const noReason = await call(clerk, 'POST', '/reveal', {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    const wrongRole = await call(supervisor, 'POST', '/reveal', { reason: '核对信访人身份' });
    expect([wrongRole.status, wrongRole.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect((await call(outsider, 'POST', '/reveal', { reason: '核对信访人身份' })).status).toBe(404);

    const before = await stack.db.query(
      `SELECT count(*)::int AS n FROM access_audit WHERE case_number = $1`,
      [caseNumber],
    );
    expect(before[0].n).toBe(0);
    const revealed = await call(clerk, 'POST', '/reveal', { reason: '电话回访需核对号码' });
    expect(revealed.status).toBe(200);
    expect(revealed.headers.get('cache-control')).toBe('no-store');
    expect(revealed.body).toEqual({
      name: '郑十一',
      idType: 'residentId',
      collective: null,
      idNumber: '11010519491231002X',
      phone: '13912345678',
      address: '示例区东湖镇幸福路8号',
    });
    const audit = await stack.db.query(
      `SELECT user_id, action, reason FROM access_audit WHERE case_number = $1`,
      [caseNumber],
    );
    expect(audit).toEqual([
      { user_id: clerk.userId, action: 'revealPersonalData', reason: '电话回访需核对号码' },
    ]);
  });

  it('keeps the access audit append-only, for the application and the owner alike', async () => {
    await expect(
      stack.db.query(`DELETE FROM access_audit WHERE case_number = $1`, [caseNumber]),
    ).rejects.toThrow(/append-only/);
    const app = await createDataSource({ url: process.env.DATABASE_URL!, poolSize: 1 }).initialize();
    try {
      await expect(app.query(`UPDATE access_audit SET reason = 'x'`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.destroy();
    }
  });
});

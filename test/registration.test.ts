import { type INestApplicationContext } from '@nestjs/common';
import { type DataSource } from 'typeorm';
import { MAX_CONTENT_LENGTH } from '../apps/api/src/cases/register-case.dto';
import {
  createUnit,
  ownerDataSource,
  type RunningApi,
  startApiApp,
  startWorkerApp,
  useSharedServers,
} from './support/stack';
import { getJson, postJson } from './support/http';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';

/** The walking skeleton end to end: API and worker in this process, real PostgreSQL and Temporal. */
describe('registering a case over HTTP', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let unitCode: string;
  let clerk: SignedIn;

  beforeAll(async () => {
    useSharedServers();
    db = await ownerDataSource();
    unitCode = await createUnit(db);
    worker = await startWorkerApp();
    api = await startApiApp();
    clerk = await signIn({ api, db }, unitCode, ['clerk'], '登记员');
  });

  afterAll(async () => {
    await api?.app.close();
    await worker?.close();
    await db?.destroy();
  });

  const petition = (overrides: Record<string, unknown> = {}) => ({
    channel: 'visit',
    petitioner: { name: '张三' },
    category: 'grievance',
    subject: '拖欠工资',
    content: '某公司拖欠农民工工资三个月，请求协调解决。',
    unitCode,
    ...overrides,
  });

  async function storedRows(): Promise<{ submissions: number; cases: number; events: number }> {
    const [row] = await db.query(
      `SELECT (SELECT count(*) FROM case_submissions WHERE unit_code = $1)::int AS submissions,
              (SELECT count(*) FROM cases WHERE unit_code = $1)::int AS cases,
              (SELECT count(*) FROM case_events e JOIN case_submissions s USING (case_number) WHERE s.unit_code = $1)::int AS events`,
      [unitCode],
    );
    return row;
  }

  it('returns 201 with a case number, records CaseRegistered, and serves the case from PostgreSQL', async () => {
    const created = await postJson(`${api.url}/cases`, petition(), bearer(clerk));
    expect(created.status).toBe(201);
    expect(created.body.caseNumber).toMatch(new RegExp(`^${unitCode}-\\d{4}-\\d{6}$`));
    expect(created.body.status).toBe('registered');

    // Read your writes: the event is in PostgreSQL when the response arrives.
    const events = await db.query(`SELECT seq, type, actor_role FROM case_events WHERE case_number = $1`, [
      created.body.caseNumber,
    ]);
    expect(events).toEqual([{ seq: 1, type: 'caseRegistered', actor_role: 'clerk' }]);
    const [actor] = await db.query(`SELECT actor_id, actor_unit FROM case_events WHERE case_number = $1`, [
      created.body.caseNumber,
    ]);
    expect(actor).toEqual({ actor_id: clerk.userId, actor_unit: unitCode });

    const detail = await getJson(`${api.url}/cases/${created.body.caseNumber}`, bearer(clerk));
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      caseNumber: created.body.caseNumber,
      status: 'registered',
      channel: 'visit',
      category: 'grievance',
      subject: '拖欠工资',
      unitCode,
      eventCount: 1,
      // The triage clock runs from receipt: 15 days under the national policy.
      clock: 'triage',
      overdueLevel: 0,
      sixDefines: null,
      repeatVisits: 0,
      policyVersion: 'national-2022',
    });
    expect(Date.parse(detail.body.dueAt) - Date.parse(detail.body.receivedAt)).toBeGreaterThan(
      14 * 86_400_000,
    );
    expect(detail.body.dueLastDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [submission] = await db.query(`SELECT content FROM case_submissions WHERE case_number = $1`, [
      created.body.caseNumber,
    ]);
    expect(submission.content).toBe(petition().content);
  });

  it('numbers cases per registering unit and year without collisions under concurrency', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        postJson(`${api.url}/cases`, petition({ subject: `并发登记 ${i}` }), bearer(clerk)),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(201));
    const numbers = responses.map((r) => r.body.caseNumber as string);
    expect(new Set(numbers).size).toBe(6);
  });

  it('records a receipt time before the day of registration with who back-dated it and why', async () => {
    const receivedAt = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000).toISOString();
    const withoutReason = await postJson(`${api.url}/cases`, petition({ receivedAt }), bearer(clerk));
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body.fields).toEqual([expect.objectContaining({ field: 'receivedAtReason' })]);

    const created = await postJson(
      `${api.url}/cases`,
      petition({ receivedAt, receivedAtReason: '来信于三天前寄达，今日补登' }),
      bearer(clerk),
    );
    expect(created.status).toBe(201);
    const events = await db.query(
      `SELECT seq, type, actor_id, actor_role, payload FROM case_events WHERE case_number = $1 ORDER BY seq`,
      [created.body.caseNumber],
    );
    expect(events.map((e: { type: string }) => e.type)).toEqual(['caseRegistered', 'receiptBackdated']);
    expect(events[1]).toMatchObject({
      actor_id: clerk.userId,
      actor_role: 'clerk',
      payload: { receivedAt, reason: '来信于三天前寄达，今日补登' },
    });
    const detail = await getJson(`${api.url}/cases/${created.body.caseNumber}`, bearer(clerk));
    expect(detail.body.receivedAt).toBe(receivedAt);
  });

  describe('petitioners’ personal data', () => {
    const idNumber = '11010519491231002X';
    const phone = '13912345678';
    const address = '示例区东湖镇幸福路8号';

    it('is stored encrypted with blind indexes, never in plain text, and finds the petitioner’s cases', async () => {
      const created = await postJson(
        `${api.url}/cases`,
        petition({ petitioner: { name: '孙八', idNumber, phone, address } }),
        bearer(clerk),
      );
      expect(created.status).toBe(201);
      const [row] = await db.query(`SELECT * FROM case_submissions WHERE case_number = $1`, [
        created.body.caseNumber,
      ]);
      const stored = JSON.stringify(row);
      for (const plain of [idNumber, phone, address, '1101051949', '139123'])
        expect(stored).not.toContain(plain);
      expect(row.petitioner_id_number_enc).toMatch(/^v1:[\w-]+:/);
      expect(row.petitioner_phone_bidx).toMatch(/^[0-9a-f]{64}$/);

      const byId = await getJson(
        `${api.url}/cases?unit=${unitCode}&petitionerIdNumber=${idNumber.toLowerCase()}`,
        bearer(clerk),
      );
      expect(byId.body.items.map((item: any) => item.caseNumber)).toEqual([created.body.caseNumber]);
      const byPhone = await getJson(
        `${api.url}/cases?unit=${unitCode}&petitionerPhone=139-1234-5678`,
        bearer(clerk),
      );
      expect(byPhone.body.items.map((item: any) => item.caseNumber)).toEqual([created.body.caseNumber]);
      const other = await getJson(
        `${api.url}/cases?unit=${unitCode}&petitionerPhone=13900000000`,
        bearer(clerk),
      );
      expect(other.body.items).toEqual([]);
    });

    it.each([
      ['a wrong check character', '110105194912310021', '校验位'],
      ['an impossible birth date', '11010519490230002X', '出生日期'],
      ['the wrong length', '1101051949123100', '18位'],
    ])('refuses an ID number with %s, naming the field', async (_name, bad, words) => {
      const response = await postJson(
        `${api.url}/cases`,
        petition({ petitioner: { name: '孙八', idNumber: bad } }),
        bearer(clerk),
      );
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual([
        expect.objectContaining({ field: 'petitioner.idNumber', code: 'isResidentId' }),
      ]);
      expect(response.body.fields[0].message).toContain(words);
    });
  });

  it('answers 404 with a code for an unknown case', async () => {
    const missing = await getJson(`${api.url}/cases/${unitCode}-1999-999999`, bearer(clerk));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('CASE_NOT_FOUND');
  });

  it('lets only a logged-in clerk register; the case is in the clerk’s own unit', async () => {
    const before = await storedRows();
    const anonymous = await postJson(`${api.url}/cases`, petition());
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'AUTH_REQUIRED']);
    const handler = await signIn({ api, db }, unitCode, ['handler'], '承办人');
    const notClerk = await postJson(`${api.url}/cases`, petition(), bearer(handler));
    expect([notClerk.status, notClerk.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect(await storedRows()).toEqual(before);

    // A clerk of another unit registers a matter arising here: the number is of the registering unit.
    const otherUnit = await createUnit(db);
    const otherClerk = await signIn({ api, db }, otherUnit, ['clerk'], '外单位登记员');
    const created = await postJson(`${api.url}/cases`, petition(), bearer(otherClerk));
    expect(created.status).toBe(201);
    expect(created.body.caseNumber).toMatch(new RegExp(`^${otherUnit}-`));
    const detail = await getJson(`${api.url}/cases/${created.body.caseNumber}`, bearer(otherClerk));
    expect(detail.body).toMatchObject({ unitCode, registeringUnitCode: otherUnit });
  });

  it('reports PostgreSQL and Temporal reachability', async () => {
    const health = await getJson(`${api.url}/health`);
    expect(health.status).toBe(200);
    expect(health.body.info).toEqual({
      postgres: { status: 'up' },
      temporal: expect.objectContaining({ status: 'up' }),
    });
  });

  describe('bad input is refused and stores nothing', () => {
    const cases: [string, () => unknown, string[]][] = [
      [
        'missing fields',
        () => ({ channel: 'visit' }),
        ['petitioner', 'category', 'subject', 'content', 'unitCode'],
      ],
      ['wrong types', () => petition({ subject: 42, petitioner: 'x' }), ['subject', 'petitioner']],
      ['unknown channel', () => petition({ channel: 'fax' }), ['channel']],
      ['unknown field (no silent stripping)', () => petition({ status: 'closed' }), ['status']],
      ['missing petitioner name', () => petition({ petitioner: {} }), ['petitioner.name']],
      [
        'content over the maximum',
        () => petition({ content: '字'.repeat(MAX_CONTENT_LENGTH + 1) }),
        ['content'],
      ],
      ['receipt time in the future', () => petition({ receivedAt: '2999-01-01T00:00:00Z' }), ['receivedAt']],
      ['a blank subject', () => petition({ subject: '   ' }), ['subject']],
      [
        'a control character (NUL)',
        () => petition({ petitioner: { name: '张\u0000三' } }),
        ['petitioner.name'],
      ],
    ];

    it.each(cases)('%s → 400 naming the fields', async (_name, body, fields) => {
      const before = await storedRows();
      const response = await postJson(`${api.url}/cases`, body(), bearer(clerk));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([...fields].sort());
      for (const field of response.body.fields) expect(field.message).toMatch(/[\u4e00-\u9fff].* \/ [a-z]/);
      expect(await storedRows()).toEqual(before);
    });

    it('a body over the server limit → 413, nothing stored', async () => {
      const before = await storedRows();
      const response = await postJson(
        `${api.url}/cases`,
        petition({ content: 'x'.repeat(400 * 1024) }),
        bearer(clerk),
      );
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await storedRows()).toEqual(before);
    });

    it('an unknown unit → 422 on unitCode, nothing stored', async () => {
      const before = await storedRows();
      const response = await postJson(
        `${api.url}/cases`,
        petition({ unitCode: 'NOSUCHUNIT' }),
        bearer(clerk),
      );
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'UNIT_NOT_FOUND', fields: [{ field: 'unitCode' }] });
      expect(await storedRows()).toEqual(before);
    });

    it('malformed JSON → 400', async () => {
      const response = await postJson(`${api.url}/cases`, '{"channel": ', bearer(clerk));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('BAD_REQUEST');
    });
  });
});

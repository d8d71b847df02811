import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { applyPublicAppGrants } from '../libs/persistence/src';
import { CaseJourney, createJourneyOrg, type JourneyOrg, shanghaiDay } from './support/case-journey';
import { getJson, type JsonResponse } from './support/http';
import { pdfText, withoutSpace } from './support/pdf-text';
import { type RunningApi, startPublicApp, startTestStack, type TestStack, uniqueId } from './support/stack';
import { bearer } from './support/staff-sessions';
import { testServers } from './support/test-env';

let idSequence = randomInt(900);

/** A valid mainland resident ID number (GB 11643 check digit), different for every call. */
function residentIdNumber(): string {
  idSequence = (idSequence + 1) % 1000;
  const body = `11010519491231${String(idSequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return body + '10X98765432'[sum % 11];
}

/** A petitioner of their own for each case, so no case is taken for a repeat visit of another. */
function newPetitioner() {
  return {
    name: '孙八斤',
    idNumber: residentIdNumber(),
    phone: `138${String(randomInt(100_000_000)).padStart(8, '0')}`,
    address: '幸福路八号院三单元',
  };
}

/** The petitioner's progress query against the real stack, through the separate public app. */
describe('public progress query', () => {
  let stack: TestStack;
  let publicApp: RunningApi;
  let org: JourneyOrg;
  const savedEnv = { ...process.env };

  const publicRole = `public_app_${uniqueId().toLowerCase()}`;

  /** Roles are made by the superuser, in the application's database (where the role's grants live). */
  async function asSuperuser(...statements: string[]): Promise<void> {
    const url = new URL(testServers().superuserDatabaseUrl);
    url.pathname = new URL(testServers().appDatabaseUrl).pathname;
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    stack = await startTestStack();
    org = await createJourneyOrg(stack);
    // The public app connects as a role of its own holding only the public app's grants, runs with no
    // Temporal configured at all, and takes client addresses from the proxy header.
    const password = uniqueId(16);
    await asSuperuser(`CREATE ROLE ${publicRole} LOGIN PASSWORD '${password}'`);
    await applyPublicAppGrants(stack.db, publicRole);
    const url = new URL(testServers().appDatabaseUrl);
    url.username = publicRole;
    url.password = password;
    delete process.env.TEMPORAL_ADDRESS;
    Object.assign(process.env, {
      DATABASE_URL: url.toString(),
      TRUST_PROXY: 'loopback',
      PUBLIC_QUERY_RATE_LIMIT_PER_ADDRESS: '8',
      PUBLIC_QUERY_RATE_LIMIT_PER_CASE: '6',
    });
    publicApp = await startPublicApp();
  });

  afterAll(async () => {
    await publicApp?.app.close();
    await asSuperuser(`DROP OWNED BY ${publicRole}`, `DROP ROLE ${publicRole}`);
    await stack?.close();
    process.env = savedEnv;
  });

  /** A client address of its own per test, so the per-address counter starts at zero. */
  const newAddress = () => `198.51.${randomInt(256)}.${randomInt(256)}`;

  const query = async (body: object, address: string): Promise<JsonResponse & { text: string }> => {
    const response = await fetch(`${publicApp.url}/public/progress`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text), text };
  };

  /** A case accepted, defined and extended; its code read off the acceptance notice, as the petitioner would. */
  async function extendedCase(): Promise<{
    journey: CaseJourney;
    code: string;
    petitioner: ReturnType<typeof newPetitioner>;
  }> {
    const petitioner = newPetitioner();
    const journey = await CaseJourney.register(stack, org, petitioner);
    await journey.act(org.clerkD, 'accept');
    await journey.defineSix();
    await journey.extend(10, '需补充调查');
    const listed = await getJson(`${stack.api.url}/cases/${journey.caseNumber}/notices`, bearer(org.clerkD));
    const acceptance = listed.body.find((n: any) => n.kind === 'acceptance');
    const pdf = await fetch(`${stack.api.url}/cases/${journey.caseNumber}/notices/${acceptance.id}.pdf`, {
      headers: bearer(org.clerkD),
    });
    const code = /查询码：([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(
      withoutSpace(pdfText(Buffer.from(await pdf.arrayBuffer()))),
    )![1]!;
    return { journey, code, petitioner };
  }

  it('shows status, received date, deadlines and notices for the right code, and nothing personal or internal', async () => {
    const { journey, code, petitioner } = await extendedCase();
    const [row] = await stack.db.query(
      `SELECT to_char(due_last_day, 'YYYY-MM-DD') AS due FROM cases WHERE case_number = $1`,
      [journey.caseNumber],
    );
    const today = shanghaiDay();
    const notice = (kind: string, title: string) => ({
      id: expect.any(String),
      kind,
      title,
      issuedOn: today,
    });
    // Typed back in lower case and without the hyphen, it still matches.
    const inHandling = await query(
      { caseNumber: journey.caseNumber, queryCode: code.replace('-', '').toLowerCase() },
      newAddress(),
    );
    expect(inHandling.status).toBe(200);
    expect(inHandling.body).toEqual({
      caseNumber: journey.caseNumber,
      status: { code: 'inHandling', label: '办理中' },
      receivedOn: today,
      deadlines: [{ kind: 'handling', label: '办理并答复 / handling and reply', lastDay: row.due }],
      notices: [notice('acceptance', '受理告知书'), notice('extension', '延期告知书')],
    });

    await journey.reply('内部意见：经核查属实，已协调疏通。');
    const answer = await query({ caseNumber: journey.caseNumber, queryCode: code }, newAddress());
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: { code: 'replied', label: '已答复' },
      notices: [
        notice('acceptance', '受理告知书'),
        notice('extension', '延期告知书'),
        notice('handlingOpinion', '信访处理意见书'),
      ],
    });
    const staff = [org.clerkD, org.leaderD, org.packageLeaderD, org.leaderT, org.handlerT];
    const forbidden = [
      ...Object.values(petitioner),
      '小区排水不畅', // the subject and content the petitioner wrote
      '雨天小区积水',
      '现场核查并协调疏通', // six defines: internal plan and target
      '排水恢复',
      '内部意见', // the opinion's text stays in the notice, not the answer
      '需补充调查',
      org.districtName,
      org.townName,
      ...staff.flatMap((person) => [person.name, person.userId]),
    ];
    for (const text of [inHandling.text, answer.text]) {
      for (const secret of forbidden) expect([secret, text.includes(secret)]).toEqual([secret, false]);
    }

    // The notice downloads with the same case number and code.
    const acceptanceId = answer.body.notices[0].id;
    const pdf = await fetch(`${publicApp.url}/public/progress/notices/${acceptanceId}.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': newAddress() },
      body: JSON.stringify({ caseNumber: journey.caseNumber, queryCode: code }),
    });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const text = withoutSpace(pdfText(Buffer.from(await pdf.arrayBuffer())));
    expect(text).toContain(journey.caseNumber);
    expect(text).toContain(`查询码：${code}`);
  });

  it('answers a wrong code and an unknown case identically, and refuses the notice download too', async () => {
    const { journey, code } = await extendedCase();
    const address = newAddress();
    const wrongCode = await query({ caseNumber: journey.caseNumber, queryCode: 'AAAA-AAAA' }, address);
    const unknownCase = await query({ caseNumber: `${org.district}-2026-999999`, queryCode: code }, address);
    expect(wrongCode.status).toBe(404);
    expect(wrongCode.text).toBe(unknownCase.text);
    expect(wrongCode.body.code).toBe('PROGRESS_NOT_FOUND');
    const listed = await getJson(`${stack.api.url}/cases/${journey.caseNumber}/notices`, bearer(org.clerkD));
    const pdf = await fetch(`${publicApp.url}/public/progress/notices/${listed.body[0].id}.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ caseNumber: journey.caseNumber, queryCode: 'AAAA-AAAA' }),
    });
    expect([pdf.status, await pdf.text()]).toEqual([404, wrongCode.text]);
  });

  it('limits attempts per case number (from any address) and per address (over any case numbers)', async () => {
    const { journey, code } = await extendedCase();
    const perCase: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      perCase.push(
        (await query({ caseNumber: journey.caseNumber, queryCode: `WRONG${i}` }, newAddress())).status,
      );
    }
    expect(perCase).toEqual([404, 404, 404, 404, 404, 404, 429]);
    // Once the case's limit is reached, even the right code waits for the window to end.
    const right = await query({ caseNumber: journey.caseNumber, queryCode: code }, newAddress());
    expect([right.status, right.body.code]).toEqual([429, 'RATE_LIMITED']);

    const address = newAddress();
    const perAddress: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      perAddress.push(
        (await query({ caseNumber: `GUESS-${uniqueId()}`, queryCode: 'AAAA-AAAA' }, address)).status,
      );
    }
    expect(perAddress).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 429]);
  });

  it('serves its page and runs without Temporal', async () => {
    const page = await fetch(`${publicApp.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('信访事项办理进度查询');
    expect(html).toContain('name="queryCode"');
    expect((await fetch(`${publicApp.url}/progress.js`)).status).toBe(200);
    expect((await getJson(`${publicApp.url}/public/health`)).body).toEqual({ status: 'ok' });
  });
});

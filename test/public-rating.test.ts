import { type INestApplicationContext } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { applyPublicAppGrants } from '../libs/persistence/src';
import { CaseJourney, createJourneyOrg, type JourneyOrg, shanghaiDay } from './support/case-journey';
import { getJson, postJson } from './support/http';
import { pdfText, withoutSpace } from './support/pdf-text';
import {
  type RunningApi,
  startPublicApp,
  startTestStack,
  startWorkerApp,
  type TestStack,
  uniqueId,
} from './support/stack';
import { bearer } from './support/staff-sessions';
import { testServers } from './support/test-env';

let idSequence = randomInt(900);

/** A valid mainland resident ID number (GB 11643 check digit), different for every call. */
function residentIdNumber(): string {
  idSequence = (idSequence + 1) % 1000;
  const body = `11010519500101${String(idSequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return body + '10X98765432'[sum % 11];
}

const newPetitioner = () => ({ name: '冯十四', idNumber: residentIdNumber() });

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The petitioner rates the reply themself through the public progress query (art. 21): stored by the
 * public app (no Temporal, insert-only grant), relayed by the worker into the case as the petitioner's
 * own event, exactly once; the counter and the online rating of one reply: the first wins.
 */
describe('the petitioner’s own rating through the public progress query (art. 21)', () => {
  let stack: TestStack;
  let publicApp: RunningApi;
  let org: JourneyOrg;
  let restartedWorker: INestApplicationContext | undefined;
  /** The stack's own worker, once the test stopping the workers closed it. */
  let stackWorkerClosed = false;
  const savedEnv = { ...process.env };
  const publicRole = `public_rate_${uniqueId().toLowerCase()}`;

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
    const password = uniqueId(16);
    await asSuperuser(`CREATE ROLE ${publicRole} LOGIN PASSWORD '${password}'`);
    await applyPublicAppGrants(stack.db, publicRole);
    const staffEnv = { ...process.env };
    const url = new URL(testServers().appDatabaseUrl);
    url.username = publicRole;
    url.password = password;
    delete process.env.TEMPORAL_ADDRESS;
    Object.assign(process.env, { DATABASE_URL: url.toString(), TRUST_PROXY: 'loopback' });
    publicApp = await startPublicApp();
    // A worker started later (the restart below) takes the staff configuration again.
    process.env = staffEnv;
  }, 120_000);

  afterAll(async () => {
    await publicApp?.app.close();
    await restartedWorker?.close();
    await asSuperuser(`DROP OWNED BY ${publicRole}`, `DROP ROLE ${publicRole}`);
    if (!stackWorkerClosed) await stack?.close();
    else {
      // The stack's worker is closed already: close the rest of the stack.
      await stack.api.app.close();
      await stack.temporal.connection.close();
      await stack.db.destroy();
    }
    process.env = savedEnv;
  });

  const newAddress = () => `203.0.${randomInt(256)}.${randomInt(256)}`;

  async function publicPost(path: string, body: object) {
    const response = await fetch(`${publicApp.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': newAddress() },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text), text };
  }

  /** A case replied (delivered unless told otherwise); its code read off the acceptance notice. */
  async function repliedCase(delivered = true): Promise<{ journey: CaseJourney; code: string }> {
    const journey = await CaseJourney.register(stack, org, newPetitioner());
    await journey.act(org.clerkD, 'accept');
    await journey.defineSix();
    await journey.reply('经核查，已协调疏通。');
    if (delivered) {
      await journey.act(org.handlerT, 'recordDelivery', {
        document: 'reply',
        method: 'inPerson',
        deliveredOn: shanghaiDay(),
      });
    }
    const listed = await getJson(`${stack.api.url}/cases/${journey.caseNumber}/notices`, bearer(org.clerkD));
    const acceptance = listed.body.find((n: any) => n.kind === 'acceptance');
    const pdf = await fetch(`${stack.api.url}/cases/${journey.caseNumber}/notices/${acceptance.id}.pdf`, {
      headers: bearer(org.clerkD),
    });
    const code = /查询码：([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(
      withoutSpace(pdfText(Buffer.from(await pdf.arrayBuffer()))),
    )![1]!;
    return { journey, code };
  }

  const ratings = (caseNumber: string) =>
    stack.db.query(
      `SELECT satisfaction, comment, delivered_at IS NOT NULL AS delivered, outcome, event_seq
       FROM public_satisfaction_ratings WHERE case_number = $1`,
      [caseNumber],
    );

  const satisfactionEvents = async (caseNumber: string) =>
    (
      (await getJson(`${stack.api.url}/cases/${caseNumber}/timeline`, bearer(org.clerkD))).body as {
        seq: number;
        type: string;
        actorId: string;
        actorRole: string;
        actorUnit: string | null;
        details: Record<string, unknown>;
      }[]
    ).filter((event) => event.type === 'satisfactionRecorded');

  it('art. 21: the right code records the rating once, even posted twice; the case shows the petitioner’s own event, counted in the metrics', async () => {
    const { journey, code } = await repliedCase();
    const caseNumber = journey.caseNumber;
    const progress = await publicPost('/public/progress', { caseNumber, queryCode: code });
    expect(progress.body.rating).toEqual({ status: 'open', label: expect.stringContaining('满意度评价') });

    const answer = { caseNumber, queryCode: code, satisfaction: 'basicallySatisfied', comment: '处理及时' };
    const first = await publicPost('/public/progress/rating', answer);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      caseNumber,
      status: 'recorded',
      satisfaction: 'basicallySatisfied',
      message: '评价已记录，感谢你的参与 / your rating is recorded, thank you',
    });
    const second = await publicPost('/public/progress/rating', { ...answer, satisfaction: 'dissatisfied' });
    expect([second.status, second.body.code]).toEqual([409, 'SATISFACTION_ALREADY_RECORDED']);

    const delivered = await eventually(
      () => ratings(caseNumber),
      (rows) => rows[0]?.delivered === true,
    );
    const events = await satisfactionEvents(caseNumber);
    expect(events).toEqual([
      expect.objectContaining({
        actorId: 'petitioner',
        actorRole: 'petitioner',
        actorUnit: null,
        details: expect.objectContaining({
          satisfaction: 'basicallySatisfied',
          by: 'petitioner',
          channel: 'publicQuery',
          comment: '处理及时',
        }),
      }),
    ]);
    expect(delivered).toEqual([
      {
        satisfaction: 'basicallySatisfied',
        comment: '处理及时',
        delivered: true,
        outcome: 'recorded',
        event_seq: events[0]!.seq,
      },
    ]);
    // Now the page says it is rated, and a counter rating of the same reply is refused.
    const after = await publicPost('/public/progress', { caseNumber, queryCode: code });
    expect(after.body.rating.status).toBe('rated');
    const counter = await postJson(
      `${stack.api.url}/cases/${caseNumber}/actions/recordSatisfaction`,
      { satisfaction: 'satisfied' },
      bearer(org.handlerT),
    );
    expect([counter.status, counter.body.code]).toEqual([409, 'SATISFACTION_ALREADY_RECORDED']);

    // Participation and satisfaction count it like a counter rating.
    const drill = async (figure: string) =>
      (
        await getJson(
          `${stack.api.url}/metrics/cases?unit=${org.district}&from=${shanghaiDay()}&to=${shanghaiDay()}&figure=${figure}&part=numerator&limit=100`,
          bearer(org.leaderD),
        )
      ).body.items.map((item: any) => item.caseNumber);
    expect(await drill('participation')).toContain(caseNumber);
    expect(await drill('satisfaction')).toContain(caseNumber);
  }, 90_000);

  it('answers a wrong code exactly like an unknown case, and stores nothing', async () => {
    const { journey, code } = await repliedCase();
    const wrong = await publicPost('/public/progress/rating', {
      caseNumber: journey.caseNumber,
      queryCode: 'AAAA-AAAA',
      satisfaction: 'satisfied',
    });
    const unknown = await publicPost('/public/progress/rating', {
      caseNumber: `${org.district}-2026-999999`,
      queryCode: code,
      satisfaction: 'satisfied',
    });
    expect([wrong.status, wrong.body.code]).toEqual([404, 'PROGRESS_NOT_FOUND']);
    expect(wrong.text).toBe(unknown.text);
    expect(await ratings(journey.caseNumber)).toEqual([]);
  }, 60_000);

  it('art. 21: refuses a rating before the reply is delivered', async () => {
    const { journey, code } = await repliedCase(false);
    const progress = await publicPost('/public/progress', {
      caseNumber: journey.caseNumber,
      queryCode: code,
    });
    expect(progress.body.rating.status).toBe('awaitingDelivery');
    const early = await publicPost('/public/progress/rating', {
      caseNumber: journey.caseNumber,
      queryCode: code,
      satisfaction: 'satisfied',
    });
    expect([early.status, early.body.code]).toEqual([422, 'REPLY_NOT_DELIVERED']);
    expect(await ratings(journey.caseNumber)).toEqual([]);
  }, 60_000);

  it('art. 21: after a counter rating the online one is refused as already rated', async () => {
    const { journey, code } = await repliedCase();
    await journey.act(org.handlerT, 'recordSatisfaction', { satisfaction: 'dissatisfied' });
    const progress = await publicPost('/public/progress', {
      caseNumber: journey.caseNumber,
      queryCode: code,
    });
    expect(progress.body.rating.status).toBe('rated');
    const online = await publicPost('/public/progress/rating', {
      caseNumber: journey.caseNumber,
      queryCode: code,
      satisfaction: 'satisfied',
    });
    expect([online.status, online.body.code]).toEqual([409, 'SATISFACTION_ALREADY_RECORDED']);
    expect(online.body.message).toContain('已评价');
    expect(await ratings(journey.caseNumber)).toEqual([]);
    expect((await satisfactionEvents(journey.caseNumber)).map((event) => event.actorRole)).toEqual([
      'handler',
    ]);
  }, 60_000);

  it('art. 21: a rating accepted while no worker runs is delivered once a worker starts', async () => {
    const { journey, code } = await repliedCase();
    await stack.worker.close();
    stackWorkerClosed = true;
    const accepted = await publicPost('/public/progress/rating', {
      caseNumber: journey.caseNumber,
      queryCode: code,
      satisfaction: 'satisfied',
    });
    expect(accepted.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await ratings(journey.caseNumber)).toMatchObject([{ delivered: false }]);
    expect(await satisfactionEvents(journey.caseNumber)).toEqual([]);

    restartedWorker = await startWorkerApp();
    const delivered = await eventually(
      () => ratings(journey.caseNumber),
      (rows) => rows[0]?.delivered === true,
      60_000,
    );
    expect(delivered).toMatchObject([{ delivered: true, outcome: 'recorded' }]);
    const events = await satisfactionEvents(journey.caseNumber);
    expect(events.map((event) => [event.actorRole, event.details.satisfaction])).toEqual([
      ['petitioner', 'satisfied'],
    ]);
  }, 120_000);
});

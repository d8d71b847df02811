import { type DataSource } from 'typeorm';
import { createDataSource, deliverToInboxes } from '../libs/persistence/src';
import { postJson } from './support/http';
import { createUnit, type RunningApi, startApiApp, startTestStack, type TestStack } from './support/stack';
import { bearer, signIn } from './support/staff-sessions';
import { testServers } from './support/test-env';

/** Reads Server-Sent Events from a streaming response until `count` events arrived or the time is up. */
async function collectEvents(
  url: string,
  token: string,
  count: number,
  timeoutMs: number,
  ready: () => void,
): Promise<{ event: string; data: any }[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: { event: string; data: any }[] = [];
  try {
    const response = await fetch(url, {
      signal: controller.signal,
      headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    ready();
    const reader = response.body!.getReader();
    let buffer = '';
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += Buffer.from(value).toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data) events.push({ event, data: JSON.parse(data) });
      }
    }
    controller.abort();
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    clearTimeout(timer);
  }
  return events;
}

/** New inbox items reach a leader's open page live, on whichever API instance it is connected to. */
describe('inbox over Server-Sent Events', () => {
  let stack: TestStack;
  let second: RunningApi;
  let app: DataSource;

  beforeAll(async () => {
    stack = await startTestStack();
    second = await startApiApp();
    app = await createDataSource({ url: testServers().appDatabaseUrl, poolSize: 2 }).initialize();
  });

  afterAll(async () => {
    await second?.app.close();
    await stack?.close();
    await app?.destroy();
  });

  it('announces each delivered item on both API instances, only to its recipient', async () => {
    const unitCode = await createUnit(stack.db, '推送测试区');
    const clerk = await signIn(stack, unitCode, ['clerk'], '登记员');
    const created = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'visit',
        petitioner: { name: '周九' },
        category: 'grievance',
        subject: '推送测试',
        content: '内容',
        unitCode,
      },
      bearer(clerk),
    );
    const leader = await signIn(stack, unitCode, ['unitLeader'], '领导');
    let open = 0;
    let streams: Promise<{ event: string; data: any }[]>[] = [];
    const allOpen = new Promise<void>((resolve) => {
      const opened = () => ++open === 3 && resolve();
      streams = [
        collectEvents(`${stack.api.url}/inbox/stream`, leader.token, 1, 15_000, opened),
        collectEvents(`${second.url}/inbox/stream`, leader.token, 1, 15_000, opened),
        collectEvents(`${second.url}/inbox/stream`, clerk.token, 1, 3_000, opened),
      ];
    });
    await allOpen;
    await new Promise((resolve) => setTimeout(resolve, 200)); // the SSE subscriptions are attached

    const notification = {
      caseNumber: created.body.caseNumber,
      eventSeq: 7,
      kind: 'escalation' as const,
      level: 2,
      title: '超期升级',
      recipients: [{ userId: leader.userId, name: '领导', role: 'unitLeader', unitCode }],
    };
    expect(await deliverToInboxes(app, notification)).toBe(1);
    expect(await deliverToInboxes(app, notification)).toBe(0); // a retried delivery announces nothing again

    const [first, onSecond, other] = await Promise.all(streams);
    for (const events of [first, onSecond]) {
      expect(events).toEqual([
        {
          event: 'inboxItem',
          data: expect.objectContaining({
            userId: leader.userId,
            caseNumber: created.body.caseNumber,
            kind: 'escalation',
            level: 2,
          }),
        },
      ]);
    }
    expect(other).toEqual([]);
  });

  it('never delivers an item about an accusation to the accused, nor to staff of a unit below an accused one', async () => {
    const district = await createUnit(stack.db, '检举区');
    const town = `${district}-T`;
    const village = `${town}-V`;
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES ($1, '检举镇', 'town', $2), ($3, '检举村', 'village', $1)`,
      [town, district, village],
    );
    const clerk = await signIn(stack, district, ['clerk'], '登记员');
    const accusedPerson = await signIn(stack, district, ['unitLeader'], '被检举人');
    const belowAccusedUnit = await signIn(stack, village, ['unitLeader'], '村负责人');
    const bystander = await signIn(stack, district, ['supervisor'], '督查员');
    const created = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'letter',
        petitioner: { name: '匿名' },
        category: 'accusation',
        subject: '检举',
        content: '内容',
        unitCode: district,
        accused: { unitCodes: [town], userIds: [accusedPerson.userId] },
      },
      bearer(clerk),
    );
    expect(created.status).toBe(201);
    const deliver = (who: { userId: string; unitCode: string }, seq: number) =>
      deliverToInboxes(app, {
        caseNumber: created.body.caseNumber,
        eventSeq: seq,
        kind: 'escalation',
        level: 2,
        title: '超期升级',
        recipients: [{ userId: who.userId, name: '某', role: 'unitLeader', unitCode: who.unitCode }],
      });
    expect(await deliver(accusedPerson, 91)).toBe(0);
    expect(await deliver(belowAccusedUnit, 92)).toBe(0);
    expect(await deliver(bystander, 93)).toBe(1);
  });

  it('opens a stream only with a session', async () => {
    const response = await fetch(`${stack.api.url}/inbox/stream`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(response.status).toBe(401);
  });
});

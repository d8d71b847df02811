import { type Client } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { type DataSource } from 'typeorm';
import { type Principal } from '../libs/domain/src';
import { chainHash, loadCaseEvents } from '../libs/persistence/src';
import { GENESIS_HASH } from '../workflows/case-events';
import { actUpdate } from '../workflows/case-messages';
import { caseWorkflowId } from '../workflows/workflow-ids';
import { getJson, postJson } from './support/http';
import { createUnit, type RunningApi, startTestStack, type TestStack, uniqueId } from './support/stack';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';
import { testServers } from './support/test-env';

/** The audit timeline, tamper evidence, staff search and the inbox, against real PostgreSQL and Temporal. */
describe('event log, timeline and search', () => {
  let stack: TestStack;
  let api: RunningApi;
  let db: DataSource;
  let temporal: Client;
  let unitCode: string;
  let reader: SignedIn;

  const EXPORT_LIMIT = 4;

  beforeAll(async () => {
    // A window longer than the run, so the export limit is reached deterministically.
    Object.assign(process.env, {
      EXPORT_RATE_LIMIT: String(EXPORT_LIMIT),
      EXPORT_RATE_WINDOW_SECONDS: '86400',
    });
    stack = await startTestStack();
    ({ api, db, temporal } = stack);
    unitCode = await createUnit(db, '检索测试区');
    reader = await signIn(stack, unitCode, ['clerk'], '登记员');
  });

  afterAll(() => stack?.close());

  const clerk = (): Principal => ({ userId: 'clerk-9', name: '登记员', role: 'clerk', unitCode });
  const supervisor = (): Principal => ({ userId: 'sup-9', name: '督查员', role: 'supervisor', unitCode });

  async function register(subject: string, content: string): Promise<string> {
    const response = await postJson(
      `${api.url}/cases`,
      {
        channel: 'online',
        petitioner: { name: '钱七' },
        category: 'grievance',
        subject,
        content,
        unitCode,
      },
      bearer(reader),
    );
    expect(response.status).toBe(201);
    return response.body.caseNumber;
  }

  async function act(caseNumber: string, action: object, actor: Principal): Promise<void> {
    await temporal.workflow
      .getHandle(caseWorkflowId(caseNumber))
      .executeUpdate(actUpdate, { args: [{ action: action as never, actor }] });
  }

  /** Tampering as an attacker with database superuser rights would: bypassing the append-only trigger. */
  async function tamper(sql: string, params: unknown[]): Promise<void> {
    const superuser = new PgClient({ connectionString: testServers().superuserDatabaseUrl });
    await superuser.connect();
    try {
      await superuser.query(`SET session_replication_role = replica`);
      await superuser.query(sql, params);
    } finally {
      await superuser.end();
    }
  }

  async function caseWithEvents(): Promise<string> {
    const caseNumber = await register('防篡改测试', '内容');
    await act(caseNumber, { type: 'accept' }, clerk());
    await act(caseNumber, { type: 'remind', text: '请尽快办理' }, supervisor());
    await act(caseNumber, { type: 'remind', text: '再次催办' }, supervisor());
    return caseNumber;
  }

  describe('the timeline', () => {
    it('lists every event in order with actor, role, unit, time and what changed; exports CSV', async () => {
      const caseNumber = await caseWithEvents();
      const timeline = await getJson(`${api.url}/cases/${caseNumber}/timeline`, bearer(reader));
      expect(timeline.status).toBe(200);
      expect(timeline.body.map((e: any) => [e.seq, e.type, e.actorRole, e.fromStatus, e.status])).toEqual([
        [1, 'caseRegistered', 'clerk', null, 'registered'],
        [2, 'caseAccepted', 'clerk', 'registered', 'accepted'],
        [3, 'reminderSent', 'supervisor', 'accepted', 'accepted'],
        [4, 'reminderSent', 'supervisor', 'accepted', 'accepted'],
      ]);
      expect(timeline.body[2]).toMatchObject({
        actorId: 'sup-9',
        actorUnit: unitCode,
        details: { text: '请尽快办理' },
      });
      expect(Date.parse(timeline.body[3].occurredAt)).toBeGreaterThanOrEqual(
        Date.parse(timeline.body[2].occurredAt),
      );

      const csv = await fetch(`${api.url}/cases/${caseNumber}/timeline.csv`, { headers: bearer(reader) });
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      const lines = (await csv.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines).toHaveLength(5);
      expect(lines[0]).toContain('序号 seq');
      expect(lines[3]).toContain('催办');
      expect(lines[3]).toContain('请尽快办理');
    });

    it('limits exports per client address, with the counter in PostgreSQL', async () => {
      const caseNumber = await register('导出限流', '内容');
      const statuses: number[] = [];
      for (let i = 0; i < EXPORT_LIMIT + 1; i++) {
        statuses.push(
          (await fetch(`${api.url}/cases/${caseNumber}/timeline.csv`, { headers: bearer(reader) })).status,
        );
      }
      // Earlier exports in this run count too: some succeed (at most the limit), then every one is refused.
      const allowed = statuses.filter((status) => status === 200).length;
      expect(allowed).toBeLessThanOrEqual(EXPORT_LIMIT);
      expect(statuses).toEqual([...Array(allowed).fill(200), ...Array(statuses.length - allowed).fill(429)]);
      expect(statuses[statuses.length - 1]).toBe(429);
      const limited = await fetch(`${api.url}/cases/${caseNumber}/timeline.csv`, { headers: bearer(reader) });
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    });

    it('reads the read model the workflow keeps current', async () => {
      const caseNumber = await caseWithEvents();
      const [row] = await db.query(
        `SELECT status, holding_unit_code, responsible_unit_code, clock, due_at, overdue_level, policy_version FROM cases WHERE case_number = $1`,
        [caseNumber],
      );
      expect(row).toMatchObject({
        status: 'accepted',
        holding_unit_code: unitCode,
        responsible_unit_code: unitCode,
        clock: 'handling',
        overdue_level: 0,
        policy_version: 'national-2022',
      });
      expect(row.due_at).toBeInstanceOf(Date);
    });
  });

  describe('tamper evidence', () => {
    it('verifies an untouched chain', async () => {
      const caseNumber = await caseWithEvents();
      const report = await getJson(`${api.url}/cases/${caseNumber}/verification`, bearer(reader));
      expect(report.body).toEqual({ caseNumber, verified: true, eventCount: 4, headSource: 'workflow' });
    });

    it('names the altered event', async () => {
      const caseNumber = await caseWithEvents();
      await tamper(
        `UPDATE case_events SET payload = jsonb_set(payload, '{text}', '"改写的内容"') WHERE case_number = $1 AND seq = 3`,
        [caseNumber],
      );
      const report = await getJson(`${api.url}/cases/${caseNumber}/verification`, bearer(reader));
      expect(report.body).toMatchObject({
        verified: false,
        firstBreak: { seq: 3, problem: 'contentHashMismatch' },
      });
    });

    it('detects the deleted last event through the head the workflow keeps', async () => {
      const caseNumber = await caseWithEvents();
      await tamper(`DELETE FROM case_events WHERE case_number = $1 AND seq = 4`, [caseNumber]);
      const report = await getJson(`${api.url}/cases/${caseNumber}/verification`, bearer(reader));
      expect(report.body).toMatchObject({
        verified: false,
        eventCount: 3,
        firstBreak: { seq: 4, problem: 'eventsMissingAtEnd' },
      });
    });

    it('detects a whole chain rewritten consistently', async () => {
      const caseNumber = await caseWithEvents();
      // Rewrite every event's content and recompute every hash so the chain is internally consistent.
      let previous = GENESIS_HASH;
      for (const { hash: _old, prevHash: _oldPrev, ...event } of await loadCaseEvents(db, caseNumber)) {
        const payload = event.seq >= 3 ? { ...(event.payload as object), text: '伪造的催办' } : event.payload;
        const hash = chainHash(previous, { ...event, payload });
        await tamper(
          `UPDATE case_events SET payload = $3, prev_hash = $4, hash = $5 WHERE case_number = $1 AND seq = $2`,
          [caseNumber, event.seq, payload, previous, hash],
        );
        previous = hash;
      }
      const report = await getJson(`${api.url}/cases/${caseNumber}/verification`, bearer(reader));
      expect(report.body).toMatchObject({
        verified: false,
        firstBreak: { seq: 4, problem: 'headHashMismatch' },
      });
    });
  });

  describe('search and lists', () => {
    let numbers: Record<string, string>;

    beforeAll(async () => {
      numbers = {
        wages: await register('拖欠工资', '某建筑公司拖欠农民工工资三个月，请求协调解决。'),
        noise: await register('噪音扰民', '夜间施工噪音严重影响休息。'),
        road: await register('道路破损', '村口道路破损，雨天积水，出行困难。'),
      };
    });

    const search = async (q: string) => {
      const response = await getJson(
        `${api.url}/cases?unit=${unitCode}&q=${encodeURIComponent(q)}`,
        bearer(reader),
      );
      expect(response.status).toBe(200);
      return response.body.items.map((item: any) => item.caseNumber).sort();
    };

    it('finds two-character Chinese words in subject and content', async () => {
      expect(await search('工资')).toEqual([numbers.wages]);
      expect(await search('噪音')).toEqual([numbers.noise]);
      expect(await search('积水')).toEqual([numbers.road]);
    });

    it('finds three-character and longer substrings, and only contiguous ones', async () => {
      expect(await search('农民工')).toEqual([numbers.wages]);
      expect(await search('出行困难')).toEqual([numbers.road]);
      // Both bigrams (拖欠, 工资) occur in the wages case, but not as one contiguous string.
      expect(await search('拖欠资')).toEqual([]);
      expect(await search('不存在的词')).toEqual([]);
    });

    it('filters by unit subtree, status and category, and refuses unknown parameters', async () => {
      const all = await getJson(
        `${api.url}/cases?unit=${unitCode}&status=registered&category=grievance&limit=100`,
        bearer(reader),
      );
      expect(all.body.items.map((i: any) => i.caseNumber)).toEqual(
        expect.arrayContaining(Object.values(numbers)),
      );
      const none = await getJson(`${api.url}/cases?unit=${unitCode}&status=closed`, bearer(reader));
      expect(none.body.items).toEqual([]);
      const bad = await getJson(`${api.url}/cases?unit=${unitCode}&sort=evil`, bearer(reader));
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'sort' })]);
      const oneChar = await getJson(`${api.url}/cases?q=工`, bearer(reader));
      expect(oneChar.status).toBe(400);
    });
  });

  describe('keyset pagination', () => {
    it('hands out every existing case exactly once while new cases arrive', async () => {
      const pageUnit = await createUnit(db, '分页测试区');
      const pageReader = await signIn(stack, pageUnit, ['supervisor'], '督查员');
      const existing: string[] = [];
      for (let i = 0; i < 23; i++)
        existing.push(await insertReadModelRow(pageUnit, new Date(Date.UTC(2026, 0, 1, 0, 0, i % 5))));
      const seen: string[] = [];
      let cursor: string | null = null;
      let arrivals = 0;
      do {
        const page: any = await getJson(
          `${api.url}/cases?unit=${pageUnit}&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
          bearer(pageReader),
        );
        seen.push(...page.body.items.map((item: any) => item.caseNumber));
        cursor = page.body.nextCursor;
        // New cases arrive between page reads, some with the same registration instant as existing ones.
        await insertReadModelRow(pageUnit, new Date());
        await insertReadModelRow(pageUnit, new Date(Date.UTC(2026, 0, 1, 0, 0, 2)));
        arrivals += 2;
      } while (cursor);
      const fromBefore = seen.filter((n) => existing.includes(n));
      expect(fromBefore.sort()).toEqual([...existing].sort());
      expect(new Set(seen).size).toBe(seen.length);
      expect(arrivals).toBeGreaterThan(0);
    });

    it('refuses a forged cursor with a field error', async () => {
      const response = await getJson(`${api.url}/cases?cursor=not-a-cursor`, bearer(reader));
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual([expect.objectContaining({ field: 'cursor' })]);
    });

    /** Read-model rows written directly, only to test paging at a size a workflow per row would make slow. */
    async function insertReadModelRow(unit: string, registeredAt: Date): Promise<string> {
      const caseNumber = `${unit}-2026-${uniqueId(6)}`;
      await db.query(
        `INSERT INTO case_submissions (case_number, channel, category, subject, content, petitioner_name, unit_code, registering_unit_code, received_at, submitted_at)
         VALUES ($1, 'letter', 'suggestion', '分页', '分页', '某', $2, $2, $3, $3)`,
        [caseNumber, unit, registeredAt],
      );
      await db.query(
        `INSERT INTO cases (case_number, workflow_id, status, category, channel, subject, unit_code, registering_unit_code, holding_unit_code, received_at, registered_at, event_count, last_event_hash, updated_at)
         VALUES ($1, $2, 'registered', 'suggestion', 'letter', '分页', $3, $3, $3, $4, $4, 0, $5, $4)`,
        [caseNumber, `wf-${caseNumber}`, unit, registeredAt, '0'.repeat(64)],
      );
      return caseNumber;
    }
  });

  describe('inbox', () => {
    it('lists items, counts the unread, and lets only the signed-in recipient acknowledge their own', async () => {
      const caseNumber = await register('提醒测试', '内容');
      const leader = await signIn(stack, unitCode, ['unitLeader'], '领导');
      const someoneElse = await signIn(stack, unitCode, ['unitLeader'], '另一位领导');
      await db.query(
        `INSERT INTO inbox_items (recipient_user_id, recipient_name, recipient_role, recipient_unit, case_number, event_seq, kind, level, title)
         VALUES ($1, '领导', 'unitLeader', $2, $3, 1, 'escalation', 1, '超期升级'), ($1, '领导', 'unitLeader', $2, $3, 2, 'escalation', 2, '再次升级')`,
        [leader.userId, unitCode, caseNumber],
      );
      const inbox = await getJson(`${api.url}/inbox`, bearer(leader));
      expect(inbox.body.unread).toBe(2);
      expect((await getJson(`${api.url}/inbox`, bearer(someoneElse))).body).toEqual({
        unread: 0,
        items: [],
        groups: [],
      });
      expect(inbox.body.items.map((i: any) => i.title)).toEqual(['再次升级', '超期升级']);
      const [first] = inbox.body.items;
      const acknowledge = (token?: string) =>
        fetch(`${api.url}/inbox/${first.id}/acknowledge`, {
          method: 'POST',
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
      expect((await acknowledge()).status).toBe(401);
      expect((await acknowledge(someoneElse.token)).status).toBe(404);
      const mine = await acknowledge(leader.token);
      expect(mine.status).toBe(200);
      expect(await mine.json()).toEqual({ unread: 1 });
    });
  });
});

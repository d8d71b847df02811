import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { type DataSource } from 'typeorm';
import { CaseActivitiesService } from '../apps/worker/src/case-activities';
import { buildUnitTree, DEFAULT_POLICY, type Principal } from '../libs/domain/src';
import { CaseSubmissionEntity, createDataSource } from '../libs/persistence/src';
import { actUpdate, caseSnapshotQuery } from '../workflows/case-messages';
import { petitionCase } from '../workflows/petition-case.workflow';
import { ownerDataSource, uniqueId } from './support/stack';
import { testDataConverter, testServers } from './support/test-env';

/** A long-lived case continues as new before its history grows large, losing nothing. */
describe('continue-as-new', () => {
  let owner: DataSource;
  let app: DataSource;
  let client: Client;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `can-${uniqueId()}`;
  const unit = `C${uniqueId(7)}`;
  const clerk: Principal = { userId: 'clerk-1', name: '登记员甲', role: 'clerk', unitCode: unit };
  const supervisor: Principal = { userId: 'sup-1', name: '督查员乙', role: 'supervisor', unitCode: unit };

  beforeAll(async () => {
    const servers = testServers();
    owner = await ownerDataSource();
    app = await createDataSource({ url: servers.appDatabaseUrl, poolSize: 4 }).initialize();
    await owner.query(`INSERT INTO units (code, name, level) VALUES ($1, '续跑测试区', 'district')`, [unit]);
    client = new Client({
      connection: await Connection.connect({ address: servers.temporalAddress }),
      namespace: servers.temporalNamespace,
      dataConverter: testDataConverter(),
    });
    worker = await Worker.create({
      connection: await NativeConnection.connect({ address: servers.temporalAddress }),
      namespace: servers.temporalNamespace,
      taskQueue,
      workflowBundle: { codePath: servers.workflowBundlePath },
      dataConverter: testDataConverter(),
      activities: new CaseActivitiesService(app).activities(),
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await client?.connection.close();
    await app?.destroy();
    await owner?.destroy();
  });

  it('keeps the state, the chain and the clock across runs, and keeps taking Updates', async () => {
    const caseNumber = `${unit}-2026-000001`;
    const receivedAt = new Date().toISOString();
    await owner.manager.insert(CaseSubmissionEntity, {
      caseNumber,
      channel: 'letter',
      category: 'suggestion',
      subject: '续跑',
      content: '内容',
      petitionerName: '某人',
      unitCode: unit,
      registeringUnitCode: unit,
      receivedAt: new Date(receivedAt),
      backdatingReason: null,
      submittedAt: new Date(),
    });
    const handle = await client.workflow.start(petitionCase, {
      taskQueue,
      workflowId: `can-${caseNumber}`,
      args: [
        {
          register: {
            type: 'register',
            caseNumber,
            category: 'suggestion',
            channel: 'letter',
            receivedAt,
            subject: '续跑',
            petitionerRefs: ['p-1'],
          },
          registeredBy: clerk,
          policy: DEFAULT_POLICY,
          calendar: {
            version: 'can-1',
            timeZone: 'Asia/Shanghai',
            weeklyRestDays: ['SAT', 'SUN'],
            holidays: [],
            makeupWorkdays: [],
          },
          unitTree: buildUnitTree(
            [{ code: unit, name: '续跑测试区', level: 'district', parentCode: null }],
            ['市信访局'],
          ),
          directory: { people: [], delegations: [] },
          maxHistoryEvents: 60,
        },
      ],
    });
    const firstRunId = (await handle.describe()).runId;
    const before = await handle.query(caseSnapshotQuery);

    const reminders = 12;
    for (let i = 1; i <= reminders; i++) {
      await handle.executeUpdate(actUpdate, {
        args: [{ action: { type: 'remind', text: `催办第${i}次` }, actor: supervisor }],
      });
    }
    const after = await handle.query(caseSnapshotQuery);
    const description = await handle.describe();
    expect(description.runId).not.toBe(firstRunId);
    expect(description.status.name).toBe('RUNNING');

    expect(after.state?.status).toBe('registered');
    expect(after.state?.supervision).toHaveLength(reminders);
    expect(after.clock?.deadline).toEqual(before.clock?.deadline);
    expect(after.chain.count).toBe(1 + reminders);
    // The timeline summary (a Query) carries over too: registration and every reminder, in order.
    expect(after.recentEvents.map((entry) => [entry.seq, entry.type])).toEqual([
      [1, 'caseRegistered'],
      ...Array.from({ length: reminders }, (_, i) => [i + 2, 'reminderSent']),
    ]);
    expect(after.recentEvents[1]).toMatchObject({ actorId: 'sup-1', status: 'registered' });

    const events: { seq: number; hash: string; prev_hash: string }[] = await owner.query(
      `SELECT seq, hash, prev_hash FROM case_events WHERE case_number = $1 ORDER BY seq`,
      [caseNumber],
    );
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 1 + reminders }, (_, i) => i + 1));
    events.slice(1).forEach((event, i) => expect(event.prev_hash).toBe(events[i]!.hash));
    expect(after.chain.lastHash).toBe(events[events.length - 1]!.hash);
  });
});

import { type INestApplicationContext } from '@nestjs/common';
import { Context, heartbeat } from '@temporalio/activity';
import { Client, Connection, WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, type Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { NativeConnection, Worker } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type DataSource } from 'typeorm';
import {
  ensureTemporalBinaries,
  installTemporalRuntime,
  type RunningDevServer,
  startDevServer,
} from '../libs/temporal/src';
import {
  ENCRYPTED_ENCODING,
  EncryptionCodec,
  METADATA_ENCRYPTION_KEY_ID,
  TEST_PAYLOAD_KEY_RING,
} from '../libs/temporal/src/codec';
import { actUpdate } from '../workflows/case-messages';
import { caseWorkflowId } from '../workflows/workflow-ids';
import { postJson } from './support/http';
import { bearer, signIn } from './support/staff-sessions';
import {
  createUnit,
  ownerDataSource,
  type RunningApi,
  startApiApp,
  startWorkerApp,
  uniqueId,
  useSharedServers,
} from './support/stack';
import { testDataConverter } from './support/test-env';
import {
  correctPhoneUpdate,
  FAILING_PHONE,
  finishSignal,
  noteSignal,
  type PersonalData,
  type PersonalDataActivities,
  personalDataFailure,
  personalDataRoundTrip,
  personalDataTaskFailure,
} from './workflows/personal-data.workflow';

/** Sentinel personal data: a realistic mainland ID number, a mobile number and an address. */
const ID_NUMBER = '110105199003071234';
const PHONE = '13912345678';
const ADDRESS = '北京市朝阳区幸福路88号3单元502';
const SENTINELS = [ID_NUMBER, PHONE, ADDRESS];
const person: PersonalData = { name: '赵六', idNumber: ID_NUMBER, phone: PHONE, address: ADDRESS };

/** The needle as UTF-8, and as base64 at each of the three byte alignments it can take inside a longer blob. */
function needles(text: string): Buffer[] {
  const raw = Buffer.from(text, 'utf8');
  const found = [raw];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), raw]).toString('base64');
    // keep only the characters made of the needle's own bits, not of the unknown bytes around it
    found.push(
      Buffer.from(encoded.slice(Math.ceil((shift * 4) / 3), Math.floor(((shift + raw.length) * 4) / 3))),
    );
  }
  return found;
}

function leaks(bytes: Buffer, texts: string[] = SENTINELS): string[] {
  return texts.flatMap((text) =>
    needles(text)
      .filter((needle) => bytes.includes(needle))
      .map((needle) => `${text} as ${needle.toString('utf8')}`),
  );
}

interface RawHistory {
  /** The gRPC responses, re-serialized: every byte the server returned, nothing decoded. */
  bytes: Buffer;
  events: temporal.api.history.v1.IHistoryEvent[];
}

async function fetchRawHistory(
  connection: Connection,
  namespace: string,
  workflowId: string,
): Promise<RawHistory> {
  const chunks: Buffer[] = [];
  const events: temporal.api.history.v1.IHistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const response = await connection.workflowService.getWorkflowExecutionHistory({
      namespace,
      execution: { workflowId },
      nextPageToken,
    });
    chunks.push(
      Buffer.from(
        temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse.encode(response).finish(),
      ),
    );
    events.push(...(response.history?.events ?? []));
    nextPageToken = response.nextPageToken?.length ? response.nextPageToken : undefined;
  } while (nextPageToken);
  return { bytes: Buffer.concat(chunks), events };
}

/** The runtime class of a message type (@temporalio/proto builds types at run time; `.ctor` is their class). */
const messageClass = (type: unknown) => (type as { ctor: abstract new (...args: never[]) => object }).ctor;
const PayloadMessage = messageClass(temporal.api.common.v1.Payload);
const FailureMessage = messageClass(temporal.api.failure.v1.Failure);

/** Every Payload in a history, with where it sits; search attributes are plain by design and listed apart. */
function payloadsIn(value: unknown, where = '', found: { where: string; payload: Payload }[] = []) {
  if (value instanceof PayloadMessage) {
    found.push({ where, payload: value as Payload });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => payloadsIn(item, `${where}[${i}]`, found));
  } else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    for (const [key, child] of Object.entries(value))
      payloadsIn(child, where ? `${where}.${key}` : key, found);
  }
  return found;
}

function failuresIn(value: unknown, found: temporal.api.failure.v1.IFailure[] = []) {
  if (value instanceof FailureMessage) found.push(value as temporal.api.failure.v1.IFailure);
  if (value && typeof value === 'object' && !(value instanceof Uint8Array))
    for (const child of Object.values(value)) failuresIn(child, found);
  return found;
}

const utf8 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

/** Personal data must never reach Temporal in plain text: not in the history, not in its database file. */
describe('personal data never sits in the workflow history in plain text', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-leak-'));
  const namespace = 'leak-test';
  const taskQueue = `leak-${uniqueId()}`;
  const control = `PLAINTEXT-CONTROL-${uniqueId(12)}`;
  let server: RunningDevServer;
  let serverStopped = false;
  let plain: Connection;
  let client: Client;
  let workerConnection: NativeConnection;
  let worker: Worker;
  let workerRunning: Promise<void>;
  let workerApp: INestApplicationContext;
  let api: RunningApi;
  let db: DataSource;
  const workflowIds: string[] = [];

  const activities: PersonalDataActivities = {
    async storeContact(p) {
      return { stored: `${p.name} ${p.idNumber}`, phone: p.phone };
    },
    async flakyLookup(p) {
      if (Context.current().info.attempt === 1) {
        heartbeat({ lastPhone: p.phone });
        throw new Error(`查询失败 / lookup failed for ${p.idNumber} at ${p.address}`);
      }
      return `${p.address} (${p.phone})`;
    },
    async rejectContact(p) {
      throw ApplicationFailure.create({
        type: 'CONTACT_REJECTED',
        message: `拒绝 / rejected ${p.idNumber} ${p.phone}`,
        nonRetryable: true,
        details: [p],
      });
    },
  };

  beforeAll(async () => {
    installTemporalRuntime('error');
    server = await startDevServer({
      cliPath: ensureTemporalBinaries().cli,
      dataDir, // SQLite: temporal.db (+ -wal) in this folder
      logFile: path.join(dataDir, 'temporal.log'),
      namespace,
      headless: true,
    });
    plain = await Connection.connect({ address: server.address });
    client = new Client({ connection: plain, namespace, dataConverter: testDataConverter() });
    workerConnection = await NativeConnection.connect({ address: server.address });
    worker = await Worker.create({
      connection: workerConnection,
      namespace,
      taskQueue,
      workflowsPath: require.resolve('./workflows/personal-data.workflow'),
      activities,
      dataConverter: testDataConverter(), // bundles the encrypting failure converter into the sandbox
    });
    workerRunning = worker.run();

    // The real apps (API client and case worker), pointed at this server, with the test key ring.
    useSharedServers();
    Object.assign(process.env, { TEMPORAL_ADDRESS: server.address, TEMPORAL_NAMESPACE: namespace });
    db = await ownerDataSource();
    workerApp = await startWorkerApp();
    api = await startApiApp();
  });

  afterAll(async () => {
    await api?.app.close();
    await workerApp?.close();
    worker?.shutdown();
    await workerRunning?.catch(() => undefined);
    await workerConnection?.close();
    await plain?.close();
    await db?.destroy();
    if (!serverStopped) await server?.process.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs workflows carrying personal data through every payload path, decoded for the client', async () => {
    const roundTrip = await client.workflow.start(personalDataRoundTrip, {
      taskQueue,
      workflowId: `leak-round-trip-${uniqueId()}`,
      args: [person],
      memo: { petitioner: person },
    });
    workflowIds.push(roundTrip.workflowId);
    expect(await roundTrip.executeUpdate(correctPhoneUpdate, { args: [PHONE] })).toBe(`赵六 ${PHONE}`);

    // A validator rejection: the code (type) and the message are readable after decoding.
    const rejected = await roundTrip
      .executeUpdate(correctPhoneUpdate, { args: [`${PHONE}x`] })
      .catch((e) => e);
    expect(rejected).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(rejected.cause).toBeInstanceOf(ApplicationFailure);
    expect(rejected.cause).toMatchObject({
      type: 'PHONE_INVALID',
      message: `手机号无效 / invalid phone ${PHONE}x for ${ID_NUMBER}`,
      details: [{ code: 'PHONE_INVALID', kind: 'invalid', field: 'phone' }],
    });
    // An accepted Update whose handler fails: recorded in the history, decoded here.
    await expect(
      roundTrip.executeUpdate(correctPhoneUpdate, { args: [FAILING_PHONE] }),
    ).rejects.toMatchObject({
      cause: { type: 'PHONE_UPDATE_FAILED', message: `更正失败 / update failed for ${ID_NUMBER}` },
    });
    await roundTrip.signal(noteSignal, `回访地址 ${ADDRESS}`);
    await roundTrip.signal(finishSignal);
    expect(await roundTrip.result()).toEqual({
      stored: `赵六 ${ID_NUMBER}`,
      locallyStored: `赵六 ${ID_NUMBER}`,
      lookedUp: `${ADDRESS} (${PHONE})`,
      rejection: `拒绝 / rejected ${ID_NUMBER} ${PHONE}`,
      phones: [PHONE],
      notes: [`回访地址 ${ADDRESS}`],
    });

    const failing = await client.workflow.start(personalDataFailure, {
      taskQueue,
      workflowId: `leak-failure-${uniqueId()}`,
      args: [person],
    });
    workflowIds.push(failing.workflowId);
    const failure = await failing.result().catch((e) => e);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect(failure.cause).toMatchObject({
      type: 'PERSONAL_DATA_PROBE',
      message: `无法处理 / cannot process ${ID_NUMBER}, ${PHONE}`,
      details: [person],
    });

    // A workflow bug: the failed workflow task is in the history; then we end it.
    const buggy = await client.workflow.start(personalDataTaskFailure, {
      taskQueue,
      workflowId: `leak-task-failure-${uniqueId()}`,
      args: [person],
    });
    workflowIds.push(buggy.workflowId);
    await waitFor(async () => {
      const history = await fetchRawHistory(plain, namespace, buggy.workflowId);
      return history.events.some((e) => e.workflowTaskFailedEventAttributes);
    });
    await buggy.terminate('leak test: end the failing workflow');
  });

  it('encrypts the real case workflow, and a rejected Update still gives the client the error code and message', async () => {
    const unitCode = await createUnit(db);
    const clerk = await signIn({ api, db }, unitCode, ['clerk'], '登记员');
    const created = await postJson(
      `${api.url}/cases`,
      {
        channel: 'phone',
        petitioner: { name: '赵六' },
        category: 'grievance',
        subject: `来电 ${PHONE}，身份证 ${ID_NUMBER}`,
        content: `住址 ${ADDRESS}，反映拖欠工资。`,
        unitCode,
      },
      bearer(clerk),
    );
    expect(created.status).toBe(201);
    const workflowId = caseWorkflowId(created.body.caseNumber);
    workflowIds.push(workflowId);

    const handle = client.workflow.getHandle(workflowId);
    const rejected = await handle
      .executeUpdate(actUpdate, {
        args: [
          {
            action: { type: 'reply', outcome: 'support', reasons: `已联系 ${PHONE}` },
            actor: { userId: 'clerk-1', name: '登记员', role: 'clerk', unitCode },
          },
        ],
      })
      .catch((e) => e);
    expect(rejected).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(rejected.cause).toBeInstanceOf(ApplicationFailure);
    expect(rejected.cause.type).toBe('CASE_STATE_CONFLICT');
    expect(rejected.cause.message).toMatch(/reply is not allowed when the case is registered/);
    expect(rejected.cause.details).toEqual([{ code: 'CASE_STATE_CONFLICT', kind: 'conflict', field: null }]);
  });

  it('the raw history (no codec) holds no personal data; every payload is encrypted; the codec decodes it back', async () => {
    // Control: a workflow started without the codec shows that plain text would be seen.
    const unencrypted = new Client({ connection: plain, namespace });
    const controlId = `leak-control-${uniqueId()}`;
    await unencrypted.workflow.start('plaintextControl', {
      taskQueue: `${taskQueue}-unpolled`,
      workflowId: controlId,
      args: [{ control }],
    });
    expect(leaks((await fetchRawHistory(plain, namespace, controlId)).bytes, [control])).not.toEqual([]);

    const codec = new EncryptionCodec(TEST_PAYLOAD_KEY_RING);
    for (const workflowId of workflowIds) {
      const history = await fetchRawHistory(plain, namespace, workflowId);
      expect({ workflowId, leaks: leaks(history.bytes) }).toEqual({ workflowId, leaks: [] });

      const payloads = payloadsIn(history.events);
      // Plain by design: search attributes (indexed; we put only codes there) and the SDK core's own
      // marker data (local activities: sequence, attempt, activity type and times; patches: the patch id);
      // the sentinel scan above covers them.
      const encrypted = payloads.filter(
        ({ where }) =>
          !/searchAttributes/i.test(where) &&
          !/markerRecordedEventAttributes\.details\.(data|patch-data)\./.test(where),
      );
      expect(encrypted.length).toBeGreaterThan(0);
      const notEncrypted = encrypted
        .filter(({ payload }) => utf8(payload.metadata?.encoding) !== ENCRYPTED_ENCODING)
        .map(({ where, payload }) => `${where}: ${utf8(payload.metadata?.encoding)}`);
      expect({ workflowId, notEncrypted }).toEqual({ workflowId, notEncrypted: [] });
      for (const { payload } of encrypted)
        expect(utf8(payload.metadata?.[METADATA_ENCRYPTION_KEY_ID])).toBe(TEST_PAYLOAD_KEY_RING.activeKeyId);
      for (const failure of failuresIn(history.events)) {
        expect(failure.message).toBe('Encoded failure');
        expect(failure.stackTrace ?? '').toBe('');
      }

      // With the key, the same bytes decode back: the scan above would have found plain text.
      const decoded = await codec.decode(encrypted.map(({ payload }) => payload));
      const plainBytes = Buffer.concat(decoded.map((p) => Buffer.from(p.data ?? [])));
      expect(leaks(plainBytes).length).toBeGreaterThan(0);
    }
  });

  it('search attributes, memos in visibility and workflow IDs hold no personal data', async () => {
    const listed = [];
    for await (const execution of client.workflow.list()) listed.push(execution);
    expect(listed.map((e) => e.workflowId)).toEqual(expect.arrayContaining(workflowIds));
    for (const execution of listed) {
      expect(leaks(Buffer.from(execution.workflowId))).toEqual([]);
      expect(leaks(Buffer.from(JSON.stringify(execution.searchAttributes)))).toEqual([]);
      expect(leaks(Buffer.from(JSON.stringify(execution.typedSearchAttributes)))).toEqual([]);
      const described = await plain.workflowService.describeWorkflowExecution({
        namespace,
        execution: { workflowId: execution.workflowId, runId: execution.runId },
      });
      const rawDescription = Buffer.from(
        temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse.encode(described).finish(),
      );
      expect({ workflowId: execution.workflowId, leaks: leaks(rawDescription) }).toEqual({
        workflowId: execution.workflowId,
        leaks: [],
      });
    }
  });

  it('the Temporal database file and its WAL hold no personal data (UTF-8 or base64)', async () => {
    const storeFiles = () =>
      fs.readdirSync(dataDir).filter((name) => name.startsWith('temporal.db') || name.endsWith('.log'));
    // While the server runs (recent writes still in the WAL), then after it stopped (checkpointed).
    const snapshots = new Map<string, Buffer>();
    for (const name of storeFiles())
      snapshots.set(`${name} (running)`, fs.readFileSync(path.join(dataDir, name)));
    await server.process.stop();
    serverStopped = true;
    for (const name of storeFiles())
      snapshots.set(`${name} (stopped)`, fs.readFileSync(path.join(dataDir, name)));
    expect([...snapshots.keys()]).toEqual(
      expect.arrayContaining(['temporal.db (running)', 'temporal.db-wal (running)', 'temporal.db (stopped)']),
    );

    let controlSeen = false;
    for (const [file, bytes] of snapshots) {
      expect({ file, leaks: leaks(bytes) }).toEqual({ file, leaks: [] });
      if (leaks(bytes, [control]).length) controlSeen = true;
    }
    expect(controlSeen).toBe(true); // plain text in the same store would have been found
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

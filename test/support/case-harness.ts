/**
 * Drives real `petitionCase` workflows on this jest worker's time-skipping server, with the real
 * activities writing to PostgreSQL, for the clock tests. Everything a case needs (units, people,
 * calendar, policy) is built here relative to the test server's own clock.
 */
import { Client, type WorkflowHandle } from '@temporalio/client';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { type DataSource } from 'typeorm';
import { CaseActivitiesService } from '../../apps/worker/src/case-activities';
import { type Calendar } from '../../libs/domain/src/clock/calendar';
import { type DirectorySnapshot, type DirectoryPerson } from '../../libs/domain/src/org/directory';
import { type Principal } from '../../libs/domain/src/org/principal';
import { buildUnitTree, type UnitTree } from '../../libs/domain/src/org/units';
import { DEFAULT_POLICY } from '../../libs/domain/src/policy/default-policy';
import { type Policy } from '../../libs/domain/src/policy/policy';
import { CaseSubmissionEntity, createDataSource, UnitEntity } from '../../libs/persistence/src';
import {
  type ActRequest,
  type ActResult,
  actUpdate,
  type CaseSnapshot,
  caseSnapshotQuery,
  type PetitionCaseInput,
  registrationRecordedUpdate,
} from '../../workflows/case-messages';
import { petitionCase } from '../../workflows/petition-case.workflow';
import { caseWorkflowId } from '../../workflows/workflow-ids';
import { ownerDataSource, uniqueId } from './stack';
import { testDataConverter, testServers } from './test-env';
import { connectTimeSkipping, type TimeSkippingSlot } from './time-skipping';
import { rejectionOf } from './update-rejection';
import { HOUR_MS, plusDays, shanghaiDate, type Weekday, weekdayOf } from './shanghai-dates';

export {
  DAY_MS,
  endOfShanghaiDay,
  HOUR_MS,
  isoPlus,
  plusDays,
  shanghaiDate,
  weekdayOf,
  type Weekday,
} from './shanghai-dates';

/** A calendar with no rest days and no holidays: every day counts and no last day ever moves. */
export function everyDayCalendar(): Calendar {
  return {
    version: `every-day-${uniqueId(6)}`,
    timeZone: 'Asia/Shanghai',
    weeklyRestDays: [],
    holidays: [],
    makeupWorkdays: [],
  };
}

// ── the organisation of one test: a district with a town below it, and the people in their posts ──

export interface Org {
  district: string;
  town: string;
  unitTree: UnitTree;
  clerkD: Principal;
  leaderD: Principal;
  packageLeaderD: Principal;
  /** A second district leader, acting deputy in the ladder test. */
  deputyD: Principal;
  supervisorD: Principal;
  leaderT: Principal;
  handlerT: Principal;
}

function person(userId: string, name: string, role: Principal['role'], unitCode: string): Principal {
  return { userId, name, role, unitCode };
}

/** Everyone in post, no delegation. */
export function directoryOf(org: Org, changes: Partial<DirectorySnapshot> = {}): DirectorySnapshot {
  const people: DirectoryPerson[] = [
    org.clerkD,
    org.leaderD,
    org.packageLeaderD,
    org.deputyD,
    org.supervisorD,
    org.leaderT,
    org.handlerT,
  ].map((p) => ({ ...p, inPost: true }));
  return { people: changes.people ?? people, delegations: changes.delegations ?? [] };
}

// ── one case ──

export interface EventRow {
  seq: number;
  type: string;
  actorId: string;
  occurredAt: string;
  payload: Record<string, any>;
}

export interface InboxRow {
  eventSeq: number;
  kind: string;
  level: number;
  userId: string;
  role: string;
  unitCode: string;
}

export class CaseRun {
  constructor(
    readonly harness: CaseHarness,
    readonly caseNumber: string,
    readonly handle: WorkflowHandle<typeof petitionCase>,
    readonly receivedAt: string,
  ) {}

  act(action: ActRequest['action'], actor: Principal): Promise<ActResult> {
    return this.handle.executeUpdate(actUpdate, { args: [{ action, actor }] });
  }

  /** Runs an action that must be rejected; answers the error code (the failure type). */
  async rejection(action: ActRequest['action'], actor: Principal): Promise<string | undefined> {
    return (await rejectionOf(this.act(action, actor))).type;
  }

  snapshot(): Promise<CaseSnapshot> {
    return this.handle.query(caseSnapshotQuery);
  }

  async events(type?: string): Promise<EventRow[]> {
    const rows: any[] = await this.harness.owner.query(
      `SELECT seq, type, actor_id, occurred_at, payload FROM case_events WHERE case_number = $1 ORDER BY seq`,
      [this.caseNumber],
    );
    return rows
      .map((row) => ({
        seq: row.seq,
        type: row.type,
        actorId: row.actor_id,
        occurredAt: new Date(row.occurred_at).toISOString(),
        payload: row.payload,
      }))
      .filter((row) => type === undefined || row.type === type);
  }

  async inbox(): Promise<InboxRow[]> {
    const rows: any[] = await this.harness.owner.query(
      `SELECT event_seq, kind, level, recipient_user_id, recipient_role, recipient_unit
         FROM inbox_items WHERE case_number = $1 ORDER BY event_seq, recipient_user_id`,
      [this.caseNumber],
    );
    return rows.map((row) => ({
      eventSeq: row.event_seq,
      kind: row.kind,
      level: row.level,
      userId: row.recipient_user_id,
      role: row.recipient_role,
      unitCode: row.recipient_unit,
    }));
  }

  async readModelStatus(): Promise<string> {
    const [row] = await this.harness.owner.query(`SELECT status FROM cases WHERE case_number = $1`, [
      this.caseNumber,
    ]);
    return row?.status;
  }
}

export interface StartOptions {
  org: Org;
  calendar: Calendar;
  policy?: Policy;
  directory?: DirectorySnapshot;
}

/**
 * One worker on its own task queue for the whole test file, the real activities on the application
 * role, and the owner connection for fixtures and for reading what the workflow recorded.
 */
export class CaseHarness {
  private running?: Promise<void>;
  private readonly started: WorkflowHandle[] = [];

  private constructor(
    readonly env: TestWorkflowEnvironment,
    /** On the time-skipping server, with the production codec and the test key ring (like the worker). */
    readonly client: Client,
    readonly owner: DataSource,
    private readonly app: DataSource,
    private readonly worker: Worker,
    readonly taskQueue: string,
  ) {}

  static async start(slot: TimeSkippingSlot): Promise<CaseHarness> {
    const env = await connectTimeSkipping(slot);
    const owner = await ownerDataSource();
    const app = await createDataSource({ url: testServers().appDatabaseUrl, poolSize: 4 }).initialize();
    const taskQueue = `case-clocks-${uniqueId()}`;
    const dataConverter = testDataConverter();
    const client = new Client({ connection: env.connection, namespace: 'default', dataConverter });
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      dataConverter,
      workflowBundle: { codePath: testServers().workflowBundlePath },
      activities: new CaseActivitiesService(app).activities(),
    });
    const harness = new CaseHarness(env, client, owner, app, worker, taskQueue);
    harness.running = worker.run();
    return harness;
  }

  /** Terminates the cases still running (a closed case waits 90 days for late records), so no timer outlives its test. */
  async terminateAll(): Promise<void> {
    const handles = this.started.splice(0);
    await Promise.all(
      handles.map((handle) => handle.terminate('clock test finished').catch(() => undefined)),
    );
  }

  async stop(): Promise<void> {
    await this.terminateAll();
    this.worker.shutdown();
    await this.running;
    await this.app.destroy();
    await this.owner.destroy();
    await this.env.teardown();
  }

  now(): Promise<number> {
    return this.env.currentTimeMs();
  }

  /** Moves the server's clock to `iso` (which must lie ahead), letting every timer on the way fire. */
  async sleepUntil(iso: string): Promise<void> {
    const delta = Date.parse(iso) - (await this.now());
    if (delta <= 0) throw new Error(`cannot sleep back to ${iso}`);
    await this.env.sleep(delta);
  }

  /**
   * Moves the server's clock to the next `hour`:00 Shanghai time (on `weekday`, if given), at least a
   * minute ahead, so a test starts at a known local time (and weekday) whatever the server's clock says.
   */
  async advanceToShanghai(hour: number, weekday?: Weekday): Promise<string> {
    const now = await this.now();
    let date = shanghaiDate(now);
    for (;;) {
      const candidate = Date.parse(`${date}T00:00:00.000Z`) + (hour - 8) * HOUR_MS; // Shanghai is UTC+8
      if (candidate > now + 60_000 && (weekday === undefined || weekdayOf(date) === weekday)) {
        await this.env.sleep(candidate - now);
        return date;
      }
      date = plusDays(date, 1);
    }
  }

  /** A district with a town below it (unique codes, also inserted into `units`), and its people. */
  async createOrg(): Promise<Org> {
    const id = uniqueId(6);
    const district = `CD${id}`;
    const town = `CT${id}`;
    const units = [
      { code: district, name: `测试区${id}`, level: 'district' as const, parentCode: null },
      { code: town, name: `测试镇${id}`, level: 'town' as const, parentCode: district },
    ];
    await this.owner.manager.insert(UnitEntity, units);
    const unitTree = buildUnitTree(units, ['市信访局']);
    return {
      district,
      town,
      unitTree,
      clerkD: person(`clerk-d-${id}`, '区登记员', 'clerk', district),
      leaderD: person(`leader-d-${id}`, '区负责人', 'unitLeader', district),
      packageLeaderD: person(`pkg-d-${id}`, '包案领导', 'packageLeader', district),
      deputyD: person(`deputy-d-${id}`, '代理包案领导', 'packageLeader', district),
      supervisorD: person(`sup-d-${id}`, '区督查员', 'supervisor', district),
      leaderT: person(`leader-t-${id}`, '镇负责人', 'unitLeader', town),
      handlerT: person(`handler-t-${id}`, '镇承办人', 'handler', town),
    };
  }

  /**
   * Registers a case received now (server time) by the district's clerk: the submission row the event
   * log refers to, then the workflow, answering once `caseRegistered` is in PostgreSQL.
   */
  async startCase(options: StartOptions): Promise<CaseRun> {
    const { org } = options;
    const caseNumber = `${org.district}-${uniqueId(8)}`;
    const receivedAt = new Date(await this.now()).toISOString();
    await this.owner.manager.insert(CaseSubmissionEntity, {
      caseNumber,
      channel: 'letter',
      category: 'grievance',
      subject: '小区排水问题',
      content: '内容',
      petitionerName: '王五',
      unitCode: org.town,
      registeringUnitCode: org.district,
      receivedAt: new Date(receivedAt),
      submittedAt: new Date(receivedAt),
    });
    const input: PetitionCaseInput = {
      register: {
        type: 'register',
        caseNumber,
        category: 'grievance',
        channel: 'letter',
        receivedAt,
        subject: '小区排水问题',
        matterUnitCode: org.town,
        petitionerRefs: [`case_submissions/${caseNumber}#petitioner`],
      },
      registeredBy: org.clerkD,
      policy: options.policy ?? DEFAULT_POLICY,
      calendar: options.calendar,
      unitTree: org.unitTree,
      directory: options.directory ?? directoryOf(org),
    };
    const handle = await this.client.workflow.start(petitionCase, {
      args: [input],
      taskQueue: this.taskQueue,
      workflowId: caseWorkflowId(caseNumber),
    });
    this.started.push(handle);
    await handle.executeUpdate(registrationRecordedUpdate);
    return new CaseRun(this, caseNumber, handle, receivedAt);
  }
}

// ── the staff actions the clock tests repeat ──

/** Accept at the district, then the six defines: the town responsible, its handler, the district's package leader. */
export async function acceptAndDefine(run: CaseRun, org: Org, completionDeadline: string): Promise<void> {
  await run.act({ type: 'accept' }, org.clerkD);
  await run.act(
    {
      type: 'defineSix',
      defines: {
        packageLeader: org.packageLeaderD,
        responsibleUnitCode: org.town,
        handler: org.handlerT,
        resolutionPlan: '现场核查并协调维修',
        completionDeadline,
        targetOutcome: '排水恢复，群众满意',
      },
    },
    org.leaderD,
  );
}

/** Investigate, reply, and deliver the reply on `deliveredOn`, all by the town's handler. */
export async function replyAndDeliver(run: CaseRun, org: Org, today: string, deliveredOn: string) {
  await run.act(
    {
      type: 'recordDuty',
      duty: 'investigate',
      performedBy: [org.handlerT],
      performedOn: today,
      summary: '现场核查',
      evidenceRefs: ['evidence-1'],
    },
    org.handlerT,
  );
  await run.act({ type: 'reply', outcome: 'explain', reasons: '已协调维修' }, org.handlerT);
  await run.act({ type: 'recordDelivery', document: 'reply', method: 'inPerson', deliveredOn }, org.handlerT);
}

// ── reading what fired ──

/** How late a timer-driven event may be recorded after its due instant (workflow-task latency). */
export const FIRING_TOLERANCE_MS = 60_000;

/** The escalations recorded, as `level role→recipient(via)` with when they were recorded. */
export function ladderOf(events: readonly EventRow[]) {
  return events
    .filter((event) => event.type === 'deadlineEscalated')
    .map((event) => ({
      seq: event.seq,
      level: event.payload.level as number,
      recipientRole: event.payload.recipientRole as string,
      clock: event.payload.clock as string,
      dueAt: event.payload.dueAt as string,
      recipients: (event.payload.recipients as { userId: string; via: string }[]).map(
        (r) => `${r.userId}:${r.via}`,
      ),
      occurredAt: event.occurredAt,
    }));
}

/** Milliseconds `actual` lies after `expected` (negative if before). */
export function lateness(actual: string, expected: string): number {
  return Date.parse(actual) - Date.parse(expected);
}

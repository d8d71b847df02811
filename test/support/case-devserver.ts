/**
 * Drives real `petitionCase` workflows on the shared local dev server (real time, real visibility), with
 * the prebuilt workflow bundle and the real activities writing to PostgreSQL. Each test file gets its
 * own task queue and organisation (unique unit codes and people), so files sharing the server never
 * see each other's cases.
 */
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { type DataSource } from 'typeorm';
import { CaseActivitiesService } from '../../apps/worker/src/case-activities';
import { type CaseAction, type CaseCategory, type AccusedParties } from '../../libs/domain/src/case';
import { type Calendar } from '../../libs/domain/src/clock/calendar';
import { type DirectoryPerson, type DirectorySnapshot } from '../../libs/domain/src/org/directory';
import { type Principal } from '../../libs/domain/src/org/principal';
import { buildUnitTree, type UnitTree } from '../../libs/domain/src/org/units';
import { DEFAULT_POLICY } from '../../libs/domain/src/policy/default-policy';
import { type Policy } from '../../libs/domain/src/policy/policy';
import { CaseSubmissionEntity, createDataSource, UnitEntity } from '../../libs/persistence/src';
import { installTemporalRuntime } from '../../libs/temporal/src/runtime-logging';
import {
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
import { type Rejection, rejectionOf } from './update-rejection';

export { type Rejection, rejectionOf } from './update-rejection';
import { plusDays, weekdayOf } from './shanghai-dates';

export { endOfShanghaiDay, plusDays, shanghaiDate, weekdayOf } from './shanghai-dates';

/** Saturdays and Sundays off, and the given holidays. */
export function weekdayCalendar(version: string, holidays: string[] = []): Calendar {
  return {
    version,
    timeZone: 'Asia/Shanghai',
    weeklyRestDays: ['SAT', 'SUN'],
    holidays: [...holidays].sort(),
    makeupWorkdays: [],
  };
}

/** The first day after `date` that is neither a weekend day nor one of `holidays`. */
export function nextWorkingDayAfter(date: string, holidays: readonly string[]): string {
  let day = plusDays(date, 1);
  while (weekdayOf(day) === 'SAT' || weekdayOf(day) === 'SUN' || holidays.includes(day))
    day = plusDays(day, 1);
  return day;
}

// ── the organisation of one test file ──

export interface Org {
  /** The district: top of the tree, and a row in `units` (case_submissions refer to it). */
  district: string;
  /** Towns below the district. */
  town1: string;
  town2: string;
  unitTree: UnitTree;
  /** The external bodies above the district, nearest first. */
  bodiesAboveTop: string[];
  clerkD: Principal;
  leaderD: Principal;
  packageLeaderD: Principal;
  adminD: Principal;
  supervisorD: Principal;
  leaderT1: Principal;
  handlerT1: Principal;
  handlerT2: Principal;
}

function person(userId: string, name: string, role: Principal['role'], unitCode: string): Principal {
  return { userId, name, role, unitCode };
}

function directoryOf(org: Org): DirectorySnapshot {
  const people: DirectoryPerson[] = [
    org.clerkD,
    org.leaderD,
    org.packageLeaderD,
    org.adminD,
    org.supervisorD,
    org.leaderT1,
    org.handlerT1,
    org.handlerT2,
  ].map((p) => ({ ...p, inPost: true }));
  return { people, delegations: [] };
}

// ── one case ──

export interface EventRow {
  seq: number;
  type: string;
  actorId: string;
  actorRole: string;
  payload: Record<string, any>;
  prevHash: string;
  hash: string;
}

export class DevCase {
  constructor(
    readonly harness: DevServerHarness,
    readonly caseNumber: string,
    readonly handle: WorkflowHandle<typeof petitionCase>,
  ) {}

  act(action: Exclude<CaseAction, { type: 'register' }>, actor: Principal): Promise<ActResult> {
    return this.handle.executeUpdate(actUpdate, { args: [{ action, actor }] });
  }

  snapshot(): Promise<CaseSnapshot> {
    return this.handle.query(caseSnapshotQuery);
  }

  /** The case's events in PostgreSQL, in sequence order. */
  async events(): Promise<EventRow[]> {
    const rows: any[] = await this.harness.owner.query(
      `SELECT seq, type, actor_id, actor_role, payload, prev_hash, hash
         FROM case_events WHERE case_number = $1 ORDER BY seq`,
      [this.caseNumber],
    );
    return rows.map((row) => ({
      seq: row.seq,
      type: row.type,
      actorId: row.actor_id,
      actorRole: row.actor_role,
      payload: row.payload,
      prevHash: row.prev_hash,
      hash: row.hash,
    }));
  }

  async eventTypes(): Promise<string[]> {
    return (await this.events()).map((event) => event.type);
  }

  /** The read model row: status and how many events it has seen. */
  async caseRow(): Promise<{ status: string; eventCount: number; lastEventHash: string } | undefined> {
    const [row] = await this.harness.owner.query(
      `SELECT status, event_count, last_event_hash FROM cases WHERE case_number = $1`,
      [this.caseNumber],
    );
    return row && { status: row.status, eventCount: row.event_count, lastEventHash: row.last_event_hash };
  }

  /**
   * The history length once the workflow is idle: no workflow task scheduled or running (the task that
   * completed an Update may still be finishing its follow-up commands when the Update returns).
   */
  async settledHistoryLength(): Promise<number> {
    let previous = -1;
    for (let attempt = 0; attempt < 100; attempt++) {
      const { raw } = await this.handle.describe();
      const length = Number(raw.workflowExecutionInfo?.historyLength ?? 0);
      if (!raw.pendingWorkflowTask && length === previous) return length;
      previous = length;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the history of ${this.caseNumber} did not settle`);
  }

  /** Runs an action that must be rejected by the Update validator; answers what the client saw. */
  async rejection(action: Exclude<CaseAction, { type: 'register' }>, actor: Principal): Promise<Rejection> {
    return rejectionOf(this.act(action, actor));
  }
}

export interface StartCaseOptions {
  category?: CaseCategory;
  accused?: AccusedParties;
  policy?: Policy;
  calendar?: Calendar;
}

/**
 * One worker on its own task queue for the test file (prebuilt bundle, real activities on the
 * application role), a client, and the owner connection for fixtures and for reading what was recorded.
 */
export class DevServerHarness {
  private running?: Promise<void>;
  private readonly started: WorkflowHandle[] = [];

  private constructor(
    readonly client: Client,
    private readonly connection: Connection,
    private readonly nativeConnection: NativeConnection,
    readonly owner: DataSource,
    private readonly app: DataSource,
    private readonly worker: Worker,
    readonly taskQueue: string,
  ) {}

  static async start(name: string): Promise<DevServerHarness> {
    installTemporalRuntime('warn');
    const servers = testServers();
    const owner = await ownerDataSource();
    const app = await createDataSource({ url: servers.appDatabaseUrl, poolSize: 4 }).initialize();
    const taskQueue = `${name}-${uniqueId()}`;
    const nativeConnection = await NativeConnection.connect({ address: servers.temporalAddress });
    const worker = await Worker.create({
      connection: nativeConnection,
      namespace: servers.temporalNamespace,
      taskQueue,
      workflowBundle: { codePath: servers.workflowBundlePath },
      activities: new CaseActivitiesService(app).activities(),
      dataConverter: testDataConverter(),
    });
    const connection = await Connection.connect({ address: servers.temporalAddress });
    const client = new Client({
      connection,
      namespace: servers.temporalNamespace,
      dataConverter: testDataConverter(),
    });
    const harness = new DevServerHarness(client, connection, nativeConnection, owner, app, worker, taskQueue);
    harness.running = worker.run();
    return harness;
  }

  /** Terminates this file's cases still running (a concluded case waits 90 days), so none outlives the run. */
  async stop(): Promise<void> {
    await Promise.all(
      this.started.splice(0).map((handle) => handle.terminate('test finished').catch(() => undefined)),
    );
    this.worker.shutdown();
    await this.running;
    await this.connection.close();
    await this.nativeConnection.close();
    await this.app.destroy();
    await this.owner.destroy();
  }

  /**
   * Runs client calls with a time limit, cancelling them when it passes: a call to a workflow whose
   * task keeps failing would otherwise wait (and retry) past the end of the test.
   */
  async within<T>(ms: number, calls: () => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ms);
    try {
      return await this.client.withAbortSignal(controller.signal, calls);
    } catch (error) {
      if (controller.signal.aborted)
        throw new Error(`no answer within ${ms} ms (is the workflow task failing?)`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A district with two towns (unique codes; the district also in `units`) and its people. */
  async createOrg(): Promise<Org> {
    const id = uniqueId(6);
    const district = `UD${id}`;
    const units = [
      { code: district, name: `测试区${id}`, level: 'district' as const, parentCode: null },
      { code: `UT${id}A`, name: `东镇${id}`, level: 'town' as const, parentCode: district },
      { code: `UT${id}B`, name: `西街道${id}`, level: 'town' as const, parentCode: district },
    ];
    await this.owner.manager.insert(UnitEntity, units);
    const bodiesAboveTop = [`测试市信访局${id}`, `测试省信访局${id}`];
    const [, town1, town2] = units.map((unit) => unit.code);
    return {
      district,
      town1,
      town2,
      unitTree: buildUnitTree(units, bodiesAboveTop),
      bodiesAboveTop,
      clerkD: person(`clerk-d-${id}`, '区登记员', 'clerk', district),
      leaderD: person(`leader-d-${id}`, '区负责人', 'unitLeader', district),
      packageLeaderD: person(`pkg-d-${id}`, '包案领导', 'packageLeader', district),
      adminD: person(`admin-d-${id}`, '管理员', 'admin', district),
      supervisorD: person(`sup-d-${id}`, '督查员', 'supervisor', district),
      leaderT1: person(`leader-t1-${id}`, '东镇负责人', 'unitLeader', town1),
      handlerT1: person(`handler-t1-${id}`, '东镇承办人', 'handler', town1),
      handlerT2: person(`handler-t2-${id}`, '西街道承办人', 'handler', town2),
    };
  }

  /**
   * Registers a case received a minute ago by the district's clerk: the submission row the event log
   * refers to, then the workflow; answers once `caseRegistered` is in PostgreSQL.
   */
  async startCase(org: Org, options: StartCaseOptions = {}): Promise<DevCase> {
    const caseNumber = `${org.district}-2026-${uniqueId(6)}`;
    const receivedAt = new Date(Date.now() - 60_000).toISOString();
    const category = options.category ?? 'grievance';
    await this.owner.manager.insert(CaseSubmissionEntity, {
      caseNumber,
      channel: 'visit',
      category,
      subject: '小区排水问题',
      content: '小区雨水管网堵塞，请求协调维修。',
      petitionerName: '王五',
      unitCode: org.district,
      registeringUnitCode: org.district,
      receivedAt: new Date(receivedAt),
      submittedAt: new Date(),
    });
    const input: PetitionCaseInput = {
      register: {
        type: 'register',
        caseNumber,
        category,
        channel: 'visit',
        receivedAt,
        subject: '小区排水问题',
        matterUnitCode: org.town1,
        petitionerRefs: [`case_submissions/${caseNumber}#petitioner`],
        ...(options.accused ? { accused: options.accused } : {}),
      },
      registeredBy: org.clerkD,
      policy: options.policy ?? DEFAULT_POLICY,
      calendar: options.calendar ?? weekdayCalendar(`test-${uniqueId(6)}`),
      unitTree: org.unitTree,
      directory: directoryOf(org),
    };
    const handle = await this.client.workflow.start(petitionCase, {
      args: [input],
      taskQueue: this.taskQueue,
      workflowId: caseWorkflowId(caseNumber),
    });
    this.started.push(handle);
    await handle.executeUpdate(registrationRecordedUpdate);
    return new DevCase(this, caseNumber, handle);
  }
}

/**
 * `npm run -s fixtures:histories` (build, then `node dist/scripts/generate-history-fixtures.js`);
 * `npm run -s fixtures:histories -- --only <name>` adds or refreshes one scenario's file only.
 *
 * Regenerates the replay fixtures in test/fixtures/histories/: representative `petitionCase` histories
 * that test/replay.test.ts replays against the current workflow code on every `npm test`, so a change
 * to workflow code that would break running cases fails the build (change it with patched() instead).
 *
 * Runs on a private time-skipping test server (the pinned binary) with the real workflow bundle (built
 * with the encrypting failure converter, as the worker builds it) and STUB activities that answer
 * deterministically: the fixtures test workflow determinism, not PostgreSQL. Client and worker use the
 * production codec with the fixed TEST-ONLY key ring, so the committed histories are encrypted and
 * decrypt the same way on every machine. Case numbers, unit codes and people are fixed; calendars carry
 * no dates except where a scenario adds a holiday relative to the server's own clock.
 *
 * Each file is one history in the JSON form Temporal's tools use (`historyToJSON`, the shape of
 * `temporal workflow show --output json`); the test uses the file name (without .json) as workflow ID,
 * which the workflow never reads. Regenerate only when the workflow code changes deliberately AND the
 * old histories can no longer occur in production; otherwise keep them and guard the change with patched().
 */
import { Client, type WorkflowHandle } from '@temporalio/client';
import * as proto from '@temporalio/proto';
import { temporal } from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../libs/config/src';
import { type ReceptionRef } from '../libs/domain/src/case/case-state';
import { type Calendar } from '../libs/domain/src/clock/calendar';
import { type DirectorySnapshot } from '../libs/domain/src/org/directory';
import { type Principal } from '../libs/domain/src/org/principal';
import { buildUnitTree, type UnitTree } from '../libs/domain/src/org/units';
import { DEFAULT_POLICY } from '../libs/domain/src/policy/default-policy';
import { overridePolicy } from '../libs/domain/src/policy/override-policy';
import { type Policy } from '../libs/domain/src/policy/policy';
import {
  ensureBinary,
  installTemporalRuntime,
  registerSearchAttributes,
  TEMPORAL_TEST_SERVER,
} from '../libs/temporal/src';
import {
  encryptingDataConverter,
  bundleWithFailureConverter,
  TEST_PAYLOAD_KEY_RING,
} from '../libs/temporal/src/codec';
import { type CaseActivities } from '../workflows/activity-types';
import {
  type ActRequest,
  type ActResult,
  actUpdate,
  calendarUpdatedSignal,
  type CaseSnapshot,
  caseSnapshotQuery,
  directoryUpdatedSignal,
  migratePolicyUpdate,
  type PetitionCaseInput,
  petitionerRatingUpdate,
  recordRepeatVisitUpdate,
  registrationRecordedUpdate,
} from '../workflows/case-messages';
import { type petitionCase } from '../workflows/petition-case.workflow';
import { caseWorkflowId } from '../workflows/workflow-ids';

export const FIXTURES_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'histories');
const NAMESPACE = 'default';
const TASK_QUEUE = 'history-fixtures';
/** Fixed, so the histories name no machine (the SDK's default identity is pid@hostname). */
const IDENTITY = 'history-fixtures';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

// ── dates in Asia/Shanghai (UTC+8, no daylight saving) ──────────────────────────────────────────

function shanghaiDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

// ── the fixed organisation: a district with one town, its people, and the city's office above ──

const DISTRICT = 'RPD01';
const TOWN = 'RPT01';

function person(userId: string, name: string, role: Principal['role'], unitCode: string): Principal {
  return { userId, name, role, unitCode };
}

const people = {
  clerkD: person('replay-clerk-d', '区登记员', 'clerk', DISTRICT),
  leaderD: person('replay-leader-d', '区负责人', 'unitLeader', DISTRICT),
  packageLeaderD: person('replay-pkg-d', '包案领导', 'packageLeader', DISTRICT),
  deputyD: person('replay-deputy-d', '代理包案领导', 'packageLeader', DISTRICT),
  supervisorD: person('replay-sup-d', '区督查员', 'supervisor', DISTRICT),
  adminD: person('replay-admin-d', '区管理员', 'admin', DISTRICT),
  leaderT: person('replay-leader-t', '镇负责人', 'unitLeader', TOWN),
  handlerT: person('replay-handler-t', '镇承办人', 'handler', TOWN),
};

const unitTree: UnitTree = buildUnitTree(
  [
    { code: DISTRICT, name: '回放测试区', level: 'district', parentCode: null },
    { code: TOWN, name: '回放测试镇', level: 'town', parentCode: DISTRICT },
  ],
  ['市信访局'],
);

function directory(changes: Partial<DirectorySnapshot> = {}): DirectorySnapshot {
  return {
    people: changes.people ?? Object.values(people).map((p) => ({ ...p, inPost: true })),
    delegations: changes.delegations ?? [],
  };
}

/** Saturdays and Sundays off, no holidays: no dates, so the input is the same whenever it is generated. */
const WEEKDAY_CALENDAR: Calendar = {
  version: 'replay-weekdays-1',
  timeZone: 'Asia/Shanghai',
  weeklyRestDays: ['SAT', 'SUN'],
  holidays: [],
  makeupWorkdays: [],
};

// ── stub activities: deterministic answers, no database ─────────────────────────────────────────

function stubActivities(): CaseActivities {
  return {
    async recordCaseEvent(event) {
      const hash = createHash('sha256').update(`${event.caseNumber}:${event.seq}`).digest('hex');
      return { seq: event.seq, hash };
    },
    async deliverNotifications(notification) {
      return { delivered: notification.recipients.length };
    },
  };
}

// ── driving cases on the time-skipping server ───────────────────────────────────────────────────

type CaseHandle = WorkflowHandle<typeof petitionCase>;
type History = temporal.api.history.v1.IHistory;

interface Fixture {
  name: string;
  description: string;
  history: History;
}

class Driver {
  readonly fixtures: Fixture[] = [];

  constructor(
    private readonly env: TestWorkflowEnvironment,
    /** Not env.client: ours never unlocks time skipping by itself, so time moves only in sleep(). */
    readonly client: Client,
  ) {}

  now(): Promise<number> {
    return this.env.currentTimeMs();
  }

  /** Moves the server's clock forward, letting every timer on the way fire. */
  sleep(ms: number): Promise<void> {
    return this.env.sleep(ms);
  }

  /** To the next 10:00 Shanghai time at least a minute ahead, so each scenario starts at a known local time. */
  async startOfWorkingDay(): Promise<string> {
    const now = await this.now();
    let date = shanghaiDate(now);
    for (;;) {
      const at = Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS + 10 * HOUR_MS;
      if (at > now + 60_000) {
        await this.sleep(at - now);
        return date;
      }
      date = plusDays(date, 1);
    }
  }

  async today(): Promise<string> {
    return shanghaiDate(await this.now());
  }

  /** Registers a case received now (server time) by the district's clerk; answers once it is recorded. */
  async startCase(
    caseNumber: string,
    options: {
      calendar?: Calendar;
      maxHistoryEvents?: number;
      reception?: ReceptionRef;
      policy?: Policy;
    } = {},
  ): Promise<CaseHandle> {
    const input: PetitionCaseInput = {
      register: {
        type: 'register',
        caseNumber,
        category: 'grievance',
        channel: options.reception ? 'leaderReception' : 'letter',
        ...(options.reception ? { reception: options.reception } : {}),
        receivedAt: new Date(await this.now()).toISOString(),
        subject: '小区排水问题',
        matterUnitCode: TOWN,
        // References only: the petitioner's personal data lives encrypted outside the workflow.
        petitionerRefs: [`case_submissions/${caseNumber}#petitioner`],
      },
      registeredBy: people.clerkD,
      policy: options.policy ?? DEFAULT_POLICY,
      calendar: options.calendar ?? WEEKDAY_CALENDAR,
      unitTree,
      directory: directory(),
      ...(options.maxHistoryEvents ? { maxHistoryEvents: options.maxHistoryEvents } : {}),
    };
    const handle = await this.client.workflow.start<typeof petitionCase>('petitionCase', {
      args: [input],
      taskQueue: TASK_QUEUE,
      workflowId: caseWorkflowId(caseNumber),
    });
    await handle.executeUpdate(registrationRecordedUpdate);
    return handle;
  }

  act(handle: CaseHandle, action: ActRequest['action'], actor: Principal): Promise<ActResult> {
    return handle.executeUpdate(actUpdate, { args: [{ action, actor }] });
  }

  snapshot(handle: CaseHandle): Promise<CaseSnapshot> {
    return handle.query(caseSnapshotQuery);
  }

  async expectStatus(handle: CaseHandle, status: string): Promise<void> {
    const actual = (await this.snapshot(handle)).state?.status;
    if (actual !== status) throw new Error(`${handle.workflowId}: expected status ${status}, got ${actual}`);
  }

  /** Waits until the run is idle: no workflow task or activity pending, the history no longer growing. */
  async settle(handle: CaseHandle, runId?: string): Promise<void> {
    const run = runId ? this.client.workflow.getHandle(handle.workflowId, runId) : handle;
    let previous = -1;
    let quiet = 0;
    for (let attempt = 0; attempt < 200; attempt++) {
      const { raw } = await run.describe();
      const length = Number(raw.workflowExecutionInfo?.historyLength ?? 0);
      const busy = Boolean(raw.pendingWorkflowTask) || (raw.pendingActivities?.length ?? 0) > 0;
      quiet = !busy && length === previous ? quiet + 1 : 0;
      if (quiet >= 2) return;
      previous = length;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the history of ${handle.workflowId} did not settle`);
  }

  /** Exports one run's history as a fixture, then terminates the run if it is still open. */
  async export(name: string, description: string, handle: CaseHandle, runId?: string): Promise<void> {
    await this.settle(handle, runId);
    const run = runId ? this.client.workflow.getHandle(handle.workflowId, runId) : handle;
    const history = await run.fetchHistory();
    this.fixtures.push({ name, description, history });
  }

  /** Ends whatever is still running, so no timer of one scenario fires while the next sleeps. */
  async terminate(handle: CaseHandle): Promise<void> {
    const { status } = await handle.describe();
    if (status.name === 'RUNNING') await handle.terminate('history fixture exported');
  }
}

// ── the scenarios ───────────────────────────────────────────────────────────────────────────────

/** Accept at the district, then the six defines: the town responsible, its handler, the district's package leader. */
async function acceptAndDefine(driver: Driver, handle: CaseHandle): Promise<void> {
  await driver.act(handle, { type: 'accept' }, people.clerkD);
  const today = await driver.today();
  await driver.act(
    handle,
    {
      type: 'defineSix',
      defines: {
        packageLeader: people.packageLeaderD,
        responsibleUnitCode: TOWN,
        handler: people.handlerT,
        resolutionPlan: '现场核查并协调维修',
        completionDeadline: plusDays(today, 45),
        targetOutcome: '排水恢复，群众满意',
      },
    },
    people.leaderD,
  );
}

async function recordDuty(
  driver: Driver,
  handle: CaseHandle,
  duty: 'investigate' | 'explainPolicy' | 'resolve' | 'replyAndSettle' | 'followUpVisit',
  summary: string,
): Promise<void> {
  await driver.act(
    handle,
    {
      type: 'recordDuty',
      duty,
      performedBy: [people.handlerT],
      performedOn: await driver.today(),
      summary,
      evidenceRefs: [`evidence-${duty}`],
    },
    people.handlerT,
  );
}

/** Investigate, reply, and deliver the reply today, all by the town's handler. */
async function replyAndDeliver(driver: Driver, handle: CaseHandle): Promise<void> {
  await recordDuty(driver, handle, 'investigate', '现场核查');
  await driver.act(
    handle,
    { type: 'reply', outcome: 'partlySupport', reasons: '已协调维修' },
    people.handlerT,
  );
  await driver.act(
    handle,
    { type: 'recordDelivery', document: 'reply', method: 'inPerson', deliveredOn: await driver.today() },
    people.handlerT,
  );
}

interface Scenario {
  name: string;
  description: string;
  run(driver: Driver, scenario: Scenario): Promise<void>;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'lawful-clocks',
    description:
      'under the lawful clock rules (art. 34/36 counting, Civil Code art. 203 roll once): a province policy with appraisal as a lawful pause; accepted with the 60th day on a holiday; an extension of 20 days counted from acceptance; a paused and resumed clock; the reply issued and not delivered, so the delivery clock warns and escalates; then delivered',
    async run(driver, scenario) {
      const d0 = await driver.startOfWorkingDay();
      const policy = overridePolicy(DEFAULT_POLICY, {
        version: 'replay-province-appraisal',
        pauseReasons: [
          ...DEFAULT_POLICY.pauseReasons,
          {
            code: 'appraisal',
            label: '鉴定',
            legalBasis: '某省信访条例（鉴定时间不计入）',
            clocks: ['handling'],
            counting: 'wholeDays',
          },
        ],
      });
      const calendar: Calendar = {
        ...WEEKDAY_CALENDAR,
        version: 'replay-lawful-holidays',
        holidays: [plusDays(d0, 60), plusDays(d0, 61), plusDays(d0, 62)],
      };
      const handle = await driver.startCase('RPD01-2026-000020', { policy, calendar });
      await acceptAndDefine(driver, handle);
      await driver.sleep(10 * DAY_MS);
      await driver.act(handle, { type: 'requestExtension', days: 20, reason: '需补充调查' }, people.handlerT);
      await driver.act(handle, { type: 'approveExtension', granted: true, note: '同意延期' }, people.leaderT);
      await driver.sleep(5 * DAY_MS);
      await driver.act(
        handle,
        { type: 'pauseClock', reason: '等待司法鉴定结论', reasonCode: 'appraisal' },
        people.handlerT,
      );
      await driver.sleep(DAY_MS + HOUR_MS);
      await driver.act(handle, { type: 'resumeClock' }, people.handlerT);
      await recordDuty(driver, handle, 'investigate', '现场核查');
      await driver.act(
        handle,
        { type: 'reply', outcome: 'notSupport', reasons: '缺乏事实根据' },
        people.handlerT,
      );
      const { clock } = await driver.snapshot(handle);
      if (clock?.name !== 'delivery') throw new Error(`lawful-clocks: running clock ${clock?.name}`);
      await driver.sleep(Date.parse(clock.deadline.endsAt) + HOUR_MS - (await driver.now()));
      const late = await driver.snapshot(handle);
      if (late.overdueLevel !== 1) throw new Error(`lawful-clocks: overdue level ${late.overdueLevel}`);
      await driver.act(
        handle,
        { type: 'recordDelivery', document: 'reply', method: 'post', deliveredOn: await driver.today() },
        people.handlerT,
      );
      await driver.export(scenario.name, scenario.description, handle);
      await driver.terminate(handle);
    },
  },
  {
    name: 'lifecycle-concluded',
    description:
      'register → accept → six defines → duties → reply → delivery → satisfaction → review → re-review → concluded → 90 days later the workflow completes',
    async run(driver, scenario) {
      await driver.startOfWorkingDay();
      const handle = await driver.startCase('RPD01-2026-000001');
      await driver.sleep(2 * DAY_MS);
      await acceptAndDefine(driver, handle);
      await driver.sleep(5 * DAY_MS);
      await recordDuty(driver, handle, 'investigate', '现场核查');
      await recordDuty(driver, handle, 'explainPolicy', '政策解释');
      await driver.sleep(3 * DAY_MS);
      await recordDuty(driver, handle, 'resolve', '协调维修完成');
      await driver.act(
        handle,
        { type: 'reply', outcome: 'partlySupport', reasons: '已协调维修' },
        people.handlerT,
      );
      await driver.act(
        handle,
        { type: 'recordDelivery', document: 'reply', method: 'inPerson', deliveredOn: await driver.today() },
        people.handlerT,
      );
      await recordDuty(driver, handle, 'replyAndSettle', '答复并做好息诉工作');
      await driver.act(handle, { type: 'recordSatisfaction', satisfaction: 'dissatisfied' }, people.handlerT);
      await driver.sleep(10 * DAY_MS);
      await driver.act(handle, { type: 'requestReview', reason: '对处理意见不服' }, people.clerkD);
      await driver.sleep(8 * DAY_MS);
      await driver.act(
        handle,
        { type: 'decideReview', outcome: 'notSupport', reasons: '维持原处理意见' },
        people.leaderD,
      );
      await driver.act(
        handle,
        {
          type: 'recordDelivery',
          document: 'reviewOpinion',
          method: 'post',
          deliveredOn: await driver.today(),
        },
        people.clerkD,
      );
      await driver.sleep(12 * DAY_MS);
      await driver.act(handle, { type: 'requestReReview', reason: '申请复核' }, people.clerkD);
      await driver.sleep(6 * DAY_MS);
      await driver.act(
        handle,
        { type: 'decideReReview', outcome: 'notSupport', reasons: '复核维持' },
        people.leaderD,
      );
      await driver.expectStatus(handle, 'concluded');
      await driver.sleep(91 * DAY_MS);
      await handle.result();
      await driver.export(scenario.name, scenario.description, handle);
    },
  },
  {
    name: 'triage-overdue',
    description:
      'registered and left untriaged for 25 days: triage warnings and the whole escalation ladder fire, then it is accepted',
    async run(driver, scenario) {
      await driver.startOfWorkingDay();
      const handle = await driver.startCase('RPD01-2026-000002');
      await driver.sleep(25 * DAY_MS);
      const snapshot = await driver.snapshot(handle);
      if (snapshot.overdueLevel < 2)
        throw new Error(`triage-overdue: overdue level ${snapshot.overdueLevel}`);
      await driver.act(handle, { type: 'accept' }, people.clerkD);
      await driver.expectStatus(handle, 'accepted');
      await driver.export(scenario.name, scenario.description, handle);
      await driver.terminate(handle);
    },
  },
  {
    name: 'review-window-lapsed',
    description:
      'reply delivered, no review asked within 30 days: closed by the system, and 90 days later the workflow completes',
    async run(driver, scenario) {
      await driver.startOfWorkingDay();
      const handle = await driver.startCase('RPD01-2026-000003');
      await acceptAndDefine(driver, handle);
      await driver.sleep(4 * DAY_MS);
      await replyAndDeliver(driver, handle);
      await driver.sleep(33 * DAY_MS);
      await driver.expectStatus(handle, 'closed');
      await driver.sleep(91 * DAY_MS);
      await handle.result();
      await driver.export(scenario.name, scenario.description, handle);
    },
  },
  {
    name: 'extension-pause-resume',
    description:
      'in handling: one extension of 20 days approved, the clock paused for 3 days and resumed, then warnings and the first escalation on the moved deadline',
    async run(driver, scenario) {
      await driver.startOfWorkingDay();
      const handle = await driver.startCase('RPD01-2026-000004');
      await acceptAndDefine(driver, handle);
      await driver.sleep(10 * DAY_MS);
      await driver.act(handle, { type: 'requestExtension', days: 20, reason: '需补充调查' }, people.handlerT);
      await driver.act(handle, { type: 'approveExtension', granted: true, note: '同意延期' }, people.leaderT);
      await driver.sleep(40 * DAY_MS);
      await driver.act(handle, { type: 'pauseClock', reason: '等待司法鉴定结论' }, people.handlerT);
      await driver.sleep(3 * DAY_MS + HOUR_MS);
      await driver.act(handle, { type: 'resumeClock' }, people.handlerT);
      const { clock } = await driver.snapshot(handle);
      if (!clock) throw new Error('extension-pause-resume: no running clock');
      await driver.sleep(Date.parse(clock.deadline.endsAt) + HOUR_MS - (await driver.now()));
      const after = await driver.snapshot(handle);
      if (after.overdueLevel !== 1)
        throw new Error(`extension-pause-resume: overdue level ${after.overdueLevel}`);
      await driver.export(scenario.name, scenario.description, handle);
      await driver.terminate(handle);
    },
  },
  {
    name: 'calendar-and-policy-migration',
    description:
      'a calendar update (sent twice, applied once per version) and an administrator’s policy migration recompute the triage deadline; a directory update; warnings on the migrated deadline; then accepted and defined',
    async run(driver, scenario) {
      await driver.startOfWorkingDay();
      const handle = await driver.startCase('RPD01-2026-000005');
      await driver.sleep(2 * DAY_MS);
      // Next year's table arrives: the triage last day becomes a holiday, so the deadline moves later.
      const before = await driver.snapshot(handle);
      const lastDay = before.clock?.deadline.lastDay;
      if (!lastDay) throw new Error('calendar-and-policy-migration: no triage deadline');
      const published: Calendar = { ...WEEKDAY_CALENDAR, version: 'replay-weekdays-2', holidays: [lastDay] };
      await handle.signal(calendarUpdatedSignal, published);
      await handle.signal(calendarUpdatedSignal, published); // the same version again: nothing happens
      await driver.settle(handle);
      const moved = await driver.snapshot(handle);
      if (moved.clock?.deadline.lastDay === lastDay)
        throw new Error('the calendar update did not move the deadline');
      // A jurisdiction's policy with a shorter triage clock, migrated by an administrator.
      const policy = overridePolicy(DEFAULT_POLICY, {
        version: 'replay-jurisdiction-1',
        jurisdiction: '回放测试省',
        clocks: { triage: { days: 10 } },
      });
      const migrated = await handle.executeUpdate(migratePolicyUpdate, {
        args: [{ policy, reason: '省级规定缩短分流期限', actor: people.adminD }],
      });
      if (!migrated.changed) throw new Error('the policy migration changed nothing');
      await handle.signal(
        directoryUpdatedSignal,
        directory({ delegations: [{ holderUserId: people.packageLeaderD.userId, deputy: people.deputyD }] }),
      );
      // The warnings of the migrated, moved triage deadline fire (3 days and 1 day before it).
      const migratedDue = (await driver.snapshot(handle)).clock?.deadline.endsAt;
      if (!migratedDue) throw new Error('calendar-and-policy-migration: no deadline after the migration');
      await driver.sleep(Date.parse(migratedDue) - 12 * HOUR_MS - (await driver.now()));
      await acceptAndDefine(driver, handle);
      await driver.sleep(3 * DAY_MS);
      await driver.export(scenario.name, scenario.description, handle);
      await driver.terminate(handle);
    },
  },
  {
    name: 'withdrawn',
    description: 'accepted and defined, then withdrawn by the petitioner: the workflow completes',
    async run(driver, scenario) {
      await driver.startOfWorkingDay();
      const handle = await driver.startCase('RPD01-2026-000006');
      await acceptAndDefine(driver, handle);
      await driver.sleep(6 * DAY_MS);
      await driver.act(handle, { type: 'withdraw', reason: '信访人书面撤回' }, people.handlerT);
      await handle.result();
      await driver.export(scenario.name, scenario.description, handle);
    },
  },
  {
    name: 'reception-objection-completion',
    description:
      'registered in a reception session → assigned down → objection → overruled → accepted by the town → six defines with the receiving leader → feedback warning and overdue → reply → completion report',
    async run(driver, scenario) {
      const today = await driver.startOfWorkingDay();
      const handle = await driver.startCase('RPD01-2026-000008', {
        reception: { sessionId: 'replay-session-1', leader: people.leaderD },
      });
      await driver.act(
        handle,
        { type: 'assignDown', toUnitCode: TOWN, reason: '属地管理', feedbackDueDate: plusDays(today, 3) },
        people.clerkD,
      );
      await driver.sleep(DAY_MS);
      await driver.act(handle, { type: 'objectMisroute', reason: '不属于本镇职责' }, people.leaderT);
      await driver.act(
        handle,
        { type: 'decideObjection', decision: 'overrule', reason: '属地事项，由镇办理' },
        people.leaderD,
      );
      await driver.act(handle, { type: 'accept' }, people.leaderT);
      await driver.act(
        handle,
        {
          type: 'defineSix',
          defines: {
            responsibleUnitCode: TOWN,
            handler: people.handlerT,
            resolutionPlan: '核实补偿标准',
            completionDeadline: plusDays(today, 40),
            targetOutcome: '补偿到位',
          },
        },
        people.leaderT,
      );
      // Past the feedback date: the feedback clock warns, then records it overdue.
      await driver.sleep(4 * DAY_MS);
      await recordDuty(driver, handle, 'investigate', '现场核查');
      await driver.act(handle, { type: 'reply', outcome: 'support', reasons: '补偿已发放' }, people.handlerT);
      await driver.act(
        handle,
        { type: 'reportCompletion', summary: '已答复，信访人息诉', evidenceRefs: ['report-1'] },
        people.handlerT,
      );
      await driver.expectStatus(handle, 'replied');
      await driver.export(scenario.name, scenario.description, handle);
      await driver.terminate(handle);
    },
  },
  {
    name: 'continue-as-new',
    description:
      'supervision reminders until the history passes maxHistoryEvents (40): the first run, ending in continue-as-new',
    async run(driver, scenario) {
      await driver.startOfWorkingDay();
      const handle = await driver.startCase('RPD01-2026-000007', { maxHistoryEvents: 40 });
      const firstRunId = (await handle.describe()).runId;
      for (let i = 1; ; i++) {
        if (i > 30) throw new Error('continue-as-new: the run never continued as new');
        await driver.act(handle, { type: 'remind', text: `催办第${i}次` }, people.supervisorD);
        await driver.settle(handle);
        if ((await handle.describe()).runId !== firstRunId) break;
      }
      await driver.export(scenario.name, scenario.description, handle, firstRunId);
      await driver.act(handle, { type: 'accept' }, people.clerkD);
      await driver.sleep(2 * DAY_MS);
      await driver.export(
        `${scenario.name}-second-run`,
        'the run after continue-as-new, started from the carried state: accepted, two days pass',
        handle,
      );
      await driver.terminate(handle);
    },
  },
  {
    name: 'art35-backdated-review',
    description:
      'patches review-body-art35 and art32-outcomes: assigned down → the town accepts and replies (explain) → delivered → the window lapses and closes the case → a review request received on day 29, recorded on day 33, reopens it → the district (above the town) reviews',
    async run(driver, scenario) {
      const today = await driver.startOfWorkingDay();
      const handle = await driver.startCase('RPD01-2026-000009');
      await driver.act(
        handle,
        { type: 'assignDown', toUnitCode: TOWN, reason: '属地管理', feedbackDueDate: plusDays(today, 10) },
        people.clerkD,
      );
      await driver.act(handle, { type: 'accept' }, people.leaderT);
      await driver.act(
        handle,
        {
          type: 'defineSix',
          defines: {
            packageLeader: people.leaderT,
            responsibleUnitCode: TOWN,
            handler: people.handlerT,
            resolutionPlan: '现场核查并协调维修',
            completionDeadline: plusDays(today, 45),
            targetOutcome: '排水恢复，群众满意',
          },
        },
        people.leaderT,
      );
      await recordDuty(driver, handle, 'investigate', '现场核查');
      await driver.act(
        handle,
        { type: 'reply', outcome: 'explain', reasons: '依政策解释说明' },
        people.leaderT,
      );
      const deliveredAt = await driver.now();
      await driver.act(
        handle,
        { type: 'recordDelivery', document: 'reply', method: 'inPerson', deliveredOn: await driver.today() },
        people.handlerT,
      );
      await driver.sleep(33 * DAY_MS);
      await driver.expectStatus(handle, 'closed');
      await driver.act(
        handle,
        {
          type: 'requestReview',
          reason: '对处理意见不服',
          receivedAt: new Date(deliveredAt + 29 * DAY_MS).toISOString(),
          receivedAtReason: '信件于第29日寄达，第33日补录',
        },
        people.clerkD,
      );
      await driver.expectStatus(handle, 'underReview');
      const review = (await driver.snapshot(handle)).state?.review;
      if (review?.body.kind !== 'unit' || review.body.code !== DISTRICT)
        throw new Error(`art35-backdated-review: reviewed by ${JSON.stringify(review?.body)}`);
      await driver.sleep(2 * DAY_MS);
      await driver.act(
        handle,
        { type: 'decideReview', outcome: 'support', reasons: '予以支持' },
        people.leaderD,
      );
      await driver.expectStatus(handle, 'reviewed');
      await driver.export(scenario.name, scenario.description, handle);
      await driver.terminate(handle);
    },
  },
  {
    name: 'repeat-visits',
    description:
      'three repeat visits on the open case (one sent twice, recorded once): the second escalated to the package leader, the third to the supervision office; then accepted',
    async run(driver, scenario) {
      await driver.startOfWorkingDay();
      const handle = await driver.startCase('RPD01-2026-000008');
      const visit = async (visitId: string) =>
        handle.executeUpdate(recordRepeatVisitUpdate, {
          args: [
            {
              visitId,
              channel: 'visit',
              receivedAt: new Date(await driver.now()).toISOString(),
              similarity: 0.8,
              actor: people.clerkD,
            },
          ],
        });
      await visit('replay-visit-1');
      await driver.sleep(DAY_MS);
      await visit('replay-visit-2');
      const again = await visit('replay-visit-2');
      if (again.repeatVisits !== 2)
        throw new Error(`repeat-visits: the same visit counted ${again.repeatVisits}`);
      await driver.sleep(DAY_MS);
      await visit('replay-visit-3');
      await driver.act(handle, { type: 'accept' }, people.clerkD);
      await driver.export(scenario.name, scenario.description, handle);
      await driver.terminate(handle);
    },
  },
  {
    name: 'recusal-reassign',
    description:
      'in handling, the petitioner asks for the handler’s recusal (sent twice, recorded once); the town leader decides 决定回避; the handler is replaced by reassignment and the new handler records a duty',
    async run(driver, scenario) {
      await driver.startOfWorkingDay();
      const handle = await driver.startCase('RPD01-2026-000009');
      await acceptAndDefine(driver, handle);
      const request = {
        type: 'requestRecusal',
        person: people.handlerT,
        ground: 'relative',
        explanation: '承办人系信访人的表兄',
      } as const;
      const first = await driver.act(handle, request, people.clerkD);
      const again = await driver.act(handle, request, people.clerkD);
      if (again.lastSeq !== first.lastSeq)
        throw new Error(
          `recusal-reassign: the same request recorded twice (${first.lastSeq}, ${again.lastSeq})`,
        );
      await driver.sleep(DAY_MS);
      await driver.act(
        handle,
        {
          type: 'decideRecusal',
          userId: people.handlerT.userId,
          decision: 'recuse',
          reason: '经核实确系近亲属',
        },
        people.leaderT,
      );
      const newHandler = person('replay-handler-t2', '镇承办人乙', 'handler', TOWN);
      await driver.act(
        handle,
        { type: 'reassign', changes: { handler: newHandler }, reason: '原承办人回避' },
        people.leaderT,
      );
      await driver.act(
        handle,
        {
          type: 'recordDuty',
          duty: 'investigate',
          performedBy: [newHandler],
          performedOn: await driver.today(),
          summary: '现场核查',
          evidenceRefs: ['evidence-investigate'],
        },
        newHandler,
      );
      await driver.expectStatus(handle, 'inHandling');
      await driver.export(scenario.name, scenario.description, handle);
      await driver.terminate(handle);
    },
  },
  {
    name: 'skip-level-visit-and-petitioner-rating',
    description:
      'a skip-level visit (art. 19) naming the higher level’s case; accepted, defined, replied and delivered; the petitioner’s own rating from the public progress query (sent twice, recorded once); a counter rating then refused',
    async run(driver, scenario) {
      await driver.startOfWorkingDay();
      const handle = await driver.startCase('RPD01-2026-000009');
      await handle.executeUpdate(recordRepeatVisitUpdate, {
        args: [
          {
            visitId: 'replay-skip-level-visit-1',
            channel: 'visit',
            receivedAt: new Date(await driver.now()).toISOString(),
            similarity: 1,
            actor: people.clerkD,
            skipLevelCaseNumber: 'RPC01-2026-000001',
          },
        ],
      });
      await acceptAndDefine(driver, handle);
      await replyAndDeliver(driver, handle);
      const rating = {
        ratingId: '00000000-0000-4000-8000-000000000009',
        replySeq: 1,
        satisfaction: 'basicallySatisfied' as const,
        comment: '处理及时',
        submittedAt: new Date(await driver.now()).toISOString(),
      };
      const first = await handle.executeUpdate(petitionerRatingUpdate, { args: [rating] });
      const again = await handle.executeUpdate(petitionerRatingUpdate, { args: [rating] });
      if (again.eventSeq !== first.eventSeq)
        throw new Error(
          `${scenario.name}: the same rating recorded twice (${first.eventSeq}, ${again.eventSeq})`,
        );
      const counter = await driver
        .act(handle, { type: 'recordSatisfaction', satisfaction: 'satisfied' }, people.handlerT)
        .then(
          () => 'accepted',
          (error: Error) => error.cause?.constructor.name ?? error.name,
        );
      if (counter === 'accepted')
        throw new Error(`${scenario.name}: a second rating of the reply was accepted`);
      await driver.expectStatus(handle, 'replied');
      await driver.export(scenario.name, scenario.description, handle);
      await driver.terminate(handle);
    },
  },
];

// ── history JSON ────────────────────────────────────────────────────────────────────────────────

/**
 * What `historyToJSON` (@temporalio/common/lib/proto-utils) does, with the protojson module of the
 * protobufjs copy that @temporalio/proto itself loads. In this tree @temporalio/common and
 * @temporalio/proto each get their own protobufjs 8 (the top-level one is 7.x, for @grpc/proto-loader),
 * so the SDK's helper fails its `instanceof Type` check with "type must be a Type".
 */
function historyToJson(history: History): string {
  // protobufjs as @temporalio/proto resolves it, whatever the install layout.
  const protojson = createRequire(require.resolve('@temporalio/proto'))('protobufjs/ext/protojson') as {
    toJson(type: unknown, message: unknown): unknown;
  };
  const historyType = (
    patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }
  ).lookupType('temporal.api.history.v1.History');
  const message = temporal.api.history.v1.History.fromObject(history);
  return JSON.stringify(protojson.toJson(historyType, message), null, 2);
}

// ── the run ─────────────────────────────────────────────────────────────────────────────────────

/**
 * `--only name[,name]`: runs just those scenarios and writes just their files, leaving every other
 * committed history as it is (a new scenario is added without regenerating the old ones).
 */
function selectedScenarios(argv: readonly string[]): { scenarios: Scenario[]; all: boolean } {
  const index = argv.indexOf('--only');
  if (index < 0) return { scenarios: SCENARIOS, all: true };
  const names = (argv[index + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (names.length === 0 || unknown.length > 0)
    throw new Error(`--only needs scenario names; unknown: ${unknown.join(', ') || '(none given)'}`);
  return { scenarios: SCENARIOS.filter((scenario) => names.includes(scenario.name)), all: false };
}

async function main(): Promise<void> {
  const started = Date.now();
  const { scenarios: selected, all } = selectedScenarios(process.argv.slice(2));
  installTemporalRuntime('warn');
  // The pinned test server, started by the SDK as its time-skipping environment starts it.
  const binary = ensureBinary(TEMPORAL_TEST_SERVER);
  const [env, bundle] = await Promise.all([
    TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: binary } },
    }),
    bundleWithFailureConverter(require.resolve('../workflows')),
  ]);
  let fixtures: Fixture[];
  try {
    await registerSearchAttributes(env.connection, NAMESPACE);
    const dataConverter = encryptingDataConverter(TEST_PAYLOAD_KEY_RING);
    const client = new Client({
      connection: env.connection,
      namespace: NAMESPACE,
      dataConverter,
      identity: IDENTITY,
    });
    const worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: NAMESPACE,
      taskQueue: TASK_QUEUE,
      identity: IDENTITY,
      workflowBundle: { code: bundle },
      activities: stubActivities(),
      dataConverter,
    });
    const driver = new Driver(env, client);
    await worker.runUntil(async () => {
      for (const scenario of selected) {
        const began = Date.now();
        await scenario.run(driver, scenario);
        process.stdout.write(`  ran ${scenario.name} in ${Date.now() - began} ms\n`);
      }
    });
    fixtures = driver.fixtures;
  } finally {
    await env.teardown();
  }

  // Each history must replay against the code that wrote it, or it is no fixture (and the workflow has a bug).
  const replays = Worker.runReplayHistories(
    { workflowBundle: { code: bundle }, dataConverter: encryptingDataConverter(TEST_PAYLOAD_KEY_RING) },
    fixtures.map((fixture) => ({ workflowId: fixture.name, history: fixture.history })),
  );
  for await (const result of replays) {
    if (result.error) throw new Error(`${result.workflowId} does not replay: ${result.error.message}`);
  }

  // Only now, with every scenario done, replace the old set (a renamed scenario leaves no stale file).
  fs.mkdirSync(FIXTURES_DIR, { recursive: true });
  if (all)
    for (const file of fs.readdirSync(FIXTURES_DIR))
      if (file.endsWith('.json')) fs.rmSync(path.join(FIXTURES_DIR, file));
  process.stdout.write(
    `wrote ${fixtures.length} histories to ${path.relative(process.cwd(), FIXTURES_DIR)}:\n`,
  );
  for (const fixture of fixtures) {
    const file = path.join(FIXTURES_DIR, `${fixture.name}.json`);
    const json = `${historyToJson(fixture.history)}\n`;
    fs.writeFileSync(file, json);
    const events = fixture.history.events ?? [];
    process.stdout.write(
      `  ${path.basename(file)}: ${events.length} events, ${Buffer.byteLength(json)} bytes, ends with ${lastEventName(events[events.length - 1]?.eventType)} — ${fixture.description}\n`,
    );
  }
  process.stdout.write(`done in ${Date.now() - started} ms\n`);
}

/** `EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED` → `WorkflowExecutionCompleted`. */
function lastEventName(type: temporal.api.enums.v1.EventType | null | undefined): string {
  if (type === null || type === undefined) return 'none';
  const name: string = temporal.api.enums.v1.EventType[type] ?? `EVENT_TYPE_${type}`;
  return name
    .replace(/^EVENT_TYPE_/, '')
    .toLowerCase()
    .replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`generate-history-fixtures failed: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  });
}

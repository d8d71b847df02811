import { type CaseAction, type CaseStatus } from '../libs/domain/src/case';
import { type Principal } from '../libs/domain/src/org/principal';
import { DEFAULT_POLICY } from '../libs/domain/src/policy/default-policy';
import { overridePolicy } from '../libs/domain/src/policy/override-policy';
import { CASE_STATUS, DUE_AT, OVERDUE_LEVEL, RESPONSIBLE_UNIT } from '../libs/temporal/src/search-attributes';
import { GENESIS_HASH } from '../workflows/case-events';
import { migratePolicyUpdate, type PolicyMigration } from '../workflows/case-messages';
import {
  type DevCase,
  DevServerHarness,
  endOfShanghaiDay,
  type Org,
  plusDays,
  rejectionOf,
  shanghaiDate,
  weekdayOf,
} from './support/case-devserver';

type StaffAction = Exclude<CaseAction, { type: 'register' }>;
type Step = readonly [name: string, action: StaffAction, actor: (org: Org) => Principal, status: CaseStatus];

/** A calendar-day deadline of `days` from `startDay` (not counted), moved off Saturday and Sunday. */
function calendarDaysLastDay(startDay: string, days: number): string {
  let day = plusDays(startDay, days);
  while (weekdayOf(day) === 'SAT' || weekdayOf(day) === 'SUN') day = plusDays(day, 1);
  return day;
}

/** `days` working days after `startDay` (not counted), Saturdays and Sundays off. */
function workingDaysLastDay(startDay: string, days: number): string {
  let day = startDay;
  for (let counted = 0; counted < days;) {
    day = plusDays(day, 1);
    if (weekdayOf(day) !== 'SAT' && weekdayOf(day) !== 'SUN') counted++;
  }
  return day;
}

/** The whole lifecycle from registration to the re-review decision, as staff drive it. */
function lifecycle(org: Org, today: string): Step[] {
  const duty = (duty: 'investigate' | 'explainPolicy' | 'resolve', summary: string): StaffAction => ({
    type: 'recordDuty',
    duty,
    performedBy: [org.handlerT1],
    performedOn: today,
    summary,
    evidenceRefs: [`evidence-${duty}`],
  });
  return [
    ['accept', { type: 'accept' }, (o) => o.clerkD, 'accepted'],
    [
      'defineSix',
      {
        type: 'defineSix',
        defines: {
          packageLeader: org.packageLeaderD,
          responsibleUnitCode: org.town1,
          handler: org.handlerT1,
          resolutionPlan: '现场核查并协调维修',
          completionDeadline: plusDays(today, 30),
          targetOutcome: '排水恢复，群众满意',
        },
      },
      (o) => o.leaderD,
      'inHandling',
    ],
    ['investigate', duty('investigate', '现场核查管网'), (o) => o.handlerT1, 'inHandling'],
    ['explainPolicy', duty('explainPolicy', '解释维修资金政策'), (o) => o.handlerT1, 'inHandling'],
    ['resolve', duty('resolve', '协调物业疏通'), (o) => o.handlerT1, 'inHandling'],
    [
      'reply',
      { type: 'reply', outcome: 'explain', reasons: '已协调疏通，改造需列入计划' },
      (o) => o.handlerT1,
      'replied',
    ],
    [
      'deliver reply',
      { type: 'recordDelivery', document: 'reply', method: 'inPerson', deliveredOn: today },
      (o) => o.handlerT1,
      'replied',
    ],
    [
      'satisfaction',
      { type: 'recordSatisfaction', satisfaction: 'dissatisfied' },
      (o) => o.handlerT1,
      'replied',
    ],
    ['requestReview', { type: 'requestReview', reason: '对处理意见不服' }, (o) => o.clerkD, 'underReview'],
    [
      'decideReview',
      { type: 'decideReview', outcome: 'notSupport', reasons: '维持原处理意见' },
      (o) => o.leaderD,
      'reviewed',
    ],
    [
      'deliver review opinion',
      { type: 'recordDelivery', document: 'reviewOpinion', method: 'post', deliveredOn: today },
      (o) => o.clerkD,
      'reviewed',
    ],
    [
      'requestReReview',
      { type: 'requestReReview', reason: '对复查意见不服' },
      (o) => o.clerkD,
      'underReReview',
    ],
    [
      'decideReReview',
      { type: 'decideReReview', outcome: 'notSupport', reasons: '复核维持' },
      (o) => o.leaderD,
      'concluded',
    ],
  ];
}

const LIFECYCLE_EVENTS = [
  'caseRegistered',
  'caseAccepted',
  'sixDefinesSet',
  'dutyRecorded',
  'dutyRecorded',
  'dutyRecorded',
  'replyIssued',
  'deliveryRecorded',
  'satisfactionRecorded',
  'reviewRequested',
  'reviewDecided',
  'deliveryRecorded',
  'reReviewRequested',
  'reReviewDecided',
];

/** Staff actions through the `act` Update on the local dev server, with the real activities and PostgreSQL. */
describe('case workflow Updates on the dev server', () => {
  let harness: DevServerHarness;
  let org: Org;

  beforeAll(async () => {
    harness = await DevServerHarness.start('case-updates');
    org = await harness.createOrg();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const today = () => shanghaiDate(Date.now());

  async function driveTo(run: DevCase, status: CaseStatus): Promise<void> {
    for (const [, action, actor, reached] of lifecycle(org, today())) {
      await run.act(action, actor(org));
      if (reached === status) return;
    }
    throw new Error(`the lifecycle never reaches ${status}`);
  }

  /** Takes the history and the event log, runs the rejected Update, and checks both are untouched. */
  async function expectRejectedWithoutTrace(
    run: DevCase,
    update: () => Promise<unknown>,
    code: string,
    field?: string,
  ): Promise<void> {
    await run.settledHistoryLength();
    const historyBefore = (await run.handle.fetchHistory()).events ?? [];
    const eventsBefore = await run.events();
    const rowBefore = await run.caseRow();

    const rejection = await rejectionOf(harness.within(6_000, update));

    expect(rejection.type).toBe(code);
    expect(rejection.details).toEqual([expect.objectContaining(field ? { code, field } : { code })]);
    expect(rejection.message).toMatch(/\S/);
    const historyAfter = (await run.handle.fetchHistory()).events ?? [];
    expect(historyAfter.length).toBe(historyBefore.length);
    expect(historyAfter.map((event) => event.eventType)).toEqual(
      historyBefore.map((event) => event.eventType),
    );
    expect(await run.settledHistoryLength()).toBe(historyBefore.length);
    expect(await run.events()).toEqual(eventsBefore);
    expect(await run.caseRow()).toEqual(rowBefore);
  }

  describe('validators reject bad actions and the history is unchanged', () => {
    let registered: DevCase;
    let accepted: DevCase;
    let accusation: DevCase;
    let handlingLastDay: string;

    beforeAll(async () => {
      [registered, accepted, accusation] = await Promise.all([
        harness.startCase(org),
        harness.startCase(org),
        harness.startCase(org, {
          category: 'accusation',
          accused: { unitCodes: [org.town2], userIds: [] },
        }),
      ]);
      await accepted.act({ type: 'accept' }, org.clerkD);
      handlingLastDay = (await accepted.snapshot()).clock!.deadline.lastDay;
    });

    const defines = (overrides: Record<string, unknown>) =>
      ({
        type: 'defineSix',
        defines: {
          packageLeader: org.packageLeaderD,
          responsibleUnitCode: org.town1,
          handler: org.handlerT1,
          resolutionPlan: '现场核查并协调维修',
          completionDeadline: plusDays(today(), 30),
          targetOutcome: '排水恢复，群众满意',
          ...overrides,
        },
      }) as StaffAction;

    const cases: [string, () => DevCase, () => StaffAction, () => Principal, string, string | null][] = [
      [
        'reply while registered',
        () => registered,
        () => ({ type: 'reply', outcome: 'support', reasons: '支持' }),
        () => org.clerkD,
        'CASE_STATE_CONFLICT',
        null,
      ],
      [
        'a handler accepting',
        () => registered,
        () => ({ type: 'accept' }),
        () => org.handlerT1,
        'ROLE_NOT_ALLOWED',
        null,
      ],
      [
        'six defines without a package leader',
        () => accepted,
        () => defines({ packageLeader: undefined }),
        () => org.leaderD,
        'SIX_DEFINES_INCOMPLETE',
        'defines.packageLeader',
      ],
      [
        'a completion deadline after the statutory limit',
        () => accepted,
        () => defines({ completionDeadline: plusDays(handlingLastDay, 1) }),
        () => org.leaderD,
        'DEADLINE_BEYOND_LIMIT',
        'defines.completionDeadline',
      ],
      [
        'a handler outside the responsible unit',
        () => accepted,
        () => defines({ handler: org.handlerT2 }),
        () => org.leaderD,
        'HANDLER_NOT_IN_UNIT',
        'defines.handler',
      ],
      [
        'an accusation transferred to the accused unit',
        () => accusation,
        () => ({ type: 'transfer', toUnitCode: org.town2, reason: '属地管理' }),
        () => org.clerkD,
        'ACCUSED_UNIT_EXCLUDED',
        'toUnitCode',
      ],
    ];

    it.each(cases.map(([name, ...rest]) => [`${name} → ${rest[3]}`, ...rest] as const))(
      '%s, nothing recorded',
      async (_name, run, action, actor, code, field) => {
        await expectRejectedWithoutTrace(run(), () => run().act(action(), actor()), code, field ?? undefined);
      },
    );

    it('the case still takes a valid action after the rejections', async () => {
      expect(handlingLastDay).toBe(calendarDaysLastDay(shanghaiDate(Date.now()), 60));
      const result = await accepted.act(defines({ completionDeadline: handlingLastDay }), org.leaderD);
      expect(result).toEqual({ status: 'inHandling', lastSeq: 3 });
      expect(await accepted.eventTypes()).toEqual(['caseRegistered', 'caseAccepted', 'sixDefinesSet']);
      expect(await registered.eventTypes()).toEqual(['caseRegistered']);
      expect(await accusation.eventTypes()).toEqual(['caseRegistered']);
    });

    it('a second extension → EXTENSION_ALREADY_USED, nothing recorded', async () => {
      const run = await harness.startCase(org);
      await driveTo(run, 'inHandling');
      const before = (await run.snapshot()).clock!.deadline;
      await run.act({ type: 'requestExtension', days: 10, reason: '需委托鉴定' }, org.handlerT1);
      const approved = await run.act({ type: 'approveExtension', granted: true }, org.leaderT1);
      expect(approved.status).toBe('inHandling');
      const snapshot = await run.snapshot();
      const extended = snapshot.clock!.deadline;
      // Art. 34: 60 + 10 days from acceptance, rolled once (not 10 days after the rolled last day).
      const acceptedDay = shanghaiDate(Date.parse(snapshot.state!.acceptedAt!));
      expect(extended.lastDay).toBe(calendarDaysLastDay(acceptedDay, 70));
      expect(before.lastDay).toBe(calendarDaysLastDay(acceptedDay, 60));
      expect(extended.endsAt).toBe(endOfShanghaiDay(extended.lastDay));

      await expectRejectedWithoutTrace(
        run,
        () => run.act({ type: 'requestExtension', days: 5, reason: '再次延期' }, org.handlerT1),
        'EXTENSION_ALREADY_USED',
      );
      expect((await run.snapshot()).state!.extension.granted).toMatchObject({ days: 10, granted: true });
    });
  });

  it('drives the whole lifecycle by Updates: events chained in PostgreSQL, read model, query and search attributes', async () => {
    const run = await harness.startCase(org);
    const receivedDay = shanghaiDate(Date.parse((await run.snapshot()).state!.receivedAt));
    expect(await run.caseRow()).toMatchObject({ status: 'registered', eventCount: 1 });

    const searchAttributes = async () => {
      const attributes = (await run.handle.describe()).typedSearchAttributes;
      return {
        status: attributes.get(CASE_STATUS),
        unit: attributes.get(RESPONSIBLE_UNIT),
        dueAt: attributes.get(DUE_AT)?.toISOString(),
        overdueLevel: attributes.get(OVERDUE_LEVEL),
      };
    };
    // Triage: 15 calendar days from receipt.
    expect(await searchAttributes()).toEqual({
      status: 'registered',
      unit: org.district,
      dueAt: endOfShanghaiDay(calendarDaysLastDay(receivedDay, 15)),
      overdueLevel: 0,
    });

    const seen: Record<string, Awaited<ReturnType<typeof searchAttributes>>> = {};
    let expectedSeq = 1;
    const day = today();
    for (const [name, action, actor, status] of lifecycle(org, day)) {
      if (name === 'decideReview') {
        // The town that did the work may not decide the review: the body above the district that accepted does.
        await expectRejectedWithoutTrace(run, () => run.act(action, org.leaderT1), 'NOT_DECIDING_BODY');
      }
      const result = await run.act(action, actor(org));
      expectedSeq++;
      expect({ name, ...result }).toEqual({ name, status, lastSeq: expectedSeq });
      // Read your writes: the Update answers only after its event is stored.
      expect(await run.caseRow()).toMatchObject({ status, eventCount: expectedSeq });
      seen[name] = await searchAttributes();
    }

    const events = await run.events();
    expect(events.map((event) => event.type)).toEqual(LIFECYCLE_EVENTS);
    expect(events.map((event) => event.seq)).toEqual(LIFECYCLE_EVENTS.map((_, index) => index + 1));
    events.forEach((event, index) =>
      expect(event.prevHash).toBe(index === 0 ? GENESIS_HASH : events[index - 1].hash),
    );
    expect(new Set(events.map((event) => event.hash)).size).toBe(events.length);
    expect(events.map((event) => event.payload.status)).toEqual([
      'registered',
      'accepted',
      'inHandling',
      'inHandling',
      'inHandling',
      'inHandling',
      'replied',
      'replied',
      'replied',
      'underReview',
      'reviewed',
      'reviewed',
      'underReReview',
      'concluded',
    ]);
    expect(events.map((event) => event.actorId)).toEqual([
      org.clerkD.userId,
      org.clerkD.userId,
      org.leaderD.userId,
      org.handlerT1.userId,
      org.handlerT1.userId,
      org.handlerT1.userId,
      org.handlerT1.userId,
      org.handlerT1.userId,
      org.handlerT1.userId,
      org.clerkD.userId,
      org.leaderD.userId,
      org.clerkD.userId,
      org.clerkD.userId,
      org.leaderD.userId,
    ]);
    expect(events[9].payload.body).toEqual({ kind: 'external', name: org.bodiesAboveTop[0] });
    expect(events[12].payload.body).toEqual({ kind: 'external', name: org.bodiesAboveTop[1] });
    expect(await run.caseRow()).toEqual({
      status: 'concluded',
      eventCount: 14,
      lastEventHash: events[13].hash,
    });

    const snapshot = await run.snapshot();
    expect(snapshot.chain).toEqual({ count: 14, lastHash: events[13].hash });
    expect(snapshot.clock).toBeNull();
    expect(snapshot.policyVersion).toBe(DEFAULT_POLICY.version);
    const state = snapshot.state!;
    expect(state.status).toBe('concluded');
    expect(state.sixDefines).toMatchObject({
      responsibleUnitCode: org.town1,
      handler: { userId: org.handlerT1.userId },
      packageLeader: { userId: org.packageLeaderD.userId },
    });
    expect(state.duties.map((d) => d.duty)).toEqual(['investigate', 'explainPolicy', 'resolve']);
    expect(state.reply).toMatchObject({
      outcome: 'explain',
      handlingUnitCode: org.district,
      delivery: { method: 'inPerson', deliveredOn: day },
    });
    expect(state.satisfaction?.satisfaction).toBe('dissatisfied');
    // Art. 35: the district accepted and issued the opinion, so the body above it reviews; art. 36: the next one re-reviews.
    expect(state.review).toMatchObject({
      body: { kind: 'external', name: org.bodiesAboveTop[0] },
      opinion: { outcome: 'notSupport', delivery: { method: 'post' } },
    });
    expect(state.reReview).toMatchObject({
      body: { kind: 'external', name: org.bodiesAboveTop[1] },
      opinion: { outcome: 'notSupport' },
    });

    // Search attributes followed every step.
    const acceptedDay = shanghaiDate(Date.parse(state.acceptedAt!));
    expect(seen.accept).toEqual({
      status: 'accepted',
      unit: org.district,
      dueAt: endOfShanghaiDay(calendarDaysLastDay(acceptedDay, 60)),
      overdueLevel: 0,
    });
    expect(seen.defineSix).toEqual({ ...seen.accept, status: 'inHandling', unit: org.town1 });
    // Until it is delivered, the reply's delivery clock runs: 5 working days (every day here) from its issue.
    const repliedDay = shanghaiDate(Date.parse(state.reply!.issuedAt));
    expect(seen.reply).toEqual({
      status: 'replied',
      unit: org.town1,
      dueAt: endOfShanghaiDay(workingDaysLastDay(repliedDay, 5)),
      overdueLevel: 0,
    });
    // The review window runs from delivery: 30 calendar days after the delivery day.
    expect(seen['deliver reply'].dueAt).toBe(endOfShanghaiDay(calendarDaysLastDay(day, 30)));
    const reviewRequestedDay = shanghaiDate(Date.parse(state.review!.requestedAt));
    expect(seen.requestReview).toEqual({
      status: 'underReview',
      unit: org.town1,
      dueAt: endOfShanghaiDay(calendarDaysLastDay(reviewRequestedDay, 30)),
      overdueLevel: 0,
    });
    expect(seen.decideReReview).toEqual({
      status: 'concluded',
      unit: org.town1,
      dueAt: undefined,
      overdueLevel: 0,
    });
  });

  describe('policy migration by an administrator', () => {
    const shortTriage = overridePolicy(DEFAULT_POLICY, {
      version: 'province-test-5wd',
      jurisdiction: '某省',
      clocks: { triage: { days: 5, mode: 'working', warnBefore: ['P1D'] } },
    });
    const shortHandling = overridePolicy(DEFAULT_POLICY, {
      version: 'province-test-30d',
      jurisdiction: '某省',
      clocks: { handling: { days: 30, mode: 'calendar', warnBefore: ['P3D'] } },
    });
    const migration = (policy: typeof DEFAULT_POLICY, actor: Principal): PolicyMigration => ({
      policy,
      reason: '省里缩短时限，按通知迁移在办案件',
      actor,
    });

    it('a non-administrator is rejected, nothing recorded', async () => {
      const run = await harness.startCase(org);
      await expectRejectedWithoutTrace(
        run,
        () => run.handle.executeUpdate(migratePolicyUpdate, { args: [migration(shortTriage, org.leaderD)] }),
        'ROLE_NOT_ALLOWED',
      );
      expect((await run.snapshot()).policyVersion).toBe(DEFAULT_POLICY.version);
    });

    it('shortening the triage clock records policyMigrated and deadlineRecomputed; an unmigrated case keeps its policy', async () => {
      const [migrated, untouched] = await Promise.all([harness.startCase(org), harness.startCase(org)]);
      const before = (await migrated.snapshot()).clock!;
      const receiptDay = shanghaiDate(Date.parse(before.startedAt));
      expect(before).toMatchObject({ name: 'triage' });
      expect(before.deadline.lastDay).toBe(calendarDaysLastDay(receiptDay, 15));

      const result = await migrated.handle.executeUpdate(migratePolicyUpdate, {
        args: [migration(shortTriage, org.adminD)],
      });
      expect(result).toEqual({ changed: true });

      const newLastDay = workingDaysLastDay(receiptDay, 5);
      const events = await migrated.events();
      expect(events.map((event) => event.type)).toEqual([
        'caseRegistered',
        'policyMigrated',
        'deadlineRecomputed',
      ]);
      expect(events[1]).toMatchObject({
        actorId: org.adminD.userId,
        actorRole: 'admin',
        payload: {
          fromVersion: DEFAULT_POLICY.version,
          toVersion: shortTriage.version,
          reason: '省里缩短时限，按通知迁移在办案件',
        },
      });
      expect(events[2].payload).toMatchObject({
        clock: 'triage',
        cause: 'policyMigrated',
        policyVersion: shortTriage.version,
        previousEndsAt: before.deadline.endsAt,
        endsAt: endOfShanghaiDay(newLastDay),
        lastDay: newLastDay,
      });
      const after = await migrated.snapshot();
      expect(after.policyVersion).toBe(shortTriage.version);
      expect(after.clock!.deadline).toEqual({ lastDay: newLastDay, endsAt: endOfShanghaiDay(newLastDay) });
      expect((await migrated.handle.describe()).typedSearchAttributes.get(DUE_AT)?.toISOString()).toBe(
        endOfShanghaiDay(newLastDay),
      );

      const other = await untouched.snapshot();
      expect(other.policyVersion).toBe(DEFAULT_POLICY.version);
      expect(other.clock!.deadline.lastDay).toBe(
        calendarDaysLastDay(shanghaiDate(Date.parse(other.clock!.startedAt)), 15),
      );
      expect(await untouched.eventTypes()).toEqual(['caseRegistered']);
    });

    it('a case started under a shortened handling clock, migrated back to the national one, gets the later deadline recorded', async () => {
      const run = await harness.startCase(org, { policy: shortHandling });
      await run.act({ type: 'accept' }, org.clerkD);
      const acceptedDay = shanghaiDate(Date.parse((await run.snapshot()).state!.acceptedAt!));
      const shortDeadline = (await run.snapshot()).clock!.deadline;
      expect(shortDeadline.lastDay).toBe(calendarDaysLastDay(acceptedDay, 30));

      await run.handle.executeUpdate(migratePolicyUpdate, { args: [migration(DEFAULT_POLICY, org.adminD)] });

      const longLastDay = calendarDaysLastDay(acceptedDay, 60);
      const events = await run.events();
      expect(events.map((event) => event.type)).toEqual([
        'caseRegistered',
        'caseAccepted',
        'policyMigrated',
        'deadlineRecomputed',
      ]);
      expect(events[3].payload).toMatchObject({
        clock: 'handling',
        previousEndsAt: shortDeadline.endsAt,
        endsAt: endOfShanghaiDay(longLastDay),
        policyVersion: DEFAULT_POLICY.version,
      });
      expect((await run.snapshot()).policyVersion).toBe(DEFAULT_POLICY.version);
    });

    it('shortening the handling clock of an accepted case keeps the deadline told in the acceptance notice', async () => {
      const run = await harness.startCase(org);
      await run.act({ type: 'accept' }, org.clerkD);
      const told = (await run.snapshot()).clock!.deadline;

      await run.handle.executeUpdate(migratePolicyUpdate, { args: [migration(shortHandling, org.adminD)] });

      // The migration is recorded; the 30-day deadline would be earlier than the 60-day one the
      // petitioner was told, so the handling deadline stays and no recomputation is recorded.
      expect(await run.eventTypes()).toEqual(['caseRegistered', 'caseAccepted', 'policyMigrated']);
      const after = await run.snapshot();
      expect(after.policyVersion).toBe(shortHandling.version);
      expect(after.clock!.deadline).toEqual(told);
    });
  });

  describe('policy migration input', () => {
    // BUG (workflows/petition-case.workflow.ts, migratePolicyUpdate): the validator checks the actor and the
    // reason but never validates the policy itself (parsePolicy). A malformed policy passes, the handler
    // records policyMigrated, then the deadline computation throws a DomainError, which is not an
    // ApplicationFailure: the SDK fails the workflow task instead of the Update, on every retry — the case
    // is stuck and the Update never answers.
    it('a malformed policy is rejected by the validator (INVALID_POLICY), nothing recorded', async () => {
      const run = await harness.startCase(org);
      await run.act({ type: 'accept' }, org.clerkD);
      const broken = {
        ...DEFAULT_POLICY,
        version: 'broken-0-days',
        clocks: {
          ...DEFAULT_POLICY.clocks,
          handling: { days: 0, mode: 'calendar' as const, warnBefore: [] },
        },
      };
      await expectRejectedWithoutTrace(
        run,
        () =>
          run.handle.executeUpdate(migratePolicyUpdate, {
            args: [{ policy: broken, reason: '测试无效策略', actor: org.adminD }],
          }),
        'INVALID_POLICY',
      );
      expect((await harness.within(5_000, () => run.snapshot())).policyVersion).toBe(DEFAULT_POLICY.version);
    });
  });

  describe('withdrawal', () => {
    it.each<CaseStatus>(['registered', 'inHandling', 'underReview'])(
      'from %s: the case ends withdrawn',
      async (status) => {
        const run = await harness.startCase(org);
        if (status !== 'registered') await driveTo(run, status);
        const before = await run.events();
        const result = await run.act({ type: 'withdraw', reason: '信访人书面撤回' }, org.clerkD);
        expect(result).toEqual({ status: 'withdrawn', lastSeq: before.length + 1 });
        const events = await run.events();
        expect(events[events.length - 1]).toMatchObject({
          type: 'caseWithdrawn',
          actorId: org.clerkD.userId,
          payload: { status: 'withdrawn', fromStatus: status, reason: '信访人书面撤回' },
        });
        expect(await run.caseRow()).toMatchObject({ status: 'withdrawn', eventCount: events.length });
        // A withdrawn case's workflow ends.
        await run.handle.result();
        expect((await run.handle.describe()).status.name).toBe('COMPLETED');
      },
    );

    it('after the case has ended (concluded), withdrawal is rejected, nothing recorded', async () => {
      const run = await harness.startCase(org);
      await driveTo(run, 'concluded');
      await expectRejectedWithoutTrace(
        run,
        () => run.act({ type: 'withdraw', reason: '信访人撤回' }, org.clerkD),
        'CASE_STATE_CONFLICT',
      );
      expect((await run.snapshot()).state!.status).toBe('concluded');
    });
  });
});

import { CaseSubmissionEntity, recordEvent } from '../libs/persistence/src';
import { backfillCaseMetrics } from '../libs/persistence/src/migrations/1764400000007-case-metrics';
import { getJson, postJson } from './support/http';
import { DAY_MS, plusDays, shanghaiDate } from './support/shanghai-dates';
import { startTestStack, type TestStack, uniqueId } from './support/stack';
import { signIn, type SignedIn } from './support/staff-sessions';

type Figure = { key: string; numerator: number; denominator: number; rate: number | null };

/**
 * The supervisors' figures over HTTP, from cases driven through their real workflows: a unit tree
 * district → towns A and B → village under A, and five cases with known outcomes.
 */
describe('supervisors’ metrics', () => {
  let stack: TestStack;
  let units: { district: string; townA: string; townB: string; village: string; elsewhere: string };
  let people: Record<
    | 'clerkD'
    | 'clerkA'
    | 'clerkB'
    | 'clerkV'
    | 'leaderA'
    | 'handlerA'
    | 'packageLeaderD'
    | 'supervisorD'
    | 'accusedSupervisorD'
    | 'supervisorA',
    SignedIn
  >;
  /**
   * C1 replied and reviewed, C2 extended and supervised, C3 left untriaged past its deadline, C4 triaged
   * late, C5 an accusation against a district supervisor, C6 an accusation against town A.
   */
  const cases: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6', string> = {
    c1: '',
    c2: '',
    c3: '',
    c4: '',
    c5: '',
    c6: '',
  };
  const today = shanghaiDate(Date.now());
  const period = { from: plusDays(today, -60), to: plusDays(today, 120) };

  const act = async (who: SignedIn, caseNumber: string, action: string, body: object = {}) => {
    const answer = await postJson(`${stack.api.url}/cases/${caseNumber}/actions/${action}`, body, {
      authorization: `Bearer ${who.token}`,
    });
    if (answer.status !== 200) throw new Error(`${action}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };

  async function register(
    clerk: SignedIn,
    extra: { receivedDaysAgo?: number; category?: string; accused?: object } = {},
  ): Promise<string> {
    const backdated = extra.receivedDaysAgo
      ? {
          receivedAt: new Date(Date.now() - extra.receivedDaysAgo * DAY_MS).toISOString(),
          receivedAtReason: '来信积压补登',
        }
      : {};
    const created = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'letter',
        petitioner: { name: '统计测试人' },
        category: extra.category ?? 'grievance',
        subject: '指标测试',
        content: '内容',
        unitCode: clerk.unitCode,
        ...backdated,
        ...(extra.accused ? { accused: extra.accused } : {}),
      },
      { authorization: `Bearer ${clerk.token}` },
    );
    expect(created.status).toBe(201);
    return created.body.caseNumber;
  }

  async function defineSix(caseNumber: string): Promise<void> {
    await act(people.leaderA, caseNumber, 'defineSix', {
      packageLeaderUserId: people.packageLeaderD.userId,
      responsibleUnitCode: units.townA,
      handlerUserId: people.handlerA.userId,
      resolutionPlan: '调查核实后依法处理',
      completionDeadline: plusDays(today, 30),
      targetOutcome: '息诉罢访',
    });
  }

  /** Escalations fire one after another once the workflow sees the deadline long past. */
  async function untilEscalated(caseNumber: string, levels: number): Promise<void> {
    for (let attempt = 0; attempt < 300; attempt++) {
      const [row] = await stack.db.query(
        `SELECT count(*)::int AS n FROM case_metric_occurrences WHERE case_number = $1 AND kind = 'escalated'`,
        [caseNumber],
      );
      if (row.n >= levels) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${caseNumber} was not escalated to level ${levels}`);
  }

  const query = (params: Record<string, string | number>) =>
    new URLSearchParams(
      Object.entries(params).map(([key, value]): [string, string] => [key, String(value)]),
    ).toString();
  const metrics = (who: SignedIn, params: Record<string, string | number> = {}) =>
    getJson(`${stack.api.url}/metrics?${query({ ...period, ...params })}`, {
      authorization: `Bearer ${who.token}`,
    });
  const drill = (who: SignedIn, params: Record<string, string | number>) =>
    getJson(`${stack.api.url}/metrics/cases?${query({ ...period, ...params })}`, {
      authorization: `Bearer ${who.token}`,
    });
  const counts = (figures: Figure[]) =>
    Object.fromEntries(figures.map((figure) => [figure.key, [figure.numerator, figure.denominator]]));

  beforeAll(async () => {
    stack = await startTestStack();
    const district = `M${uniqueId(6)}`;
    units = {
      district,
      townA: `${district}-A`,
      townB: `${district}-B`,
      village: `${district}-A-V`,
      elsewhere: `N${uniqueId(6)}`,
    };
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES
         ($1, '指标区', 'district', NULL), ($2, '甲镇', 'town', $1), ($3, '乙镇', 'town', $1),
         ($4, '甲村', 'village', $2), ($5, '他区', 'district', NULL)`,
      [units.district, units.townA, units.townB, units.village, units.elsewhere],
    );
    people = {
      clerkD: await signIn(stack, units.district, ['clerk'], '区登记员'),
      clerkA: await signIn(stack, units.townA, ['clerk'], '甲镇登记员'),
      clerkB: await signIn(stack, units.townB, ['clerk'], '乙镇登记员'),
      clerkV: await signIn(stack, units.village, ['clerk'], '甲村登记员'),
      leaderA: await signIn(stack, units.townA, ['unitLeader'], '甲镇负责人'),
      handlerA: await signIn(stack, units.townA, ['handler'], '甲镇承办人'),
      packageLeaderD: await signIn(stack, units.district, ['packageLeader'], '区包案领导'),
      supervisorD: await signIn(stack, units.district, ['supervisor'], '区督查员'),
      accusedSupervisorD: await signIn(stack, units.district, ['supervisor'], '被举报督查员'),
      supervisorA: await signIn(stack, units.townA, ['supervisor'], '甲镇督查员'),
    };

    // C1: accepted in time, replied, delivered, satisfied; review asked and decided "not support".
    cases.c1 = await register(people.clerkA);
    await act(people.clerkA, cases.c1, 'accept');
    await defineSix(cases.c1);
    await act(people.handlerA, cases.c1, 'recordDuty', {
      duty: 'investigate',
      performedByUserIds: [people.handlerA.userId],
      performedOn: today,
      summary: '走访核实',
      evidenceRefs: ['走访记录'],
    });
    await act(people.handlerA, cases.c1, 'reply', { outcome: 'support', reasons: '依法支持' });
    await act(people.handlerA, cases.c1, 'recordDelivery', {
      document: 'reply',
      method: 'inPerson',
      deliveredOn: today,
    });
    await act(people.handlerA, cases.c1, 'recordSatisfaction', { satisfaction: 'satisfied' });
    await act(people.clerkD, cases.c1, 'requestReview', { reason: '对答复不服' });
    await act(people.clerkD, cases.c1, 'decideReview', { outcome: 'notSupport', reasons: '原答复正确' });

    // C2: accepted, extended by 10 days, given a supervision order and a reminder; still being handled.
    cases.c2 = await register(people.clerkA);
    await act(people.clerkA, cases.c2, 'accept');
    await defineSix(cases.c2);
    await act(people.handlerA, cases.c2, 'requestExtension', { days: 10, reason: '需补充调查' });
    await act(people.leaderA, cases.c2, 'approveExtension', { granted: true });
    await act(people.supervisorD, cases.c2, 'superviseOrder', { text: '请加快办理' });
    await act(people.supervisorD, cases.c2, 'remind', { text: '请按期答复' });

    // C3 (village, under A) and C4 (town B): received 40 days ago, their triage deadline long past.
    cases.c3 = await register(people.clerkV, { receivedDaysAgo: 40 });
    cases.c4 = await register(people.clerkB, { receivedDaysAgo: 40 });
    await untilEscalated(cases.c3, 4);
    await untilEscalated(cases.c4, 4);
    await act(people.clerkB, cases.c4, 'accept');

    // C5: an accusation against one of the district's supervisors, held by the district.
    cases.c5 = await register(people.clerkD, {
      category: 'accusation',
      accused: { unitCodes: [], userIds: [people.accusedSupervisorD.userId] },
    });
    // C6: an accusation against town A, held by the village below it.
    cases.c6 = await register(people.clerkV, {
      category: 'accusation',
      accused: { unitCodes: [units.townA], userIds: [] },
    });

    // A later petition on C1's matter, linked to it at registration: one repeat visit on C1.
    // (Registration over HTTP does not take linked cases yet, so this one is recorded directly.)
    const repeat = `${units.elsewhere}-${uniqueId(6)}`;
    await stack.db.manager.insert(CaseSubmissionEntity, {
      caseNumber: repeat,
      channel: 'visit',
      category: 'grievance',
      subject: '重复来访',
      content: '同一事项',
      petitionerName: '统计测试人',
      unitCode: units.elsewhere,
      registeringUnitCode: units.elsewhere,
      receivedAt: new Date(),
      submittedAt: new Date(),
    });
    await recordEvent(stack.db, {
      caseNumber: repeat,
      seq: 1,
      type: 'caseRegistered',
      actor: { id: people.clerkD.userId, role: 'clerk', unitCode: units.elsewhere },
      occurredAt: new Date().toISOString(),
      payload: {
        status: 'registered',
        channel: 'visit',
        category: 'grievance',
        subject: '重复来访',
        receivedAt: new Date().toISOString(),
        matterUnitCode: units.elsewhere,
        linkedCaseNumbers: [cases.c1],
      },
    });
  }, 240_000);

  afterAll(() => stack?.close());

  it('counts the district’s whole subtree, each figure with its numerator and denominator', async () => {
    const report = await metrics(people.supervisorD, { unit: units.district });
    expect(report.status).toBe(200);
    expect(report.body.unit).toEqual({ code: units.district, name: '指标区' });
    expect(report.body.period).toEqual({ ...period, timeZone: 'Asia/Shanghai' });
    expect(counts(report.body.figures)).toEqual({
      onTimeTriage: [2, 4],
      onTimeCompletion: [1, 1],
      overdue: [2, 6],
      extensions: [1, 6],
      escalationLevel1: [2, 6],
      escalationLevel2: [2, 6],
      escalationLevel3: [2, 6],
      escalationLevel4: [2, 6],
      supervisionOrders: [1, 6],
      reminders: [1, 6],
      participation: [1, 1],
      satisfaction: [1, 1],
      repeatPetition: [1, 6],
      reviewRequests: [1, 1],
      reviewSupport: [0, 1],
      reviewExplain: [0, 1],
      reviewNotSupport: [1, 1],
      reviewPartlySupport: [0, 1],
      reReviewRequests: [0, 1],
      reReviewSupport: [0, 0],
      reReviewExplain: [0, 0],
      reReviewNotSupport: [0, 0],
      reReviewPartlySupport: [0, 0],
    });
    const byKey = Object.fromEntries(report.body.figures.map((figure: any) => [figure.key, figure]));
    expect(byKey.onTimeTriage).toMatchObject({
      rate: 0.5,
      label: '按期分流率 / on-time triage rate',
      definition: { numerator: expect.stringContaining('cases triaged by their triage deadline') },
    });
    expect(byKey.reReviewSupport.rate).toBeNull();
  });

  it('breaks the figures down by direct child unit, each with its subtree', async () => {
    const report = await metrics(people.supervisorD, { unit: units.district });
    const children = report.body.children.map((child: any) => ({
      unit: child.unit.code,
      ...Object.fromEntries(
        child.figures
          .filter((figure: Figure) => ['onTimeTriage', 'overdue', 'extensions'].includes(figure.key))
          .map((figure: Figure) => [figure.key, [figure.numerator, figure.denominator]]),
      ),
    }));
    expect(children).toEqual([
      { unit: units.townA, onTimeTriage: [2, 3], overdue: [1, 4], extensions: [1, 4] },
      { unit: units.townB, onTimeTriage: [0, 1], overdue: [1, 1], extensions: [0, 1] },
    ]);
  });

  it('drills down to exactly the cases a numerator or denominator counts, page by page', async () => {
    const numbers = async (params: Record<string, string | number>) => {
      const answer = await drill(people.supervisorD, { unit: units.district, ...params });
      expect(answer.status).toBe(200);
      return {
        total: answer.body.total,
        cases: answer.body.items.map((item: any) => item.caseNumber).sort(),
      };
    };
    const sorted = (...list: string[]) => [...list].sort();
    expect(await numbers({ figure: 'onTimeTriage', part: 'numerator' })).toEqual({
      total: 2,
      cases: sorted(cases.c1, cases.c2),
    });
    expect(await numbers({ figure: 'onTimeTriage', part: 'denominator' })).toEqual({
      total: 4,
      cases: sorted(cases.c1, cases.c2, cases.c3, cases.c4),
    });
    expect(await numbers({ figure: 'overdue', part: 'numerator' })).toEqual({
      total: 2,
      cases: sorted(cases.c3, cases.c4),
    });
    expect(await numbers({ figure: 'supervisionOrders', part: 'numerator' })).toEqual({
      total: 1,
      cases: [cases.c2],
    });
    expect(await numbers({ figure: 'repeatPetition', part: 'numerator' })).toEqual({
      total: 1,
      cases: [cases.c1],
    });
    const first = await numbers({ figure: 'overdue', part: 'denominator', limit: 3 });
    const second = await numbers({ figure: 'overdue', part: 'denominator', limit: 3, offset: 3 });
    expect([first.total, first.cases.length, second.total, second.cases.length]).toEqual([6, 3, 6, 3]);
    expect(sorted(...first.cases, ...second.cases)).toEqual(
      sorted(cases.c1, cases.c2, cases.c3, cases.c4, cases.c5, cases.c6),
    );
  });

  it('shows each case’s facts in the drill-down: the extended handling deadline, the late triage', async () => {
    const answer = await drill(people.supervisorD, {
      unit: units.district,
      figure: 'onTimeTriage',
      part: 'denominator',
    });
    const item = (caseNumber: string) => answer.body.items.find((row: any) => row.caseNumber === caseNumber);
    const [c2] = await stack.db.query(`SELECT due_at, clock FROM cases WHERE case_number = $1`, [cases.c2]);
    expect(c2.clock).toBe('handling');
    expect(item(cases.c2).handlingDueAt).toBe(c2.due_at.toISOString());
    expect(Date.parse(item(cases.c2).handlingDueAt)).toBeGreaterThan(
      Date.parse(item(cases.c1).handlingDueAt),
    );
    expect(Date.parse(item(cases.c4).triagedAt)).toBeGreaterThan(Date.parse(item(cases.c4).triageDueAt));
    expect(item(cases.c3)).toMatchObject({ triagedAt: null, status: 'registered', unitCode: units.village });
    expect(item(cases.c1)).toMatchObject({ satisfaction: 'satisfied', reviewOutcome: 'notSupport' });
  });

  it('defaults to the caller’s own unit, whose subtree includes the village', async () => {
    const report = await metrics(people.supervisorA);
    expect(report.body.unit.code).toBe(units.townA);
    expect(counts(report.body.figures)).toMatchObject({ onTimeTriage: [2, 3], overdue: [1, 3] });
    expect(report.body.children.map((child: any) => child.unit.code)).toEqual([units.village]);
  });

  it('never counts an accusation for the staff of the unit it accuses', async () => {
    // The district sees C6 under town A (overdue 1 of 4, above); town A's own staff never do.
    const report = await metrics(people.supervisorA);
    expect(counts(report.body.figures)).toMatchObject({ overdue: [1, 3], repeatPetition: [1, 3] });
    const listed = await drill(people.supervisorA, { figure: 'overdue', part: 'denominator' });
    expect(listed.body.items.map((item: any) => item.caseNumber).sort()).toEqual(
      [cases.c1, cases.c2, cases.c3].sort(),
    );
  });

  it('never counts an accusation for the person it accuses, in figures or drill-down', async () => {
    const report = await metrics(people.accusedSupervisorD, { unit: units.district });
    expect(counts(report.body.figures)).toMatchObject({ overdue: [2, 5], repeatPetition: [1, 5] });
    const listed = await drill(people.accusedSupervisorD, {
      unit: units.district,
      figure: 'overdue',
      part: 'denominator',
    });
    expect(listed.body.total).toBe(5);
    expect(listed.body.items.map((item: any) => item.caseNumber)).not.toContain(cases.c5);
  });

  it('refuses units outside the caller’s subtree and roles that do not read metrics', async () => {
    for (const unit of [units.district, units.elsewhere, 'NOSUCHUNIT']) {
      const answer = await metrics(people.supervisorA, { unit });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'UNIT_OUT_OF_SCOPE', fields: [{ field: 'unit' }] });
    }
    const drilled = await drill(people.supervisorA, {
      unit: units.district,
      figure: 'overdue',
      part: 'numerator',
    });
    expect([drilled.status, drilled.body.code]).toEqual([403, 'UNIT_OUT_OF_SCOPE']);
    const clerk = await metrics(people.clerkD);
    expect([clerk.status, clerk.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const anonymous = await getJson(`${stack.api.url}/metrics`);
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'AUTH_REQUIRED']);
  });

  it('answers 400 with the field at fault for a bad period or drill-down', async () => {
    const fieldsOf = async (response: Promise<{ status: number; body: any }>) => {
      const answer = await response;
      expect([answer.status, answer.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      return answer.body.fields.map((field: any) => [field.field, field.code]);
    };
    expect(await fieldsOf(metrics(people.supervisorD, { from: '2026-02-30', to: '2026-03-01' }))).toEqual([
      ['from', 'invalidDate'],
    ]);
    expect(await fieldsOf(metrics(people.supervisorD, { from: '2026/01/01' }))).toEqual([
      ['from', 'matches'],
    ]);
    expect(await fieldsOf(metrics(people.supervisorD, { from: '2026-03-02', to: '2026-03-01' }))).toEqual([
      ['to', 'fromAfterTo'],
    ]);
    expect(await fieldsOf(metrics(people.supervisorD, { from: '2025-01-01', to: '2026-03-01' }))).toEqual([
      ['to', 'periodTooLong'],
    ]);
    expect(
      await fieldsOf(drill(people.supervisorD, { figure: 'nonsense', part: 'numerator', limit: 101 })),
    ).toEqual([
      ['figure', 'isIn'],
      ['limit', 'max'],
    ]);
  });

  it('derives the same facts from the event log when the migration backfills them', async () => {
    const ours = Object.values(cases);
    const facts = (db: { query: (sql: string, params: unknown[]) => Promise<any> }) =>
      db.query(`SELECT * FROM case_metric_facts WHERE case_number = ANY($1) ORDER BY case_number`, [ours]);
    const occurrences = (db: { query: (sql: string, params: unknown[]) => Promise<any> }) =>
      db.query(
        `SELECT case_number, seq, kind, level, occurred_at FROM case_metric_occurrences
         WHERE case_number = ANY($1) ORDER BY case_number, seq`,
        [ours],
      );
    const projected = await facts(stack.db);
    const projectedOccurrences = await occurrences(stack.db);
    expect(projectedOccurrences).toHaveLength(4 + 4 + 3); // C3, C4 escalations; C2 extension, order, reminder
    const runner = stack.db.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`DELETE FROM case_metric_occurrences WHERE case_number = ANY($1)`, [ours]);
      await runner.query(`DELETE FROM case_metric_facts WHERE case_number = ANY($1)`, [ours]);
      await backfillCaseMetrics(runner);
      // Deadlines met before any warning named them are not in the event log: C1's and C2's triage, C1's handling.
      const unknown: Record<string, string[]> = {
        [cases.c1]: ['triage_due_at', 'handling_due_at'],
        [cases.c2]: ['triage_due_at'],
      };
      const expected = projected.map((row: Record<string, unknown>) => ({
        ...row,
        ...Object.fromEntries((unknown[row.case_number as string] ?? []).map((column) => [column, null])),
      }));
      expect(await facts(runner)).toEqual(expected);
      expect(await occurrences(runner)).toEqual(projectedOccurrences);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

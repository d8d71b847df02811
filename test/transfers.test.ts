import { type Calendar } from '../libs/domain/src/clock/calendar';
import {
  CaseHarness,
  DAY_MS,
  endOfShanghaiDay,
  FIRING_TOLERANCE_MS,
  HOUR_MS,
  isoPlus,
  type Org,
  plusDays,
} from './support/case-harness';
import { callApi } from './support/http';
import { startTestStack, type TestStack, uniqueId } from './support/stack';
import { signIn, type SignedIn } from './support/staff-sessions';

jest.setTimeout(120_000);

/** Saturdays and Sundays off, no holidays: five working days from a Monday end on the next Monday. */
function weekdaysCalendar(): Calendar {
  return {
    version: `weekdays-${uniqueId(6)}`,
    timeZone: 'Asia/Shanghai',
    weeklyRestDays: ['SAT', 'SUN'],
    holidays: [],
    makeupWorkdays: [],
  };
}

describe('the misroute objection window, in working days, on the time-skipping server', () => {
  let harness: CaseHarness;
  let org: Org;

  beforeAll(async () => {
    harness = await CaseHarness.start('transfers');
    org = await harness.createOrg();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('takes an objection on the 5th working day and refuses it after, with OBJECTION_WINDOW_CLOSED', async () => {
    const monday = await harness.advanceToShanghai(10, 'MON');
    const assign = {
      type: 'assignDown' as const,
      toUnitCode: org.town,
      reason: '属地管理',
      feedbackDueDate: plusDays(monday, 20),
    };
    const object = { type: 'objectMisroute' as const, reason: '不属于本镇职责' };
    const calendar = weekdaysCalendar();
    const onTime = await harness.startCase({ org, calendar });
    const late = await harness.startCase({ org, calendar });
    await onTime.act(assign, org.clerkD);
    await late.act(assign, org.clerkD);

    // Tue, Wed, Thu, Fri, (Sat, Sun off), Mon: the 5th working day is the next Monday, to its 24:00 —
    // a calendar-day count of 5 would have ended on Saturday.
    const fifthWorkingDay = plusDays(monday, 7);
    await harness.sleepUntil(isoPlus(endOfShanghaiDay(fifthWorkingDay), -HOUR_MS));
    await expect(onTime.act(object, org.leaderT)).resolves.toMatchObject({ status: 'registered' });
    expect((await onTime.snapshot()).state).toMatchObject({ holdingUnitCode: org.district });

    await harness.sleepUntil(isoPlus(endOfShanghaiDay(fifthWorkingDay), HOUR_MS));
    expect(await late.rejection(object, org.leaderT)).toBe('OBJECTION_WINDOW_CLOSED');
    expect((await late.snapshot()).state).toMatchObject({ status: 'assigned', holdingUnitCode: org.town });

    // The sender overrules the timely objection: back to the town, which cannot object a second time.
    await onTime.act({ type: 'decideObjection', decision: 'overrule', reason: '属地事项' }, org.leaderD);
    expect((await onTime.snapshot()).state).toMatchObject({
      status: 'registered',
      holdingUnitCode: org.town,
    });
    expect(await onTime.rejection(object, org.leaderT)).toBe('CASE_STATE_CONFLICT');
    expect((await onTime.events('objectionDecided')).map((e) => e.payload)).toEqual([
      expect.objectContaining({ decision: 'overrule', reason: '属地事项', status: 'registered' }),
    ]);
  });

  it('warns the receiving unit a day before the assignment’s feedback date and records it overdue after', async () => {
    const today = await harness.advanceToShanghai(10);
    const run = await harness.startCase({ org, calendar: weekdaysCalendar() });
    const dueDate = plusDays(today, 3);
    await run.act(
      { type: 'assignDown', toUnitCode: org.town, reason: '属地管理', feedbackDueDate: dueDate },
      org.clerkD,
    );
    const dueAt = endOfShanghaiDay(dueDate);
    await harness.sleepUntil(isoPlus(dueAt, HOUR_MS));

    const [warning] = await run.events('feedbackDueWarning');
    const [overdue] = await run.events('feedbackOverdue');
    for (const [event, expected] of [
      [warning, isoPlus(dueAt, -DAY_MS)],
      [overdue, dueAt],
    ] as const) {
      expect(event?.payload).toMatchObject({
        dueDate,
        dueAt,
        fromUnitCode: org.district,
        toUnitCode: org.town,
      });
      const late = Date.parse(event!.occurredAt) - Date.parse(expected);
      expect({ late: late >= 0 && late < FIRING_TOLERANCE_MS }).toEqual({ late: true });
    }
    expect(overdue!.payload.recipients.map((r: { userId: string }) => r.userId)).toContain(
      org.leaderT.userId,
    );
    expect((await run.inbox()).filter((item) => item.eventSeq === overdue!.seq)).toEqual([
      expect.objectContaining({ userId: org.leaderT.userId, unitCode: org.town }),
    ]);
    // Each fires once.
    await harness.sleepUntil(isoPlus(dueAt, 3 * DAY_MS));
    expect((await run.events()).filter((e) => e.type.startsWith('feedback')).map((e) => e.type)).toEqual([
      'feedbackDueWarning',
      'feedbackOverdue',
    ]);
  });
});

describe('transfers across levels over HTTP', () => {
  let stack: TestStack;
  let city: string;
  let district: string;
  let town: string;
  let otherDistrict: string;
  let people: Record<
    | 'cityClerk'
    | 'cityLeader'
    | 'districtClerk'
    | 'districtLeader'
    | 'townClerk'
    | 'townLeader'
    | 'townHandler'
    | 'otherClerk',
    SignedIn
  >;

  const api = (method: 'GET' | 'POST', path: string, who: SignedIn, body?: unknown) =>
    callApi(stack.api, method, path, body, who.token);
  const act = (caseNumber: string, action: string, who: SignedIn, body: unknown = {}) =>
    api('POST', `/cases/${caseNumber}/actions/${action}`, who, body);

  async function register(clerk: SignedIn, subject: string): Promise<string> {
    const created = await api('POST', '/cases', clerk, {
      channel: 'visit',
      category: 'grievance',
      subject,
      content: '越级反映镇里道路积水问题',
      unitCode: town,
      petitioner: { name: '赵六' },
    });
    expect(created.status).toBe(201);
    return created.body.caseNumber as string;
  }

  beforeAll(async () => {
    stack = await startTestStack();
    const id = uniqueId(6);
    city = `TC${id}`;
    district = `TD${id}`;
    town = `TT${id}`;
    otherDistrict = `TX${id}`;
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES
        ($1, '测试市', 'district', NULL), ($2, '测试区', 'district', $1), ($3, '测试镇', 'town', $2),
        ($4, '另一区', 'district', $1)`,
      [city, district, town, otherDistrict],
    );
    people = {
      cityClerk: await signIn(stack, city, ['clerk'], '市登记员'),
      cityLeader: await signIn(stack, city, ['unitLeader'], '市负责人'),
      districtClerk: await signIn(stack, district, ['clerk'], '区登记员'),
      districtLeader: await signIn(stack, district, ['unitLeader'], '区负责人'),
      townClerk: await signIn(stack, town, ['clerk'], '镇登记员'),
      townLeader: await signIn(stack, town, ['unitLeader'], '镇负责人'),
      townHandler: await signIn(stack, town, ['handler'], '镇承办人'),
      otherClerk: await signIn(stack, otherDistrict, ['clerk'], '另区登记员'),
    };
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('keeps a skip-level petition visible at the city that received it, with its current unit and status', async () => {
    const caseNumber = await register(people.cityClerk, '越级信访：道路积水');
    const feedbackDueDate = plusDays(new Date().toISOString().slice(0, 10), 20);
    expect(
      (
        await act(caseNumber, 'assignDown', people.cityClerk, {
          toUnitCode: district,
          reason: '属地',
          feedbackDueDate,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await act(caseNumber, 'assignDown', people.districtClerk, {
          toUnitCode: town,
          reason: '属地',
          feedbackDueDate,
        })
      ).status,
    ).toBe(200);
    expect((await act(caseNumber, 'accept', people.townClerk)).status).toBe(200);

    const detail = await api('GET', `/cases/${caseNumber}`, people.cityClerk);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      caseNumber,
      status: 'accepted',
      registeringUnitCode: city,
      holdingUnitCode: town,
      responsibleUnitCode: town,
    });
    const list = await api('GET', `/cases?limit=100`, people.cityClerk);
    expect(
      list.body.items.find((item: { caseNumber: string }) => item.caseNumber === caseNumber),
    ).toMatchObject({
      status: 'accepted',
      holdingUnitCode: town,
    });
    // A unit outside the line sees nothing of it.
    expect((await api('GET', `/cases/${caseNumber}`, people.otherClerk)).status).toBe(404);
  });

  it('lets the sender uphold an objection and route the case anew', async () => {
    const caseNumber = await register(people.districtClerk, '转送异议');
    await act(caseNumber, 'transfer', people.districtClerk, { toUnitCode: town, reason: '镇里职责' });
    const objected = await act(caseNumber, 'objectMisroute', people.townClerk, { reason: '属区直部门职责' });
    expect(objected.body).toMatchObject({ status: 'registered' });

    expect(
      (await act(caseNumber, 'decideObjection', people.districtClerk, { decision: 'uphold', reason: 'x' }))
        .body,
    ).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect(
      (await act(caseNumber, 'decideObjection', people.districtLeader, { decision: 'maybe', reason: 'x' }))
        .status,
    ).toBe(400);
    const upheld = await act(caseNumber, 'decideObjection', people.districtLeader, {
      decision: 'uphold',
      reason: '异议成立，本区受理',
    });
    expect(upheld.status).toBe(200);
    const again = await act(caseNumber, 'decideObjection', people.districtLeader, {
      decision: 'overrule',
      reason: 'x',
    });
    expect([again.status, again.body.code]).toEqual([409, 'NO_OBJECTION_PENDING']);
    expect((await act(caseNumber, 'accept', people.districtClerk)).body).toMatchObject({
      status: 'accepted',
    });

    const timeline = await api('GET', `/cases/${caseNumber}/timeline`, people.districtClerk);
    const types = (timeline.body as { type: string }[]).map((entry) => entry.type);
    expect(types).toEqual([
      'caseRegistered',
      'caseTransferred',
      'misrouteObjected',
      'objectionDecided',
      'caseAccepted',
    ]);
  });

  it('takes the completion report of an assigned-down case from the town, for the district to read', async () => {
    const caseNumber = await register(people.districtClerk, '交办办结报告');
    const feedbackDueDate = plusDays(new Date().toISOString().slice(0, 10), 20);
    await act(caseNumber, 'assignDown', people.districtClerk, {
      toUnitCode: town,
      reason: '属地',
      feedbackDueDate,
    });
    const report = { summary: '已答复，信访人息诉', evidenceRefs: ['report-1'] };
    // Not before the town has replied.
    expect((await act(caseNumber, 'reportCompletion', people.townHandler, report)).status).toBe(409);
    await act(caseNumber, 'accept', people.townClerk);
    const defined = await act(caseNumber, 'defineSix', people.townLeader, {
      packageLeaderUserId: people.townLeader.userId,
      responsibleUnitCode: town,
      handlerUserId: people.townHandler.userId,
      resolutionPlan: '疏通排水',
      completionDeadline: plusDays(new Date().toISOString().slice(0, 10), 30),
      targetOutcome: '积水消除',
    });
    expect(defined.status).toBe(200);
    await act(caseNumber, 'recordDuty', people.townHandler, {
      duty: 'investigate',
      performedByUserIds: [people.townHandler.userId],
      performedOn: new Date().toISOString().slice(0, 10),
      summary: '现场核查',
      evidenceRefs: ['photo-1'],
    });
    expect(
      (await act(caseNumber, 'reply', people.townHandler, { outcome: 'support', reasons: '已疏通' })).status,
    ).toBe(200);
    expect((await act(caseNumber, 'reportCompletion', people.districtClerk, report)).body.code).toBe(
      'NOT_ON_CASE',
    );
    const reported = await act(caseNumber, 'reportCompletion', people.townHandler, report);
    expect(reported.body).toMatchObject({ status: 'replied' });
    expect((await act(caseNumber, 'reportCompletion', people.townHandler, report)).body.code).toBe(
      'COMPLETION_ALREADY_REPORTED',
    );

    const timeline = await api('GET', `/cases/${caseNumber}/timeline`, people.districtClerk);
    const entry = (timeline.body as { type: string; actorUnit: string; details: unknown }[]).find(
      (e) => e.type === 'completionReported',
    );
    expect(entry).toMatchObject({
      actorUnit: town,
      details: {
        summary: '已答复，信访人息诉',
        evidenceRefs: ['report-1'],
        toUnitCode: district,
        feedbackDueDate,
        late: false,
      },
    });
  });
});

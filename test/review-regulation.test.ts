import { shanghaiDay } from './support/case-journey';
import { getJson, postJson } from './support/http';
import { startTestStack, type TestStack, uniqueId } from './support/stack';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';

/**
 * Arts. 32, 35 and 36 of the 2022 《信访工作条例》 over HTTP, with the real API, worker, Temporal and
 * PostgreSQL: who reviews, a review request received earlier than it is recorded, and the outcomes.
 */
describe('review and opinions as the Regulation says (arts. 32, 35, 36)', () => {
  let stack: TestStack;
  let units: { district: string; town: string; village: string };
  let people: Record<'clerkD' | 'leaderD' | 'clerkT' | 'leaderT' | 'handlerV', SignedIn>;

  beforeAll(async () => {
    stack = await startTestStack();
    const id = uniqueId(6);
    units = { district: `R${id}`, town: `R${id}-T`, village: `R${id}-V` };
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES
         ($1, $4, 'district', NULL), ($2, $5, 'town', $1), ($3, $6, 'village', $2)`,
      [units.district, units.town, units.village, `复查测试区${id}`, `复查测试镇${id}`, `复查测试村${id}`],
    );
    people = {
      clerkD: await signIn(stack, units.district, ['clerk'], '区登记员'),
      leaderD: await signIn(stack, units.district, ['unitLeader'], '区负责人'),
      clerkT: await signIn(stack, units.town, ['clerk'], '镇登记员'),
      leaderT: await signIn(stack, units.town, ['unitLeader'], '镇负责人'),
      handlerV: await signIn(stack, units.village, ['handler'], '村承办人'),
    };
  });

  afterAll(() => stack?.close());

  const act = (who: SignedIn, caseNumber: string, action: string, body: object = {}) =>
    postJson(`${stack.api.url}/cases/${caseNumber}/actions/${action}`, body, bearer(who));
  const ok = async (who: SignedIn, caseNumber: string, action: string, body: object = {}) => {
    const answer = await act(who, caseNumber, action, body);
    if (answer.status !== 200) throw new Error(`${action}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const caseOf = async (caseNumber: string) =>
    (await getJson(`${stack.api.url}/cases/${caseNumber}`, bearer(people.clerkD))).body;
  const timeline = async (caseNumber: string): Promise<any[]> =>
    (await getJson(`${stack.api.url}/cases/${caseNumber}/timeline`, bearer(people.clerkD))).body;

  /**
   * The worked example up to the opinion: the district registers and assigns the matter to the town;
   * the town accepts and names its village responsible with the village's handler, who investigates.
   */
  async function townAcceptsVillageResponsible(): Promise<string> {
    const created = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'letter',
        petitioner: { name: '孙八' },
        category: 'grievance',
        subject: '村道损毁',
        content: '村道多处塌陷，请求修复。',
        unitCode: units.village,
      },
      bearer(people.clerkD),
    );
    expect(created.status).toBe(201);
    const caseNumber = created.body.caseNumber as string;
    await ok(people.clerkD, caseNumber, 'assignDown', {
      toUnitCode: units.town,
      reason: '属地管理',
      feedbackDueDate: shanghaiDay(20),
    });
    await ok(people.leaderT, caseNumber, 'accept');
    await ok(people.leaderT, caseNumber, 'defineSix', {
      packageLeaderUserId: people.leaderT.userId,
      responsibleUnitCode: units.village,
      handlerUserId: people.handlerV.userId,
      resolutionPlan: '核实塌陷路段并安排修复',
      completionDeadline: shanghaiDay(30),
      targetOutcome: '村道修复',
    });
    await ok(people.handlerV, caseNumber, 'recordDuty', {
      duty: 'investigate',
      performedByUserIds: [people.handlerV.userId],
      performedOn: shanghaiDay(),
      summary: '现场查看塌陷路段',
      evidenceRefs: ['现场照片'],
    });
    return caseNumber;
  }

  it('art. 32: a new opinion refuses partlySupport with 422 and the field outcome; explain is taken', async () => {
    const caseNumber = await townAcceptsVillageResponsible();
    const refused = await act(people.leaderT, caseNumber, 'reply', {
      outcome: 'partlySupport',
      reasons: '部分支持',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('OUTCOME_RETIRED');
    expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'outcome' })]);
    expect((await caseOf(caseNumber)).status).toBe('inHandling');

    expect(
      await ok(people.leaderT, caseNumber, 'reply', { outcome: 'explain', reasons: '依政策解释说明' }),
    ).toMatchObject({
      status: 'replied',
    });
  });

  it('art. 35: a town accepts, a village is responsible, the town issues the opinion → the district reviews', async () => {
    const caseNumber = await townAcceptsVillageResponsible();
    await ok(people.leaderT, caseNumber, 'reply', { outcome: 'notSupport', reasons: '不符合修复条件' });
    await ok(people.handlerV, caseNumber, 'recordDelivery', {
      document: 'reply',
      method: 'inPerson',
      deliveredOn: shanghaiDay(),
    });
    // Not the town, whose opinion it is (one level above the village would have named the town).
    const byTown = await act(people.clerkT, caseNumber, 'requestReview', { reason: '对处理意见不服' });
    expect([byTown.status, byTown.body.code]).toEqual([403, 'NOT_DECIDING_BODY']);
    expect(await ok(people.clerkD, caseNumber, 'requestReview', { reason: '对处理意见不服' })).toMatchObject({
      status: 'underReview',
    });

    const events = await timeline(caseNumber);
    const reply = events.find((event) => event.type === 'replyIssued');
    expect(reply.details).toMatchObject({ outcome: 'notSupport', handlingUnitCode: units.town });
    const requested = events.find((event) => event.type === 'reviewRequested');
    expect(requested.details).toMatchObject({
      body: { kind: 'unit', code: units.district },
      handlingUnitCode: units.town,
    });
    expect(
      await ok(people.leaderD, caseNumber, 'decideReview', { outcome: 'support', reasons: '予以支持' }),
    ).toMatchObject({ status: 'reviewed' });
  });

  it('art. 35: a request received inside the window but recorded after it reopens the closed case; its decision clock runs from receipt', async () => {
    const caseNumber = await townAcceptsVillageResponsible();
    await ok(people.leaderT, caseNumber, 'reply', { outcome: 'explain', reasons: '依政策解释说明' });
    // Delivered 35 days ago (recorded late): the 30-day window is over, so the lapse closes the case.
    const deliveredOn = shanghaiDay(-35);
    await ok(people.handlerV, caseNumber, 'recordDelivery', {
      document: 'reply',
      method: 'post',
      deliveredOn,
    });
    for (let i = 0; (await caseOf(caseNumber)).status !== 'closed'; i++) {
      if (i > 100) throw new Error('the lapsed window did not close the case');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    // The petitioner's letter arrived 20 days after delivery (15 days ago), 10:00 Shanghai time.
    const receivedDay = shanghaiDay(-15);
    const receivedAt = `${receivedDay}T02:00:00.000Z`;
    const request = { reason: '对处理意见不服', receivedAt };
    const withoutReason = await act(people.clerkD, caseNumber, 'requestReview', request);
    expect([withoutReason.status, withoutReason.body.fields]).toEqual([
      400,
      [expect.objectContaining({ field: 'receivedAtReason' })],
    ]);
    const beforeDelivery = await act(people.clerkD, caseNumber, 'requestReview', {
      ...request,
      receivedAt: `${shanghaiDay(-36)}T02:00:00.000Z`,
      receivedAtReason: '补录',
    });
    expect([beforeDelivery.status, beforeDelivery.body.code]).toEqual([422, 'RECEIVED_BEFORE_DELIVERY']);
    const future = await act(people.clerkD, caseNumber, 'requestReview', {
      ...request,
      receivedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect([future.status, future.body.code, future.body.fields?.[0]?.field]).toEqual([
      422,
      'RECEIVED_IN_FUTURE',
      'receivedAt',
    ]);
    expect((await caseOf(caseNumber)).status).toBe('closed');

    const receivedAtReason = '信件15日前寄达，因登记积压今日补录';
    expect(
      await ok(people.clerkD, caseNumber, 'requestReview', { ...request, receivedAtReason }),
    ).toMatchObject({ status: 'underReview' });
    const requested = (await timeline(caseNumber)).find((event) => event.type === 'reviewRequested');
    expect(requested).toMatchObject({
      fromStatus: 'closed',
      status: 'underReview',
      details: {
        receivedAt,
        receivedAtReason,
        backdated: true,
        body: { kind: 'unit', code: units.district },
        reopenedClosure: expect.objectContaining({ at: expect.any(String) }),
      },
    });
    // 30 days from the day of receipt (not counted): day +15, or the first working day after it when
    // it is a rest day or holiday — never the 30 days from today that the recording time would give.
    // Open again for the supervisors' figures too, until its next end.
    const [facts] = await stack.db.query(`SELECT ended_at FROM case_metric_facts WHERE case_number = $1`, [
      caseNumber,
    ]);
    expect(facts.ended_at).toBeNull();
    const due = (await caseOf(caseNumber)).dueLastDay as string;
    expect(due >= shanghaiDay(15) && due < shanghaiDay(25)).toBe(true);
  });
});

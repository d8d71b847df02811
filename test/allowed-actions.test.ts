import { getJson, postJson } from './support/http';
import { startTestStack, type TestStack, uniqueId } from './support/stack';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';

const INPUT_CODES = ['VALIDATION_FAILED', 'FIELD_REQUIRED', 'FIELD_INVALID', 'FACT_MISSING'];

/**
 * The case detail's allowedActions against what POST /actions accepts, on the real stack: a case driven
 * from registration at the district through assignment to a town, acceptance and the six defines; at
 * each state, for every person, every action the detail does not offer is refused (403/409/422 with a
 * rule's code, never an input error), and the actions it offers that move the case are performed.
 */
describe('allowed actions over HTTP equal what the workflow accepts', () => {
  let stack: TestStack;
  let district: string;
  let town: string;
  type Who = 'clerkD' | 'clerkT' | 'leaderT' | 'handlerT' | 'packageLeaderD' | 'supervisorD';
  let people: Record<Who, SignedIn>;

  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const inDays = (days: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(Date.now() + days * 86_400_000),
    );

  const act = async (who: SignedIn, caseNumber: string, action: string, body: object) => {
    const response = await fetch(`${stack.api.url}/cases/${caseNumber}/actions/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${who.token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { code?: string } };
  };

  const allowedFor = async (who: SignedIn, caseNumber: string): Promise<string[]> => {
    const detail = await getJson(`${stack.api.url}/cases/${caseNumber}`, bearer(who));
    expect(detail.status).toBe(200);
    return detail.body.allowedActions as string[];
  };

  /** A well-formed body for every staff action, as the console would send it for this test's case. */
  const bodies = (): Record<string, object> => ({
    accept: {},
    transfer: { toUnitCode: town, reason: '属于其职责' },
    assignDown: { toUnitCode: town, reason: '属地管理', feedbackDueDate: inDays(10) },
    notAccept: { reason: 'notPetitionMatter', explanation: '不属于信访事项' },
    objectMisroute: { reason: '不属本单位职责' },
    decideObjection: { decision: 'uphold', reason: '异议成立' },
    reportCompletion: { summary: '已办结', evidenceRefs: ['现场照片'] },
    defineSix: {
      responsibleUnitCode: town,
      handlerUserId: people.handlerT.userId,
      packageLeaderUserId: people.packageLeaderD.userId,
      resolutionPlan: '现场核查并协调',
      targetOutcome: '群众满意',
      completionDeadline: inDays(20),
    },
    reassign: { reason: '调整方案', resolutionPlan: '调整后的方案' },
    recordDuty: {
      duty: 'investigate',
      performedByUserIds: [people.handlerT.userId],
      performedOn: today(),
      summary: '现场核查',
      evidenceRefs: ['核查记录'],
    },
    requestExtension: { reason: '情况复杂', days: 10 },
    approveExtension: { granted: true },
    pauseClock: { reasonCode: 'reReviewHearing', reason: '听证' },
    resumeClock: {},
    reply: { outcome: 'support', reasons: '依法支持' },
    recordDelivery: { document: 'reply', method: 'inPerson', deliveredOn: today() },
    recordSatisfaction: { satisfaction: 'satisfied' },
    requestReview: { reason: '不服' },
    decideReview: { outcome: 'notSupport', reasons: '维持' },
    requestReReview: { reason: '不服' },
    decideReReview: { outcome: 'notSupport', reasons: '维持' },
    withdraw: { reason: '信访人撤回' },
    close: {},
    instruct: { text: '尽快化解' },
    superviseOrder: { text: '限期办结' },
    remind: { text: '请加快' },
    declareInterest: { ground: 'relative' },
    requestRecusal: { userId: people.supervisorD.userId, ground: 'relative' },
    decideRecusal: { userId: people.handlerT.userId, decision: 'recuse', reason: '确有利害关系' },
  });

  /** Every action the detail leaves out for this person is refused by the workflow (or the API's role check). */
  async function refusedWhereNotOffered(who: Who, caseNumber: string): Promise<string[]> {
    const allowed = await allowedFor(people[who], caseNumber);
    for (const [action, body] of Object.entries(bodies())) {
      if (allowed.includes(action)) continue;
      const answer = await act(people[who], caseNumber, action, body);
      const refusedForTheCase =
        [403, 409, 422].includes(answer.status) && !INPUT_CODES.includes(answer.body.code ?? '');
      expect({ who, action, answer }).toEqual({
        who,
        action,
        answer: refusedForTheCase ? answer : 'refused',
      });
    }
    return allowed;
  }

  beforeAll(async () => {
    stack = await startTestStack();
    district = `A${uniqueId(6)}`;
    town = `${district}-T`;
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES ($1, '可办测试区', 'district', NULL), ($2, '可办测试镇', 'town', $1)`,
      [district, town],
    );
    people = {
      clerkD: await signIn(stack, district, ['clerk'], '区登记员'),
      clerkT: await signIn(stack, town, ['clerk'], '镇登记员'),
      leaderT: await signIn(stack, town, ['unitLeader'], '镇负责人'),
      handlerT: await signIn(stack, town, ['handler'], '镇承办人'),
      packageLeaderD: await signIn(stack, district, ['packageLeader'], '区包案领导'),
      supervisorD: await signIn(stack, district, ['supervisor'], '区督查员'),
    };
  });

  afterAll(() => stack?.close());

  it('at registration, assignment, acceptance and handling, for every person and action', async () => {
    const created = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'visit',
        petitioner: { name: '周十一' },
        category: 'grievance',
        subject: '可办操作测试',
        content: '内容',
        unitCode: town,
      },
      bearer(people.clerkD),
    );
    expect(created.status).toBe(201);
    const caseNumber: string = created.body.caseNumber;
    const everyone = Object.keys(people) as Who[];

    // Registered at the district: the district's clerk triages; the town sees nothing to do yet.
    const registered: Partial<Record<Who, string[]>> = {};
    for (const who of everyone) registered[who] = await refusedWhereNotOffered(who, caseNumber);
    expect(registered.clerkD).toEqual(
      expect.arrayContaining(['accept', 'transfer', 'assignDown', 'notAccept', 'withdraw']),
    );
    expect(registered.clerkD).not.toContain('objectMisroute');
    expect(registered.supervisorD).toEqual(['superviseOrder', 'remind', 'declareInterest']);
    const assigned = await act(people.clerkD, caseNumber, 'assignDown', bodies().assignDown);
    expect(assigned.status).toBe(200);

    // Assigned to the town: only the town accepts — the district no longer holds the case.
    const atTown: Partial<Record<Who, string[]>> = {};
    for (const who of everyone) atTown[who] = await refusedWhereNotOffered(who, caseNumber);
    expect(atTown.clerkD).not.toContain('accept');
    expect(atTown.clerkT).toEqual(expect.arrayContaining(['accept', 'objectMisroute', 'notAccept']));
    expect(atTown.clerkT).not.toContain('assignDown'); // the town has no unit below it
    const refusedAccept = await act(people.clerkD, caseNumber, 'accept', {});
    expect([refusedAccept.status, refusedAccept.body.code]).toEqual([403, 'NOT_HOLDING_UNIT']);
    expect((await act(people.clerkT, caseNumber, 'accept', {})).status).toBe(200);

    // Accepted: the six defines by the town's leader (or a leader above); the handler has nothing to reply yet.
    const accepted: Partial<Record<Who, string[]>> = {};
    for (const who of everyone) accepted[who] = await refusedWhereNotOffered(who, caseNumber);
    expect(accepted.leaderT).toContain('defineSix');
    expect(accepted.packageLeaderD).toContain('defineSix');
    expect(accepted.clerkT).not.toContain('accept');
    expect((await act(people.leaderT, caseNumber, 'defineSix', bodies().defineSix)).status).toBe(200);

    // In handling: the five duties first; 答复 only after 调查核实 is recorded.
    const handling: Partial<Record<Who, string[]>> = {};
    for (const who of everyone) handling[who] = await refusedWhereNotOffered(who, caseNumber);
    expect(handling.handlerT).toEqual(expect.arrayContaining(['recordDuty', 'requestExtension']));
    expect(handling.handlerT).not.toContain('reply');
    expect(handling.handlerT).not.toContain('resumeClock');
    expect((await act(people.handlerT, caseNumber, 'recordDuty', bodies().recordDuty)).status).toBe(200);
    expect(await allowedFor(people.handlerT, caseNumber)).toContain('reply');
    // An offered in-place action is accepted as offered.
    for (const action of ['instruct', 'remind'] as const) {
      const who = action === 'instruct' ? people.packageLeaderD : people.supervisorD;
      expect(await allowedFor(who, caseNumber)).toContain(action);
      expect((await act(who, caseNumber, action, bodies()[action])).status).toBe(200);
    }
    expect((await act(people.handlerT, caseNumber, 'reply', bodies().reply)).status).toBe(200);
    expect(await allowedFor(people.handlerT, caseNumber)).toEqual(expect.arrayContaining(['recordDelivery']));
  });
});

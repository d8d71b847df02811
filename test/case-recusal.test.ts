import { getJson, postJson } from './support/http';
import { startTestStack, type TestStack, uniqueId } from './support/stack';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';

/**
 * Recusal (回避, art. 28 of the 2022 Regulation) over HTTP on the real stack: a petitioner's request for
 * the handler's recusal, the decision by the right leader, the recused handler refused, the reassignment
 * that must replace them, and the three events in the timeline with readable Chinese.
 */
describe('recusal over HTTP (art. 28)', () => {
  let stack: TestStack;
  let district: string;
  let town: string;
  let people: Record<
    'clerkT' | 'leaderT' | 'leaderD' | 'handlerT' | 'handlerT2' | 'packageLeaderD',
    SignedIn
  >;

  const act = async (who: SignedIn, caseNumber: string, action: string, body: object = {}) => {
    const response = await fetch(`${stack.api.url}/cases/${caseNumber}/actions/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${who.token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const inDays = (days: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(Date.now() + days * 86_400_000),
    );

  beforeAll(async () => {
    stack = await startTestStack();
    district = `R${uniqueId(6)}`;
    town = `${district}-T`;
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES ($1, '回避测试区', 'district', NULL), ($2, '回避测试镇', 'town', $1)`,
      [district, town],
    );
    people = {
      clerkT: await signIn(stack, town, ['clerk'], '镇登记员'),
      leaderT: await signIn(stack, town, ['unitLeader'], '镇负责人'),
      leaderD: await signIn(stack, district, ['unitLeader'], '区负责人'),
      handlerT: await signIn(stack, town, ['handler'], '镇承办人甲'),
      handlerT2: await signIn(stack, town, ['handler'], '镇承办人乙'),
      packageLeaderD: await signIn(stack, district, ['packageLeader'], '区包案领导'),
    };
  });

  afterAll(() => stack?.close());

  async function caseInHandling(): Promise<string> {
    const created = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'visit',
        petitioner: { name: '钱十一' },
        category: 'grievance',
        subject: '回避测试',
        content: '内容',
        unitCode: town,
      },
      bearer(people.clerkT),
    );
    expect(created.status).toBe(201);
    const caseNumber = created.body.caseNumber as string;
    expect((await act(people.clerkT, caseNumber, 'accept')).status).toBe(200);
    const defined = await act(people.leaderT, caseNumber, 'defineSix', {
      packageLeaderUserId: people.packageLeaderD.userId,
      responsibleUnitCode: town,
      handlerUserId: people.handlerT.userId,
      resolutionPlan: '调查核实后依法处理',
      targetOutcome: '息诉罢访',
      completionDeadline: inDays(30),
    });
    expect(defined.status).toBe(200);
    return caseNumber;
  }

  const duty = (who: SignedIn) => ({
    duty: 'investigate',
    performedByUserIds: [who.userId],
    performedOn: inDays(0),
    summary: '走访核实',
    evidenceRefs: ['附件：走访记录'],
  });

  it('art. 28: request, decision by the town leader, the recused handler refused with 403 RECUSED_PERSON, replaced by reassignment', async () => {
    const caseNumber = await caseInHandling();
    const request = {
      userId: people.handlerT.userId,
      ground: 'relative',
      explanation: '承办人系信访人的表兄',
    };
    const requested = await act(people.clerkT, caseNumber, 'requestRecusal', request);
    expect(requested).toEqual({ status: 200, body: { status: 'inHandling', lastSeq: 4 } });
    // The same request again while pending is the same request: no new event.
    const again = await act(people.clerkT, caseNumber, 'requestRecusal', request);
    expect(again).toEqual({ status: 200, body: { status: 'inHandling', lastSeq: 4 } });
    // Pending, it blocks nothing: the handler still records a duty.
    expect((await act(people.handlerT, caseNumber, 'recordDuty', duty(people.handlerT))).status).toBe(200);

    // The district leader is not the handler's unit leader: refused.
    const wrong = await act(people.leaderD, caseNumber, 'decideRecusal', {
      userId: people.handlerT.userId,
      decision: 'recuse',
      reason: '属实',
    });
    expect([wrong.status, wrong.body.code]).toEqual([403, 'NOT_RECUSAL_DECIDER']);
    const decided = await act(people.leaderT, caseNumber, 'decideRecusal', {
      userId: people.handlerT.userId,
      decision: 'recuse',
      reason: '经核实确系近亲属',
    });
    expect(decided).toEqual({ status: 200, body: { status: 'inHandling', lastSeq: 6 } });

    // The recused handler may no longer act on the case.
    const refused = await act(people.handlerT, caseNumber, 'recordDuty', duty(people.handlerT));
    expect([refused.status, refused.body.code]).toEqual([403, 'RECUSED_PERSON']);
    expect(refused.body.message).toContain('应当回避');

    // A reassignment that keeps them is refused at the handler field; one that replaces them is accepted.
    const keeps = await act(people.leaderT, caseNumber, 'reassign', {
      reason: '调整方案',
      resolutionPlan: '另行调查',
    });
    expect([keeps.status, keeps.body.code]).toEqual([422, 'RECUSED_PERSON_NAMED']);
    expect(keeps.body.fields[0].field).toBe('changes.handler');
    const replaced = await act(people.leaderT, caseNumber, 'reassign', {
      reason: '原承办人回避',
      handlerUserId: people.handlerT2.userId,
    });
    expect(replaced.status).toBe(200);
    expect((await act(people.handlerT2, caseNumber, 'recordDuty', duty(people.handlerT2))).status).toBe(200);

    const timeline = await getJson(`${stack.api.url}/cases/${caseNumber}/timeline`, bearer(people.clerkT));
    expect(timeline.status).toBe(200);
    const recusalEvents = (timeline.body as any[]).filter((entry) =>
      ['recusalRequested', 'recusalDecided', 'sixDefinesReassigned'].includes(entry.type),
    );
    expect(recusalEvents.map((entry) => [entry.type, entry.actorId])).toEqual([
      ['recusalRequested', people.clerkT.userId],
      ['recusalDecided', people.leaderT.userId],
      ['sixDefinesReassigned', people.leaderT.userId],
    ]);
    const [asked, ruling, reassigned] = recusalEvents;
    expect(asked.details).toMatchObject({
      person: { userId: people.handlerT.userId, name: '镇承办人甲', unitCode: town },
      ground: 'relative',
      description: `信访人申请回避：镇承办人甲（${town}）系当事人近亲属：承办人系信访人的表兄；待决定期间不影响办理`,
    });
    expect(ruling.details).toMatchObject({
      decision: 'recuse',
      reason: '经核实确系近亲属',
      replacementNeeded: ['handler'],
      description: `回避决定：决定回避，镇承办人甲（${town}）应当回避，不得再办理本案；理由：经核实确系近亲属；其现任责任人，须调整六定另行指定`,
    });
    expect(reassigned.details).toMatchObject({ reason: '原承办人回避' });
    expect(reassigned.details.defines.handler.userId).toBe(people.handlerT2.userId);
  });

  it('art. 28: a dismissed request leaves the handler acting; a self-declared package leader is refused at once', async () => {
    const caseNumber = await caseInHandling();
    expect(
      (
        await act(people.clerkT, caseNumber, 'requestRecusal', {
          userId: people.handlerT.userId,
          ground: 'namedInPetition',
        })
      ).status,
    ).toBe(200);
    const dismissed = await act(people.leaderT, caseNumber, 'decideRecusal', {
      userId: people.handlerT.userId,
      decision: 'dismiss',
      reason: '经核实无利害关系',
    });
    expect(dismissed.status).toBe(200);
    expect((await act(people.handlerT, caseNumber, 'recordDuty', duty(people.handlerT))).status).toBe(200);

    const declared = await act(people.packageLeaderD, caseNumber, 'declareInterest', {
      ground: 'other',
      explanation: '与被反映单位负责人系同学',
    });
    expect(declared.status).toBe(200);
    const instruct = await act(people.packageLeaderD, caseNumber, 'instruct', { text: '抓紧办理' });
    expect([instruct.status, instruct.body.code]).toEqual([403, 'RECUSED_PERSON']);
    const timeline = await getJson(`${stack.api.url}/cases/${caseNumber}/timeline`, bearer(people.clerkT));
    const self = (timeline.body as any[]).find((entry) => entry.type === 'interestDeclared');
    expect(self.details.description).toBe(
      `自行回避：区包案领导（${district}）其他利害关系：与被反映单位负责人系同学；其现任包案领导，须调整六定另行指定`,
    );
  });
});

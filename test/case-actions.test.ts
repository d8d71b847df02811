import { getJson, postJson } from './support/http';
import { startTestStack, type TestStack, uniqueId } from './support/stack';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';

/** Staff actions over HTTP: authorization in the API, the workflow's typed rejections as 403/409/422. */
describe('case actions over HTTP', () => {
  let stack: TestStack;
  let district: string;
  let town: string;
  let elsewhere: string;
  let people: Record<
    | 'clerkD'
    | 'clerkT'
    | 'leaderT'
    | 'handlerT'
    | 'packageLeaderD'
    | 'clerkElsewhere'
    | 'handlerElsewhere'
    | 'leaderElsewhere'
    | 'supervisorD',
    SignedIn
  >;

  const act = async (who: SignedIn | undefined, caseNumber: string, action: string, body: object = {}) => {
    const response = await fetch(`${stack.api.url}/cases/${caseNumber}/actions/${action}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(who ? { authorization: `Bearer ${who.token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    stack = await startTestStack();
    district = `D${uniqueId(6)}`;
    town = `${district}-T`;
    elsewhere = `E${uniqueId(6)}`;
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES ($1, '操作测试区', 'district', NULL), ($2, '操作测试镇', 'town', $1), ($3, '别处', 'district', NULL)`,
      [district, town, elsewhere],
    );
    people = {
      clerkD: await signIn(stack, district, ['clerk'], '区登记员'),
      clerkT: await signIn(stack, town, ['clerk'], '镇登记员'),
      leaderT: await signIn(stack, town, ['unitLeader'], '镇负责人'),
      handlerT: await signIn(stack, town, ['handler'], '镇承办人'),
      packageLeaderD: await signIn(stack, district, ['packageLeader'], '区包案领导'),
      clerkElsewhere: await signIn(stack, elsewhere, ['clerk'], '别处登记员'),
      handlerElsewhere: await signIn(stack, elsewhere, ['handler'], '别处承办人'),
      leaderElsewhere: await signIn(stack, elsewhere, ['packageLeader'], '别处包案领导'),
      supervisorD: await signIn(stack, district, ['supervisor'], '区督查员'),
    };
  });

  afterAll(() => stack?.close());

  async function registerAtTown(): Promise<string> {
    const created = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'visit',
        petitioner: { name: '吴十' },
        category: 'grievance',
        subject: '操作测试',
        content: '内容',
        unitCode: town,
      },
      bearer(people.clerkT),
    );
    expect(created.status).toBe(201);
    return created.body.caseNumber;
  }

  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const inDays = (days: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(Date.now() + days * 86_400_000),
    );

  it('takes a case from acceptance through the six defines to a recorded duty, each answer after the event is stored', async () => {
    const caseNumber = await registerAtTown();
    const accepted = await act(people.clerkT, caseNumber, 'accept');
    expect(accepted).toEqual({ status: 200, body: { status: 'accepted', lastSeq: 2 } });

    const defines = {
      packageLeaderUserId: people.packageLeaderD.userId,
      responsibleUnitCode: town,
      handlerUserId: people.handlerT.userId,
      resolutionPlan: '调查核实后依法处理',
      targetOutcome: '息诉罢访',
    };
    const tooLate = await act(people.leaderT, caseNumber, 'defineSix', {
      ...defines,
      completionDeadline: inDays(200),
    });
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.code).toBe('DEADLINE_BEYOND_LIMIT');
    const defined = await act(people.leaderT, caseNumber, 'defineSix', {
      ...defines,
      completionDeadline: inDays(30),
    });
    expect(defined).toEqual({ status: 200, body: { status: 'inHandling', lastSeq: 3 } });

    const duty = await act(people.handlerT, caseNumber, 'recordDuty', {
      duty: 'investigate',
      performedByUserIds: [people.handlerT.userId],
      performedOn: today(),
      summary: '走访核实',
      evidenceRefs: ['附件：走访记录'],
    });
    expect(duty.status).toBe(200);
    const [row] = await stack.db.query(
      `SELECT status, handler_user_id, package_leader_user_id, event_count FROM cases WHERE case_number = $1`,
      [caseNumber],
    );
    expect(row).toEqual({
      status: 'inHandling',
      handler_user_id: people.handlerT.userId,
      package_leader_user_id: people.packageLeaderD.userId,
      event_count: 4,
    });
    const [event] = await stack.db.query(
      `SELECT actor_id, actor_role, actor_unit FROM case_events WHERE case_number = $1 AND seq = 3`,
      [caseNumber],
    );
    expect(event).toEqual({ actor_id: people.leaderT.userId, actor_role: 'unitLeader', actor_unit: town });
  });

  it('answers 409 for a state conflict, 403 for a role the action does not allow, 422 for a person in no fitting role', async () => {
    const caseNumber = await registerAtTown();
    expect((await act(people.clerkT, caseNumber, 'accept')).status).toBe(200);
    const again = await act(people.clerkT, caseNumber, 'accept');
    expect([again.status, again.body.code]).toEqual([409, 'CASE_STATE_CONFLICT']);
    const handlerAccepts = await act(people.handlerT, caseNumber, 'accept');
    expect([handlerAccepts.status, handlerAccepts.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const clerkAsHandler = await act(people.leaderT, caseNumber, 'defineSix', {
      packageLeaderUserId: people.packageLeaderD.userId,
      responsibleUnitCode: town,
      handlerUserId: people.clerkT.userId,
      resolutionPlan: '方案',
      completionDeadline: inDays(30),
      targetOutcome: '目标',
    });
    expect(clerkAsHandler.status).toBe(422);
    expect(clerkAsHandler.body).toMatchObject({
      code: 'PERSON_NOT_FOUND',
      fields: [{ field: 'handlerUserId' }],
    });
  });

  it('refuses people of other units swapped into the body or into a batch array, changing nothing', async () => {
    const caseNumber = await registerAtTown();
    expect((await act(people.clerkT, caseNumber, 'accept')).status).toBe(200);
    const defines = {
      packageLeaderUserId: people.packageLeaderD.userId,
      responsibleUnitCode: town,
      handlerUserId: people.handlerT.userId,
      resolutionPlan: '方案',
      completionDeadline: inDays(30),
      targetOutcome: '目标',
    };
    const outsideLeader = await act(people.leaderT, caseNumber, 'defineSix', {
      ...defines,
      packageLeaderUserId: people.leaderElsewhere.userId,
    });
    expect([outsideLeader.status, outsideLeader.body.fields]).toEqual([
      422,
      [expect.objectContaining({ field: 'packageLeaderUserId', code: 'PERSON_OUT_OF_SCOPE' })],
    ]);
    const outsideHandler = await act(people.leaderT, caseNumber, 'defineSix', {
      ...defines,
      handlerUserId: people.handlerElsewhere.userId,
    });
    expect([outsideHandler.status, outsideHandler.body.code]).toEqual([422, 'HANDLER_NOT_IN_UNIT']);
    const otherUnitCase = await act(people.leaderT, caseNumber, 'defineSix', {
      ...defines,
      responsibleUnitCode: elsewhere,
    });
    // A unit of another tree does not exist as far as this case is concerned.
    expect([otherUnitCase.status, otherUnitCase.body.code]).toEqual([422, 'UNIT_UNKNOWN']);
    expect((await act(people.leaderT, caseNumber, 'defineSix', defines)).status).toBe(200);

    const duty = (performedByUserIds: string[]) =>
      act(people.handlerT, caseNumber, 'recordDuty', {
        duty: 'investigate',
        performedByUserIds,
        performedOn: today(),
        summary: '走访核实',
        evidenceRefs: ['走访记录'],
      });
    const swapped = await duty([people.handlerT.userId, people.handlerElsewhere.userId]);
    expect([swapped.status, swapped.body.fields]).toEqual([
      422,
      [expect.objectContaining({ field: 'performedByUserIds', code: 'PERSON_OUT_OF_SCOPE' })],
    ]);
    const unknown = await duty([people.handlerT.userId, 'no-such-user']);
    expect([unknown.status, unknown.body.code]).toEqual([422, 'PERSON_NOT_FOUND']);
    const [row] = await stack.db.query(`SELECT event_count FROM cases WHERE case_number = $1`, [caseNumber]);
    expect(row.event_count).toBe(3); // registered, accepted, six defines: no duty recorded
    expect((await duty([people.handlerT.userId, people.packageLeaderD.userId])).status).toBe(200);
  });

  it('refuses mass assignment and bad bodies with field errors, changing nothing', async () => {
    const caseNumber = await registerAtTown();
    for (const [who, action, body, field] of [
      [people.clerkT, 'accept', { status: 'closed' }, 'status'],
      [people.clerkT, 'accept', { assignee: people.clerkElsewhere.userId }, 'assignee'],
      [people.supervisorD, 'remind', { text: '催办', caseNumber: 'OTHER-2026-000001' }, 'caseNumber'],
      [people.leaderT, 'instruct', { text: '批示', actor: { userId: people.leaderT.userId } }, 'actor'],
    ] as const) {
      const refused = await act(who, caseNumber, action, body);
      expect([action, refused.status, refused.body.fields]).toEqual([
        action,
        400,
        [expect.objectContaining({ field, code: 'whitelistValidation' })],
      ]);
    }
    const badTransfer = await act(people.clerkT, caseNumber, 'transfer', {
      toUnitCode: 'lower-case',
      reason: '',
    });
    expect(badTransfer.status).toBe(400);
    expect(badTransfer.body.fields.map((f: any) => f.field).sort()).toEqual(['reason', 'toUnitCode']);
    const [row] = await stack.db.query(`SELECT status, event_count FROM cases WHERE case_number = $1`, [
      caseNumber,
    ]);
    expect(row).toEqual({ status: 'registered', event_count: 1 });
  });

  it('keeps an accusation away from the accused unit: it cannot be sent there, and its staff cannot see it', async () => {
    const created = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'letter',
        petitioner: { name: '匿名' },
        category: 'accusation',
        subject: '反映镇干部违规',
        content: '反映某镇工作人员违规收费。',
        unitCode: town,
        accused: { unitCodes: [town], userIds: [people.leaderT.userId] },
      },
      bearer(people.clerkD),
    );
    expect(created.status).toBe(201);
    const caseNumber = created.body.caseNumber;
    const [row] = await stack.db.query(
      `SELECT accused_unit_codes, accused_user_ids FROM cases WHERE case_number = $1`,
      [caseNumber],
    );
    expect(row).toEqual({ accused_unit_codes: [town], accused_user_ids: [people.leaderT.userId] });

    const toAccused = await act(people.clerkD, caseNumber, 'transfer', {
      toUnitCode: town,
      reason: '属地管理',
    });
    expect([toAccused.status, toAccused.body.code]).toEqual([422, 'ACCUSED_UNIT_EXCLUDED']);
    for (const accusedStaff of [people.clerkT, people.leaderT]) {
      const hidden = await act(accusedStaff, caseNumber, 'accept');
      expect([hidden.status, hidden.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
      expect((await getJson(`${stack.api.url}/cases/${caseNumber}`, bearer(accusedStaff))).status).toBe(404);
    }
    // The same matter as a plain grievance is the town's to see: the accusation alone hides it.
    const plain = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'letter',
        petitioner: { name: '某人' },
        category: 'grievance',
        subject: '诉求',
        content: '内容',
        unitCode: town,
      },
      bearer(people.clerkD),
    );
    expect(
      (await getJson(`${stack.api.url}/cases/${plain.body.caseNumber}`, bearer(people.clerkT))).status,
    ).toBe(200);
    // Staff of a unit below the accused unit never see it either, even when they registered it.
    const village = `${town}-V`;
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES ($1, '操作测试村', 'village', $2)`,
      [village, town],
    );
    const clerkV = await signIn(stack, village, ['clerk'], '村登记员');
    const fromVillage = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'visit',
        petitioner: { name: '匿名' },
        category: 'accusation',
        subject: '反映镇里',
        content: '内容',
        unitCode: village,
        accused: { unitCodes: [town], userIds: [] },
      },
      bearer(clerkV),
    );
    expect(fromVillage.status).toBe(201);
    expect(
      (await getJson(`${stack.api.url}/cases/${fromVillage.body.caseNumber}`, bearer(clerkV))).status,
    ).toBe(404);
    expect(
      (await getJson(`${stack.api.url}/cases/${fromVillage.body.caseNumber}`, bearer(people.clerkD))).status,
    ).toBe(200);
    const notAccusation = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'letter',
        petitioner: { name: '某人' },
        category: 'grievance',
        subject: '诉求',
        content: '内容',
        unitCode: district,
        accused: { unitCodes: [town], userIds: [] },
      },
      bearer(people.clerkD),
    );
    expect(notAccusation.status).toBe(400);
    expect(notAccusation.body.fields).toEqual([expect.objectContaining({ field: 'accused' })]);
  });

  it('needs a session, and hides cases outside the caller’s units', async () => {
    const caseNumber = await registerAtTown();
    const anonymous = await act(undefined, caseNumber, 'accept');
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'AUTH_REQUIRED']);
    const outsider = await act(people.clerkElsewhere, caseNumber, 'accept');
    expect([outsider.status, outsider.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
    const unknownAction = await act(people.clerkT, caseNumber, 'delete');
    expect([unknownAction.status, unknownAction.body.code]).toEqual([404, 'ACTION_UNKNOWN']);
  });
});

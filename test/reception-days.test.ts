import { callApi } from './support/http';
import { plusDays, shanghaiDate } from './support/shanghai-dates';
import { startTestStack, type TestStack, uniqueId } from './support/stack';
import { signIn, type SignedIn } from './support/staff-sessions';

jest.setTimeout(120_000);

describe('leader reception days (领导接待日)', () => {
  let stack: TestStack;
  let district: string;
  let town: string;
  let other: string;
  let today: string;
  let staff: Record<
    | 'admin'
    | 'leader'
    | 'districtClerk'
    | 'townClerk'
    | 'townLeader'
    | 'townHandler'
    | 'townPackageLeader'
    | 'otherAdmin'
    | 'otherLeader'
    | 'otherClerk',
    SignedIn
  >;
  const sessions: Record<'today' | 'tomorrow' | 'elsewhere', string> = {
    today: '',
    tomorrow: '',
    elsewhere: '',
  };

  const api = (method: 'GET' | 'POST', path: string, who: SignedIn, body?: unknown) =>
    callApi(stack.api, method, path, body, who.token);

  const petition = (extra: Record<string, unknown>) => ({
    channel: 'leaderReception',
    category: 'grievance',
    subject: '征地补偿问题',
    content: '接待日当面反映征地补偿未到位',
    unitCode: town,
    petitioner: { name: '孙七' },
    ...extra,
  });

  beforeAll(async () => {
    stack = await startTestStack();
    const id = uniqueId(6);
    district = `RD${id}`;
    town = `RT${id}`;
    other = `RX${id}`;
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES
        ($1, '接待区', 'district', NULL), ($2, '接待镇', 'town', $1), ($3, '别的区', 'district', NULL)`,
      [district, town, other],
    );
    staff = {
      admin: await signIn(stack, district, ['admin'], '区管理员'),
      leader: await signIn(stack, district, ['unitLeader'], '区长'),
      districtClerk: await signIn(stack, district, ['clerk'], '区登记员'),
      townClerk: await signIn(stack, town, ['clerk'], '镇登记员'),
      townLeader: await signIn(stack, town, ['unitLeader'], '镇负责人'),
      townHandler: await signIn(stack, town, ['handler'], '镇承办人'),
      townPackageLeader: await signIn(stack, town, ['packageLeader'], '镇包案领导'),
      otherAdmin: await signIn(stack, other, ['admin'], '别区管理员'),
      otherLeader: await signIn(stack, other, ['unitLeader'], '别区区长'),
      otherClerk: await signIn(stack, other, ['clerk'], '别区登记员'),
    };
    today = shanghaiDate(Date.now());
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('publishes sessions within the publisher’s scope, with an eligible leader, audited', async () => {
    const body = (extra: Record<string, unknown> = {}) => ({
      leaderUserId: staff.leader.userId,
      date: today,
      place: '区信访接待大厅',
      topics: ['征地拆迁', '社会保障'],
      ...extra,
    });
    const published = await api('POST', '/reception-sessions', staff.admin, body());
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      unitCode: district,
      date: today,
      place: '区信访接待大厅',
      topics: ['征地拆迁', '社会保障'],
      leader: { userId: staff.leader.userId, name: '区长', role: 'unitLeader' },
      publishedBy: staff.admin.userId,
    });
    sessions.today = published.body.id;
    const audit: { actor_id: string; unit_code: string; details: Record<string, unknown> }[] =
      await stack.db.query(
        `SELECT actor_id, unit_code, details FROM admin_audit WHERE action = 'receptionSession.publish' AND target = $1`,
        [sessions.today],
      );
    expect(audit).toEqual([
      {
        actor_id: staff.admin.userId,
        unit_code: district,
        details: expect.objectContaining({ leaderUserId: staff.leader.userId, date: today }),
      },
    ]);

    // A unit leader publishes for their own unit too.
    const tomorrow = await api(
      'POST',
      '/reception-sessions',
      staff.leader,
      body({ date: plusDays(today, 1) }),
    );
    expect(tomorrow.status).toBe(201);
    sessions.tomorrow = tomorrow.body.id;
    const elsewhere = await api('POST', '/reception-sessions', staff.otherAdmin, {
      ...body(),
      leaderUserId: staff.otherLeader.userId,
    });
    expect(elsewhere.status).toBe(201);
    sessions.elsewhere = elsewhere.body.id;

    const refusals = [
      [staff.townLeader, body({ unitCode: district }), 403, 'UNIT_OUT_OF_SCOPE', 'unitCode'],
      [
        staff.admin,
        body({ leaderUserId: staff.townHandler.userId }),
        422,
        'LEADER_NOT_ELIGIBLE',
        'leaderUserId',
      ],
      [
        staff.admin,
        body({ leaderUserId: staff.otherLeader.userId }),
        422,
        'LEADER_NOT_ELIGIBLE',
        'leaderUserId',
      ],
      [staff.admin, body({ date: plusDays(today, -1) }), 422, 'SESSION_DATE_PAST', 'date'],
      [staff.admin, body({ topics: [] }), 400, 'VALIDATION_FAILED', 'topics'],
    ] as const;
    for (const [who, request, status, code, field] of refusals) {
      const refused = await api('POST', '/reception-sessions', who, request);
      expect([status, refused.body.code, refused.body.fields?.[0]?.field]).toEqual([status, code, field]);
    }
    expect((await api('POST', '/reception-sessions', staff.districtClerk, body())).body.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
  });

  it('lists the schedule to staff of the unit line only, within the dates asked', async () => {
    const ids = async (who: SignedIn, query = '') => {
      const listed = await api('GET', `/reception-sessions${query}`, who);
      expect(listed.status).toBe(200);
      return (listed.body.items as { id: string }[]).map((item) => item.id);
    };
    // The town sees the district's schedule (the unit above it), not the other district's.
    expect(await ids(staff.townClerk)).toEqual(expect.arrayContaining([sessions.today, sessions.tomorrow]));
    expect(await ids(staff.townClerk)).not.toContain(sessions.elsewhere);
    expect(await ids(staff.otherClerk)).toEqual([sessions.elsewhere]);
    expect(await ids(staff.townClerk, `?from=${today}&to=${today}`)).toEqual([sessions.today]);
    expect(await ids(staff.townClerk, `?from=${plusDays(today, 1)}`)).toEqual([sessions.tomorrow]);
    const inverted = await api(
      'GET',
      `/reception-sessions?from=${today}&to=${plusDays(today, -1)}`,
      staff.townClerk,
    );
    expect([inverted.status, inverted.body.code]).toEqual([400, 'DATE_RANGE_INVALID']);
  });

  it('makes the session’s leader the package leader of a case registered in it', async () => {
    const created = await api(
      'POST',
      '/cases',
      staff.townClerk,
      petition({ receptionSessionId: sessions.today }),
    );
    expect(created.status).toBe(201);
    const caseNumber = created.body.caseNumber as string;
    const [row] = await stack.db.query(
      `SELECT channel, package_leader_user_id FROM cases WHERE case_number = $1`,
      [caseNumber],
    );
    expect(row).toEqual({ channel: 'leaderReception', package_leader_user_id: staff.leader.userId });
    // Named on the case from the start, the leader sees it.
    expect((await api('GET', `/cases/${caseNumber}`, staff.leader)).status).toBe(200);

    expect((await api('POST', `/cases/${caseNumber}/actions/accept`, staff.townClerk, {})).status).toBe(200);
    const defines = {
      responsibleUnitCode: town,
      handlerUserId: staff.townHandler.userId,
      resolutionPlan: '核实补偿标准并督促发放',
      completionDeadline: plusDays(today, 30),
      targetOutcome: '补偿到位',
    };
    const another = await api('POST', `/cases/${caseNumber}/actions/defineSix`, staff.townLeader, {
      ...defines,
      packageLeaderUserId: staff.townPackageLeader.userId,
    });
    expect([another.status, another.body.code]).toEqual([422, 'PACKAGE_LEADER_PRESET']);
    const defined = await api('POST', `/cases/${caseNumber}/actions/defineSix`, staff.townLeader, defines);
    expect(defined.status).toBe(200);
    const [after] = await stack.db.query(`SELECT six_defines FROM cases WHERE case_number = $1`, [
      caseNumber,
    ]);
    expect(after.six_defines.packageLeader).toMatchObject({
      userId: staff.leader.userId,
      role: 'unitLeader',
    });

    // The reception record: who received whom, when, where, which cases.
    const record = await api('GET', `/reception-sessions/${sessions.today}`, staff.districtClerk);
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({
      id: sessions.today,
      date: today,
      place: '区信访接待大厅',
      leader: { userId: staff.leader.userId },
      cases: [{ caseNumber, petitionerName: '孙七', status: 'inHandling', holdingUnitCode: town }],
    });
    expect((await api('GET', `/reception-sessions/${sessions.today}`, staff.otherClerk)).status).toBe(404);
  });

  it('refuses a wrong session with 422 naming receptionSessionId, and a case outside a session gets none', async () => {
    const refusals = [
      [sessions.tomorrow, 'RECEPTION_SESSION_OTHER_DAY'],
      [sessions.elsewhere, 'RECEPTION_SESSION_OUT_OF_SCOPE'],
      ['6f1c1d8e-3b1a-4c7e-9a57-2f0c5d1e9b00', 'RECEPTION_SESSION_UNKNOWN'],
    ] as const;
    for (const [receptionSessionId, code] of refusals) {
      const refused = await api('POST', '/cases', staff.townClerk, petition({ receptionSessionId }));
      expect([refused.status, refused.body.code, refused.body.fields?.[0]?.field]).toEqual([
        422,
        code,
        'receptionSessionId',
      ]);
    }
    const wrongChannel = await api(
      'POST',
      '/cases',
      staff.townClerk,
      petition({ receptionSessionId: sessions.today, channel: 'visit' }),
    );
    expect([wrongChannel.status, wrongChannel.body.code, wrongChannel.body.fields?.[0]?.field]).toEqual([
      422,
      'RECEPTION_CHANNEL_MISMATCH',
      'channel',
    ]);
    expect(
      (await api('POST', '/cases', staff.townClerk, petition({ receptionSessionId: 'today' }))).status,
    ).toBe(400);

    const plain = await api('POST', '/cases', staff.townClerk, petition({ channel: 'visit' }));
    expect(plain.status).toBe(201);
    const [row] = await stack.db.query(`SELECT package_leader_user_id FROM cases WHERE case_number = $1`, [
      plain.body.caseNumber,
    ]);
    expect(row.package_leader_user_id).toBeNull();
  });
});

import { randomInt } from 'node:crypto';
import { createJourneyOrg, type JourneyOrg, shanghaiDay } from './support/case-journey';
import { getJson, postJson } from './support/http';
import { pdfText, withoutSpace } from './support/pdf-text';
import { startTestStack, type TestStack, uniqueId } from './support/stack';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';

/** A resident ID number with a correct check character, different for every call. */
function residentId(): string {
  const first17 = `110105${1950 + randomInt(50)}0101${String(randomInt(1000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

/**
 * Art. 19 at registration, over HTTP on the real stack: the district registers a petition whose matter
 * the town is handling as a case of its own, linked to the town's case, not accepted (handledBelow) and
 * referred to the town, whose case records the skip-level visit; the district keeps seeing the town's case.
 */
describe('skip-level petitions of a matter being handled below (art. 19)', () => {
  let stack: TestStack;
  let org: JourneyOrg;
  let clerkT: SignedIn;

  beforeAll(async () => {
    stack = await startTestStack();
    org = await createJourneyOrg(stack);
    clerkT = await signIn(stack, org.town, ['clerk'], '镇登记员');
  }, 120_000);

  afterAll(() => stack?.close());

  const petition = (petitioner: object) => ({
    channel: 'visit',
    petitioner,
    category: 'grievance',
    subject: '村道路灯损坏',
    content: '村口道路路灯损坏三个月，夜间出行不便，多次反映未修复，请求尽快维修。',
    unitCode: org.town,
  });

  const register = (who: SignedIn, body: object, headers: Record<string, string> = {}) =>
    postJson(`${stack.api.url}/cases`, body, { ...bearer(who), ...headers });

  const timeline = async (caseNumber: string, who: SignedIn = org.clerkD) =>
    (await getJson(`${stack.api.url}/cases/${caseNumber}/timeline`, bearer(who))).body as {
      type: string;
      actorId: string;
      actorUnit: string | null;
      status: string | null;
      details: Record<string, any>;
      notices: { id: string; kind: string }[];
    }[];

  /** The town registers and accepts the petitioner's matter: it is being handled below the district. */
  async function townHandles(petitioner: object): Promise<string> {
    const registered = await register(clerkT, petition(petitioner));
    expect(registered.status).toBe(201);
    const caseNumber = registered.body.caseNumber as string;
    const accepted = await postJson(
      `${stack.api.url}/cases/${caseNumber}/actions/accept`,
      {},
      bearer(clerkT),
    );
    expect(accepted.status).toBe(200);
    return caseNumber;
  }

  it('art. 19: the district registers it as its own case, linked, not accepted (handledBelow), referred to the town; the town’s case records the visit', async () => {
    const petitioner = { name: '周十一', idNumber: residentId(), phone: '13900001111' };
    const townCase = await townHandles(petitioner);

    const key = `skip-${uniqueId()}`;
    const skip = await register(org.clerkD, petition(petitioner), { 'Idempotency-Key': key });
    expect(skip.status).toBe(201);
    const districtCase = skip.body.caseNumber as string;
    expect(districtCase).not.toBe(townCase);
    expect(districtCase.startsWith(`${org.district}-`)).toBe(true);
    expect(skip.body).toEqual({
      caseNumber: districtCase,
      status: 'notAccepted',
      handledBelowIn: townCase,
      referredToUnitCode: org.town,
      repeatVisits: 1,
    });
    // The same request again (same key): the same case, the visit recorded once.
    const replay = await register(org.clerkD, petition(petitioner), { 'Idempotency-Key': key });
    expect([replay.status, replay.body]).toEqual([200, skip.body]);

    // The district's case: registered by the district, then not accepted with the reason handledBelow.
    const higher = await timeline(districtCase);
    expect(higher.map((event) => event.type)).toEqual(['caseRegistered', 'caseNotAccepted']);
    const notAccepted = higher[1]!;
    expect(notAccepted.details).toMatchObject({ reason: 'handledBelow' });
    expect(notAccepted.details.explanation).toContain(org.townName);
    expect(notAccepted.details.explanation).toContain(townCase);

    // The notice to the petitioner names the town handling the matter.
    expect(notAccepted.notices.map((notice) => notice.kind)).toEqual(['notAccepted']);
    const pdf = await fetch(
      `${stack.api.url}/cases/${districtCase}/notices/${notAccepted.notices[0]!.id}.pdf`,
      { headers: bearer(org.clerkD) },
    );
    expect(pdf.status).toBe(200);
    const text = withoutSpace(pdfText(Buffer.from(await pdf.arrayBuffer())));
    expect(text).toContain('不予受理告知书');
    expect(text).toContain(`该信访事项正由${org.townName}办理`);
    expect(text).toContain(`向${org.townName}了解办理情况`);

    // The town's case records the skip-level visit, registered by the district clerk, once.
    const lower = await timeline(townCase, clerkT);
    const visits = lower.filter((event) => event.type === 'repeatVisitRecorded');
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({
      actorId: org.clerkD.userId,
      actorUnit: org.district,
      status: 'accepted',
      details: {
        visitNumber: 1,
        skipLevel: true,
        skipLevelCaseNumber: districtCase,
        registeringUnitCode: org.district,
      },
    });
    const [read] = await stack.db.query(
      `SELECT c.repeat_visits, s.handled_below_in, s.handled_below_unit_code
       FROM cases c JOIN case_submissions s ON s.case_number = $2 WHERE c.case_number = $1`,
      [townCase, districtCase],
    );
    expect(read).toEqual({
      repeat_visits: 1,
      handled_below_in: townCase,
      handled_below_unit_code: org.town,
    });

    // The district keeps seeing the town's case and its status as it moves on.
    const view = async () =>
      (await getJson(`${stack.api.url}/cases/${districtCase}`, bearer(org.clerkD))).body;
    expect((await view()).handledBelow).toMatchObject({
      caseNumber: townCase,
      referredToUnitCode: org.town,
      status: 'accepted',
      statusLabel: '受理',
      responsibleUnitCode: org.town,
    });
    const handlerT = org.handlerT;
    const defined = await postJson(
      `${stack.api.url}/cases/${townCase}/actions/defineSix`,
      {
        packageLeaderUserId: org.leaderT.userId,
        responsibleUnitCode: org.town,
        handlerUserId: handlerT.userId,
        resolutionPlan: '更换路灯',
        completionDeadline: shanghaiDay(30),
        targetOutcome: '路灯恢复',
      },
      bearer(org.leaderT),
    );
    expect(defined.status).toBe(200);
    expect((await view()).handledBelow).toMatchObject({ status: 'inHandling', statusLabel: '办理中' });
    const direct = await getJson(`${stack.api.url}/cases/${townCase}`, bearer(org.clerkD));
    expect([direct.status, direct.body.status]).toEqual([200, 'inHandling']);
  }, 90_000);

  it('art. 19 does not apply at the same level: the town registering its own open matter again is a repeat visit as today', async () => {
    const petitioner = { name: '吴十二', idNumber: residentId() };
    const townCase = await townHandles(petitioner);
    const again = await register(clerkT, petition(petitioner));
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      caseNumber: townCase,
      status: 'accepted',
      repeatOf: townCase,
      repeatVisits: 1,
    });
    const visits = (await timeline(townCase, clerkT)).filter((event) => event.type === 'repeatVisitRecorded');
    expect(visits).toHaveLength(1);
    expect(visits[0]!.details.skipLevel).toBeUndefined();
  }, 60_000);

  it('art. 19 does not apply to a case the district registered itself and sent down: a repeat visit on its own case', async () => {
    const petitioner = { name: '郑十三', idNumber: residentId() };
    const registered = await register(org.clerkD, petition(petitioner));
    expect(registered.status).toBe(201);
    const caseNumber = registered.body.caseNumber as string;
    const sent = await postJson(
      `${stack.api.url}/cases/${caseNumber}/actions/transfer`,
      { toUnitCode: org.town, reason: '属地管理' },
      bearer(org.clerkD),
    );
    expect(sent.status).toBe(200);
    const again = await register(org.clerkD, petition(petitioner));
    expect([again.status, again.body.repeatOf, again.body.handledBelowIn]).toEqual([
      200,
      caseNumber,
      undefined,
    ]);
  }, 60_000);
});

import { CaseSubmissionEntity, PersonalDataProtector, recordEvent } from '../libs/persistence/src';
import { getJson, postJson } from './support/http';
import { startTestStack, type TestStack, uniqueId } from './support/stack';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';

/**
 * Identity documents, repeat petitions and collective visits at registration, against the real stack:
 * the API and worker in this process, real PostgreSQL and Temporal.
 */
describe('registration: identity documents, repeat and collective petitions', () => {
  let stack: TestStack;
  let district: string;
  let town: string;
  let clerk: SignedIn;
  let leader: SignedIn;
  let supervisor: SignedIn;

  beforeAll(async () => {
    stack = await startTestStack();
    district = `R${uniqueId(6)}`;
    town = `${district}-T`;
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES ($1, '重复区', 'district', NULL), ($2, '重复镇', 'town', $1)`,
      [district, town],
    );
    // Everyone in post before the first case starts: the workflow resolves escalations from its directory.
    clerk = await signIn(stack, district, ['clerk'], '登记员');
    leader = await signIn(stack, district, ['unitLeader'], '区负责人');
    supervisor = await signIn(stack, district, ['supervisor'], '督查员');
  }, 120_000);

  afterAll(() => stack?.close());

  /** A resident ID number with a correct check character, different for every call. */
  function residentId(): string {
    const first17 = `110105${1950 + Math.floor(Math.random() * 50)}0101${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
    return first17 + '10X98765432'[sum % 11];
  }

  function uniquePhone(): string {
    return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  }

  const petition = (overrides: Record<string, unknown> = {}) => ({
    channel: 'visit',
    petitioner: { name: '钱九', idNumber: residentId(), phone: uniquePhone() },
    category: 'grievance',
    subject: '小区排水管网堵塞',
    content: '小区排水管网长期堵塞，雨天污水倒灌进楼道，多次向物业反映未解决，请求协调疏通改造。',
    unitCode: town,
    ...overrides,
  });

  const register = (body: object, headers: Record<string, string> = {}) =>
    postJson(`${stack.api.url}/cases`, body, { ...bearer(clerk), ...headers });

  const timeline = async (caseNumber: string) =>
    (await getJson(`${stack.api.url}/cases/${caseNumber}/timeline`, bearer(clerk))).body as {
      type: string;
      actorId: string;
      status: string | null;
      details: Record<string, any>;
    }[];

  describe('identity documents', () => {
    it.each([
      ['passport', 'E12345678'],
      ['hkMacaoPermit', 'H12345678'],
      ['taiwanPermit', '12345678'],
      ['other', 'JG-2020-0001'],
    ])('registers a petitioner with a valid %s number', async (idType, idNumber) => {
      const created = await register(petition({ petitioner: { name: '证件测试', idType, idNumber } }));
      expect(created.status).toBe(201);
      const view = await getJson(
        `${stack.api.url}/cases/${created.body.caseNumber}/petitioner`,
        bearer(clerk),
      );
      expect(view.body.idType).toBe(idType);
      expect(view.body.idNumber).not.toBe(idNumber); // masked
      const found = await getJson(
        `${stack.api.url}/cases?${new URLSearchParams({ unit: district, petitionerIdType: idType, petitionerIdNumber: idNumber })}`,
        bearer(clerk),
      );
      expect(found.status).toBe(200);
      expect(found.body.items.map((item: { caseNumber: string }) => item.caseNumber)).toEqual([
        created.body.caseNumber,
      ]);
    });

    it.each([
      ['passport', 'E12', 'isDocumentNumber'],
      ['hkMacaoPermit', 'X12345678', 'isDocumentNumber'],
      ['taiwanPermit', '1234', 'isDocumentNumber'],
      ['other', '证件', 'isDocumentNumber'],
      ['residentId', '110105194912310021', 'isResidentId'],
      [undefined, '110105194912310021', 'isResidentId'],
    ])('refuses an invalid %s number on petitioner.idNumber', async (idType, idNumber, code) => {
      const refused = await register(petition({ petitioner: { name: '证件测试', idType, idNumber } }));
      expect(refused.status).toBe(400);
      expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'petitioner.idNumber', code })]);
    });

    it('checks only a resident ID for its check character: the same digits pass as another document', async () => {
      const created = await register(
        petition({ petitioner: { name: '证件测试', idType: 'other', idNumber: '110105194912310021' } }),
      );
      expect(created.status).toBe(201);
    });

    it('refuses an unknown document type', async () => {
      const refused = await register(
        petition({ petitioner: { name: '证件测试', idType: 'driverLicence', idNumber: 'A1234567' } }),
      );
      expect(refused.status).toBe(400);
      expect(refused.body.fields).toEqual([
        expect.objectContaining({ field: 'petitioner.idType', code: 'isIn' }),
      ]);
    });
  });

  /** This file's submissions only: other files register cases on the same database meanwhile. */
  const ourSubmissions = () =>
    stack.db.manager.count(CaseSubmissionEntity, { where: { registeringUnitCode: clerk.unitCode } });

  describe('repeat petitions', () => {
    it('records the same petitioner on the same open matter as repeat visits on the earlier case, escalated by policy', async () => {
      const idNumber = residentId();
      const phone = uniquePhone();
      const first = await register(petition({ petitioner: { name: '钱九', idNumber, phone } }));
      expect(first.status).toBe(201);
      const earlier = first.body.caseNumber as string;
      const submissionsBefore = await ourSubmissions();

      // Same document number, reworded petition: a repeat visit, no new case.
      const key = `repeat-${uniqueId()}`;
      const again = petition({
        petitioner: { name: '钱九', idNumber, phone },
        subject: '小区排水管网堵塞问题仍未解决',
        content: '小区排水管网长期堵塞，雨天污水倒灌进楼道，上次反映后仍未疏通改造，再次请求解决。',
      });
      const repeat = await register(again, { 'Idempotency-Key': key });
      expect(repeat.status).toBe(200);
      expect(repeat.body).toEqual({
        caseNumber: earlier,
        status: 'registered',
        repeatOf: earlier,
        repeatVisits: 1,
      });
      // A replay answers the same and records nothing more.
      const replay = await register(again, { 'Idempotency-Key': key });
      expect(replay).toEqual(repeat);
      expect(await ourSubmissions()).toBe(submissionsBefore);

      // Second repeat, recognised by name and phone only: escalated to the package leader.
      const second = await register(petition({ petitioner: { name: '钱九', phone } }));
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ caseNumber: earlier, repeatVisits: 2 });
      // Third: escalated to the supervision office.
      const third = await register(petition({ petitioner: { name: '钱九', idNumber } }));
      expect(third.body).toMatchObject({ caseNumber: earlier, repeatVisits: 3 });
      expect(await ourSubmissions()).toBe(submissionsBefore);

      const events = await timeline(earlier);
      const visits = events.filter((event) => event.type === 'repeatVisitRecorded');
      expect(visits.map((event) => [event.details.visitNumber, event.actorId])).toEqual([
        [1, clerk.userId],
        [2, clerk.userId],
        [3, clerk.userId],
      ]);
      const escalations = events.filter((event) => event.type === 'repeatVisitEscalated');
      expect(escalations.map((event) => [event.details.visitNumber, event.details.recipientRole])).toEqual([
        [2, 'packageLeader'],
        [3, 'supervisionOffice'],
      ]);
      const [read] = await stack.db.query(`SELECT repeat_visits FROM cases WHERE case_number = $1`, [
        earlier,
      ]);
      expect(read.repeat_visits).toBe(3);

      // The package leader post is vacant before the six defines: the unit's leader receives it.
      const inbox = await stack.db.query(
        `SELECT recipient_user_id, kind, level FROM inbox_items WHERE case_number = $1 ORDER BY level, recipient_user_id`,
        [earlier],
      );
      expect(inbox).toEqual([
        { recipient_user_id: leader.userId, kind: 'repeatVisit', level: 2 },
        { recipient_user_id: supervisor.userId, kind: 'repeatVisit', level: 3 },
      ]);
    }, 60_000);

    it('measures similarity as the overlap of character bigrams, whatever the database locale', async () => {
      const [row] = await stack.db.query(
        `SELECT petition_similarity('小区排水管网堵塞', '小区排水管网堵塞') AS same,
                petition_similarity('小区排水管网堵塞', '小区排水管网长期堵塞') AS close,
                petition_similarity('小区排水管网堵塞', '邻居装修噪音扰民') AS apart,
                petition_similarity('', '小区') AS empty`,
      );
      expect(row.same).toBe(1);
      expect(row.close).toBeGreaterThan(0.5);
      expect(row.close).toBeLessThan(1);
      expect(row.apart).toBe(0);
      expect(row.empty).toBe(0);
    });

    it('counts repeat visits in the supervisors’ repeat-petition figure', async () => {
      const idNumber = residentId();
      const first = await register(petition({ petitioner: { name: '统计人', idNumber } }));
      await register(petition({ petitioner: { name: '统计人', idNumber } }));
      const [facts] = await stack.db.query(`SELECT repeat_visits FROM cases WHERE case_number = $1`, [
        first.body.caseNumber,
      ]);
      expect(facts.repeat_visits).toBe(1);
      const drill = await getJson(
        `${stack.api.url}/metrics/cases?unit=${district}&figure=repeatPetition&part=numerator&limit=50`,
        bearer(supervisor),
      );
      expect(drill.status).toBe(200);
      expect(drill.body.items.map((item: { caseNumber: string }) => item.caseNumber)).toContain(
        first.body.caseNumber,
      );
    });

    it.each([
      ['another category', () => ({ category: 'suggestion' })],
      [
        'a dissimilar petition',
        () => ({
          subject: '邻居装修噪音扰民',
          content: '楼上住户夜间装修施工，噪音严重影响休息，请求依法制止。',
        }),
      ],
      // The table is built before beforeAll: read the unit code when the test runs.
      ['another unit', () => ({ unitCode: district })],
    ])('registers a new case for %s', async (_label, difference) => {
      const idNumber = residentId();
      const first = await register(petition({ petitioner: { name: '孙十', idNumber } }));
      const other = await register(petition({ petitioner: { name: '孙十', idNumber }, ...difference() }));
      expect([other.status, other.body.fields]).toEqual([201, undefined]);
      expect(other.body.caseNumber).not.toBe(first.body.caseNumber);
      expect(other.body.repeatOf).toBeUndefined();
    });

    it('registers the same facts as a concluded case and does not accept them, citing the conclusion', async () => {
      const idNumber = residentId();
      const concluded = await concludedCase(idNumber, '2026-03-10T02:00:00Z');
      const created = await register(petition({ petitioner: { name: '周十一', idNumber } }));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'notAccepted', sameFactsAs: concluded });
      const events = await timeline(created.body.caseNumber);
      expect(events.map((event) => event.type)).toEqual(['caseRegistered', 'caseNotAccepted']);
      const notAccepted = events[1]!;
      expect(notAccepted.actorId).toBe(clerk.userId);
      expect(notAccepted.details.reason).toBe('concludedSameFacts');
      expect(notAccepted.details.explanation).toContain(concluded);
      expect(notAccepted.details.explanation).toContain('2026-03-10');
    }, 30_000);

    it('lets the clerk override “not the same matter” with a reason, recorded on the registration', async () => {
      const idNumber = residentId();
      const first = await register(petition({ petitioner: { name: '吴十二', idNumber } }));
      const notRepeatOf = { caseNumber: first.body.caseNumber, reason: '此次反映的是另一栋楼的管网' };
      const overridden = await register(petition({ petitioner: { name: '吴十二', idNumber }, notRepeatOf }));
      expect(overridden.status).toBe(201);
      expect(overridden.body.caseNumber).not.toBe(first.body.caseNumber);
      const [registered] = await timeline(overridden.body.caseNumber);
      expect(registered!.details.notRepeatOf).toEqual(notRepeatOf);
      const [earlier] = await stack.db.query(`SELECT repeat_visits FROM cases WHERE case_number = $1`, [
        first.body.caseNumber,
      ]);
      expect(earlier.repeat_visits).toBe(0);

      const unknown = await register(
        petition({ notRepeatOf: { caseNumber: `${district}-2026-999999`, reason: '不是同一事项' } }),
      );
      expect(unknown.status).toBe(404); // CASE_NOT_FOUND is 404 wherever it is raised
      expect(unknown.body.fields).toEqual([expect.objectContaining({ field: 'notRepeatOf.caseNumber' })]);
    });

    it('keeps repeats on cases only: nothing about them is stored against a person', async () => {
      const columns: { table_name: string; column_name: string }[] = await stack.db.query(
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = 'public' AND column_name LIKE '%repeat%' ORDER BY table_name, column_name`,
      );
      expect(columns).toEqual([
        { table_name: 'case_submissions', column_name: 'not_repeat_of' },
        { table_name: 'cases', column_name: 'repeat_visits' },
      ]);
      const visitColumns: { column_name: string }[] = await stack.db.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'case_repeat_visits'`,
      );
      for (const { column_name } of visitColumns)
        expect(column_name).not.toMatch(/name$|id_number|phone|petitioner/);
    });
  });

  describe('collective visits', () => {
    const representative = (n: number) => ({
      name: `代表${n}`,
      idNumber: residentId(),
      phone: uniquePhone(),
    });

    it('refuses more representatives than the policy allows, naming the field', async () => {
      const refused = await register(
        petition({ collective: { headcount: 40, representatives: [1, 2, 3, 4, 5, 6].map(representative) } }),
      );
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('TOO_MANY_REPRESENTATIVES');
      expect(refused.body.fields).toEqual([
        expect.objectContaining({ field: 'collective.representatives', code: 'TOO_MANY_REPRESENTATIVES' }),
      ]);
    });

    it('stores representatives encrypted, masks them, and reveals them with the audited reveal', async () => {
      const people = [representative(1), { ...representative(2), idType: 'passport', idNumber: 'E98765432' }];
      const created = await register(petition({ collective: { headcount: 30, representatives: people } }));
      expect(created.status).toBe(201);
      const caseNumber = created.body.caseNumber as string;

      const stored = await stack.db.query(
        `SELECT * FROM case_representatives WHERE case_number = $1 ORDER BY position`,
        [caseNumber],
      );
      expect(stored).toHaveLength(2);
      const dump = JSON.stringify(stored);
      for (const person of people) {
        expect(dump).not.toContain(person.idNumber);
        expect(dump).not.toContain(person.phone);
      }

      const masked = await getJson(`${stack.api.url}/cases/${caseNumber}/petitioner`, bearer(clerk));
      expect(masked.body.collective.headcount).toBe(30);
      expect(masked.body.collective.representatives).toHaveLength(2);
      expect(masked.body.collective.representatives[0]).toMatchObject({
        name: '代表1',
        idType: 'residentId',
      });
      expect(masked.body.collective.representatives[0].idNumber).toMatch(/\*/);
      expect(masked.body.collective.representatives[1].idNumber).toBe('*********');
      expect(JSON.stringify(masked.body)).not.toContain(people[0]!.phone);

      const revealed = await postJson(
        `${stack.api.url}/cases/${caseNumber}/petitioner/reveal`,
        { reason: '核对代表身份' },
        bearer(clerk),
      );
      expect(revealed.status).toBe(200);
      expect(revealed.body.collective.representatives).toEqual([
        { name: '代表1', idType: 'residentId', idNumber: people[0]!.idNumber, phone: people[0]!.phone },
        { name: '代表2', idType: 'passport', idNumber: 'E98765432', phone: people[1]!.phone },
      ]);
      const [audit] = await stack.db.query(
        `SELECT count(*)::int AS n FROM access_audit WHERE case_number = $1 AND action = 'revealPersonalData'`,
        [caseNumber],
      );
      expect(audit.n).toBe(1);

      const [registered] = await timeline(caseNumber);
      expect(registered!.details.collective).toEqual({
        headcount: 30,
        representativeRefs: [`case_representatives/${caseNumber}#1`, `case_representatives/${caseNumber}#2`],
      });
    });
  });

  /**
   * A case of the petitioner concluded after re-review, recorded directly (driving one through review
   * and re-review needs the levels above): registration and its conclusion on the event log.
   */
  async function concludedCase(idNumber: string, concludedAt: string): Promise<string> {
    const protector = stack.api.app.get(PersonalDataProtector);
    const caseNumber = `${district}-${uniqueId(6)}`;
    const body = petition();
    await stack.db.manager.insert(CaseSubmissionEntity, {
      caseNumber,
      channel: 'visit',
      category: 'grievance',
      subject: body.subject,
      content: body.content,
      petitionerName: '周十一',
      petitionerIdNumberBidx: protector.blindIndex('idNumber', idNumber),
      unitCode: town,
      registeringUnitCode: district,
      receivedAt: new Date('2025-10-01T02:00:00Z'),
      submittedAt: new Date('2025-10-01T02:00:00Z'),
    });
    const actor = { id: clerk.userId, role: 'clerk', unitCode: district };
    await recordEvent(stack.db, {
      caseNumber,
      seq: 1,
      type: 'caseRegistered',
      actor,
      occurredAt: '2025-10-01T02:00:00Z',
      payload: {
        status: 'registered',
        channel: 'visit',
        category: 'grievance',
        subject: body.subject,
        receivedAt: '2025-10-01T02:00:00Z',
        matterUnitCode: town,
      },
    });
    await recordEvent(stack.db, {
      caseNumber,
      seq: 2,
      type: 'reReviewDecided',
      actor: { ...actor, role: 'unitLeader' },
      occurredAt: concludedAt,
      payload: {
        status: 'concluded',
        fromStatus: 'underReReview',
        outcome: 'notSupport',
        reasons: '复核维持',
      },
    });
    return caseNumber;
  }
});

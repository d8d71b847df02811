import { MockActivityEnvironment } from '@temporalio/testing';
import { type DataSource } from 'typeorm';
import { CaseActivitiesService } from '../apps/worker/src/case-activities';
import { createDataSource, CaseSubmissionEntity } from '../libs/persistence/src';
import { EVENT_TYPES, type RecordedEventType } from '../libs/domain/src/case/event-types';
import { type CaseEventInput } from '../workflows/case-events';
import { createUnit, ownerDataSource, uniqueId } from './support/stack';
import { testServers } from './support/test-env';

/** The recording activity under retries: idempotent by (case, sequence), no gaps, one transaction with the read model. */
describe('recordCaseEvent activity', () => {
  let owner: DataSource;
  let app: DataSource;
  let activities: ReturnType<CaseActivitiesService['activities']>;
  let unitCode: string;
  const activityEnv = new MockActivityEnvironment();

  beforeAll(async () => {
    owner = await ownerDataSource();
    app = await createDataSource({ url: testServers().appDatabaseUrl, poolSize: 4 }).initialize();
    activities = new CaseActivitiesService(app).activities();
    unitCode = await createUnit(owner);
  });

  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
  });

  async function newSubmission(): Promise<string> {
    const caseNumber = `${unitCode}-2026-${uniqueId(6)}`;
    await owner.manager.insert(CaseSubmissionEntity, {
      caseNumber,
      channel: 'letter',
      category: 'grievance',
      subject: '测试',
      content: '内容',
      petitionerName: '王五',
      unitCode,
      registeringUnitCode: unitCode,
      receivedAt: new Date(),
      submittedAt: new Date(),
    });
    return caseNumber;
  }

  function registeredEvent(caseNumber: string): CaseEventInput {
    const payload = {
      channel: 'letter',
      category: 'grievance',
      subject: '测试',
      matterUnitCode: unitCode,
      receivedAt: '2026-11-02T01:00:00.000Z',
      status: 'registered',
    };
    return {
      caseNumber,
      seq: 1,
      type: 'caseRegistered',
      actor: { id: 'u-1', role: 'clerk', unitCode },
      occurredAt: '2026-11-02T01:00:05.000Z',
      payload,
    };
  }

  const run = (event: CaseEventInput): Promise<{ seq: number; hash: string }> =>
    activityEnv.run(activities.recordCaseEvent, event);
  const countEvents = async (caseNumber: string) =>
    (await owner.query(`SELECT count(*)::int AS n FROM case_events WHERE case_number = $1`, [caseNumber]))[0]
      .n;

  it('run twice for the same case records one event and answers the same hash', async () => {
    const caseNumber = await newSubmission();
    const first = await run(registeredEvent(caseNumber));
    const second = await run(registeredEvent(caseNumber));
    expect(second).toEqual(first);
    expect(await countEvents(caseNumber)).toBe(1);
    const [row] = await owner.query(`SELECT event_count, last_event_hash FROM cases WHERE case_number = $1`, [
      caseNumber,
    ]);
    expect(row).toEqual({ event_count: 1, last_event_hash: first.hash });
  });

  it('two executions at the same moment still record one event', async () => {
    const caseNumber = await newSubmission();
    const results = await Promise.all([
      run(registeredEvent(caseNumber)),
      run(registeredEvent(caseNumber)),
      run(registeredEvent(caseNumber)),
    ]);
    expect(new Set(results.map((r) => r.hash)).size).toBe(1);
    expect(await countEvents(caseNumber)).toBe(1);
  });

  it('refuses a sequence whose predecessor is missing, and records nothing', async () => {
    const caseNumber = await newSubmission();
    await expect(
      run({ ...registeredEvent(caseNumber), seq: 2, type: EVENT_TYPES.instructionGiven, payload: {} }),
    ).rejects.toThrow(/#1 is not recorded/);
    expect(await countEvents(caseNumber)).toBe(0);
  });

  it('chains each event to the previous hash', async () => {
    const caseNumber = await newSubmission();
    const first = await run(registeredEvent(caseNumber));
    const second = await run({
      ...registeredEvent(caseNumber),
      seq: 2,
      type: EVENT_TYPES.instructionGiven,
      payload: { note: '补充材料' },
    });
    expect(second.hash).not.toEqual(first.hash);
    const [row] = await owner.query(`SELECT prev_hash FROM case_events WHERE case_number = $1 AND seq = 2`, [
      caseNumber,
    ]);
    expect(row.prev_hash).toBe(first.hash);
  });

  it('the application role cannot update or delete events', async () => {
    const caseNumber = await newSubmission();
    await run(registeredEvent(caseNumber));
    await expect(
      app.query(`UPDATE case_events SET type = 'X' WHERE case_number = $1`, [caseNumber]),
    ).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM case_events WHERE case_number = $1`, [caseNumber])).rejects.toThrow(
      /permission denied/,
    );
    // Even the schema owner is refused by the trigger.
    await expect(owner.query(`DELETE FROM case_events WHERE case_number = $1`, [caseNumber])).rejects.toThrow(
      /append-only/,
    );
    expect(await countEvents(caseNumber)).toBe(1);
  });
  it('measures on-time completion against the handling deadline in force when the period ran out (art. 34)', async () => {
    const caseNumber = await newSubmission();
    const view = (dueAt: string) => ({
      status: 'inHandling',
      holdingUnitCode: unitCode,
      responsibleUnitCode: unitCode,
      handlerUserId: null,
      packageLeaderUserId: null,
      sixDefines: null,
      clock: 'handling',
      dueAt,
      dueLastDay: dueAt.slice(0, 10),
      overdueLevel: 0,
      policyVersion: 'national-2022',
      accusedUnitCodes: [],
      accusedUserIds: [],
    });
    const later = (
      seq: number,
      type: RecordedEventType,
      occurredAt: string,
      dueAt: string,
    ): CaseEventInput => ({
      caseNumber,
      seq,
      type,
      actor: { id: 'u-1', role: 'handler', unitCode },
      occurredAt,
      payload: { status: 'inHandling' },
      view: view(dueAt),
    });
    const dueAt = async () =>
      (
        await owner.query(`SELECT handling_due_at FROM case_metric_facts WHERE case_number = $1`, [
          caseNumber,
        ])
      )[0].handling_due_at.toISOString();
    await run(registeredEvent(caseNumber));
    // Accepted: due 1 Jan. A pause while the period runs moves it to 3 Jan.
    await run(later(2, 'caseAccepted', '2026-11-03T01:00:00.000Z', '2026-12-31T16:00:00.000Z'));
    await run(later(3, 'clockResumed', '2026-11-10T01:00:00.000Z', '2027-01-02T16:00:00.000Z'));
    expect(await dueAt()).toBe('2027-01-02T16:00:00.000Z');
    // After 3 Jan ran out, nothing recorded later (a recomputation, a late extension) moves the figure's deadline.
    await run(later(4, 'deadlineRecomputed', '2027-01-05T01:00:00.000Z', '2027-02-01T16:00:00.000Z'));
    expect(await dueAt()).toBe('2027-01-02T16:00:00.000Z');
  });
});

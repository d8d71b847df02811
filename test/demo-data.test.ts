import { type Client } from '@temporalio/client';
import { type DataSource } from 'typeorm';
import { PersonalDataProtector } from '../libs/persistence/src';
import { seedDemoData } from '../scripts/demo-data';
import { DemoSessions } from '../scripts/demo-sessions';
import { getJson } from './support/http';
import { type RunningApi, startTestStack, type TestStack } from './support/stack';

/** `npm run demo`'s data: organisation rows, and cases driven through their real workflows. */
describe('demo data', () => {
  let stack: TestStack;
  let api: RunningApi;
  let owner: DataSource;
  let temporal: Client;

  beforeAll(async () => {
    stack = await startTestStack();
    ({ api, db: owner, temporal } = stack);
  });

  afterAll(() => stack?.close());

  it('builds the district, its people and twenty cases in every stage, and a second run adds nothing', async () => {
    const apiUrl = api.url.replace(/\/api$/, '');
    const protector = api.app.get(PersonalDataProtector);
    await seedDemoData({ owner, apiUrl, temporal, protector, cases: 20 });

    const [people] = await owner.query(
      `SELECT count(DISTINCT u.id)::int AS users, array_agg(DISTINCT r.role ORDER BY r.role) AS roles
       FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.id LIKE 'qx-%'`,
    );
    expect(people.roles).toEqual(['admin', 'clerk', 'handler', 'packageLeader', 'supervisor', 'unitLeader']);
    const statuses: { status: string; n: number }[] = await owner.query(
      `SELECT status, count(*)::int AS n FROM cases WHERE case_number LIKE 'QX-%' GROUP BY status ORDER BY status`,
    );
    expect(Object.fromEntries(statuses.map((row) => [row.status, row.n]))).toEqual({
      registered: 3,
      transferred: 1,
      accepted: 2,
      inHandling: 6,
      replied: 2,
      underReview: 1,
      reviewed: 1,
      concluded: 1,
      notAccepted: 2,
      withdrawn: 1,
    });

    const [{ n: eventsBefore }] = await owner.query(
      `SELECT count(*)::int AS n FROM case_events WHERE case_number LIKE 'QX-%'`,
    );
    await seedDemoData({ owner, apiUrl, temporal, protector, cases: 20 });
    const [{ n: casesAfter }] = await owner.query(
      `SELECT count(*)::int AS n FROM cases WHERE case_number LIKE 'QX-%'`,
    );
    const [{ n: eventsAfter }] = await owner.query(
      `SELECT count(*)::int AS n FROM case_events WHERE case_number LIKE 'QX-%'`,
    );
    expect(casesAfter).toBe(20);
    expect(eventsAfter).toBe(eventsBefore);

    const concluded = await owner.query(
      `SELECT case_number FROM cases WHERE status = 'concluded' AND case_number LIKE 'QX-%'`,
    );
    // A demo account logs in with the demo password and its TOTP secret, like any user.
    const supervisor = await new DemoSessions(apiUrl, owner.manager, protector).tokenFor('qx-supervisor-1');
    const report = await getJson(`${api.url}/cases/${concluded[0].case_number}/verification`, {
      authorization: `Bearer ${supervisor}`,
    });
    expect(report.body).toMatchObject({ verified: true, headSource: 'workflow' });
    expect(report.body.eventCount).toBeGreaterThanOrEqual(14);
  });
});

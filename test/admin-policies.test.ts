import { type Calendar } from '../libs/domain/src/clock/calendar';
import { DEFAULT_POLICY } from '../libs/domain/src/policy/default-policy';
import { OPEN_CASES_QUERY } from '../libs/temporal/src/case-fanout';
import { caseSnapshotQuery } from '../workflows/case-messages';
import { caseWorkflowId } from '../workflows/workflow-ids';
import { callApi } from './support/http';
import { type SignedIn, signIn } from './support/staff-sessions';
import { createUnit, startTestStack, type TestStack, uniqueId } from './support/stack';

/**
 * The administrators' policies and calendars: publishing makes a version the one new registrations in
 * the administrator's subtree start with; a calendar also reaches the subtree's open cases. Everything is
 * published for this file's own units, so other test files sharing the database keep the built-in ones.
 */
describe('admin policies and calendars', () => {
  let stack: TestStack;
  let top: string;
  let child: string;
  let elsewhere: string;
  let admin: SignedIn;
  let childAdmin: SignedIn;
  let clerk: SignedIn;
  let childClerk: SignedIn;
  let clerkElsewhere: SignedIn;

  beforeAll(async () => {
    stack = await startTestStack();
    top = await createUnit(stack.db, '策略测试区');
    child = `${top}-A`;
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES ($1, '策略测试镇', 'town', $2)`,
      [child, top],
    );
    elsewhere = await createUnit(stack.db, '另一区');
    admin = await signIn(stack, top, ['admin'], '区管理员');
    childAdmin = await signIn(stack, child, ['admin'], '镇管理员');
    clerk = await signIn(stack, top, ['clerk'], '登记员');
    childClerk = await signIn(stack, child, ['clerk'], '镇登记员');
    clerkElsewhere = await signIn(stack, elsewhere, ['clerk'], '别区登记员');
  });

  afterAll(async () => {
    await stack?.close();
  });

  function call(method: 'GET' | 'POST', path: string, token: string, body?: unknown) {
    return callApi(stack.api, method, path, body, token);
  }

  async function register(who: SignedIn): Promise<string> {
    const created = await call('POST', '/cases', who.token, {
      channel: 'visit',
      petitioner: { name: `张${uniqueId(4)}` },
      category: 'grievance',
      subject: `策略测试 ${uniqueId()}`,
      content: '某公司拖欠工资，请求协调解决。',
      unitCode: who.unitCode,
    });
    expect(created.status).toBe(201);
    return created.body.caseNumber;
  }

  function snapshotOf(caseNumber: string) {
    return stack.temporal.workflow.getHandle(caseWorkflowId(caseNumber)).query(caseSnapshotQuery);
  }

  async function stored(table: 'policies' | 'calendars', version: string): Promise<number> {
    const [row] = await stack.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE version = $1`, [
      version,
    ]);
    return row.n;
  }

  async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await probe();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  describe('policies', () => {
    const version = `policy-${uniqueId()}`;
    const policy = {
      ...DEFAULT_POLICY,
      version,
      jurisdiction: '测试区',
      basedOn: DEFAULT_POLICY.version,
      clocks: { ...DEFAULT_POLICY.clocks, handling: { days: 45, mode: 'calendar', warnBefore: ['P3D'] } },
    };

    it('lists the built-in national-2022 as in force before anything is published', async () => {
      // The demo stores the built-in for its cases; it stays the one built-in row, not a publication.
      await stack.db.query(
        `INSERT INTO policies (version, document, created_by) VALUES ($1, $2, 'demo') ON CONFLICT DO NOTHING`,
        [DEFAULT_POLICY.version, DEFAULT_POLICY],
      );
      const listed = await call('GET', '/admin/policies', admin.token);
      expect(listed.status).toBe(200);
      expect(listed.body.unitCode).toBe(top);
      expect(listed.body.inForce).toEqual({
        version: 'national-2022',
        builtIn: true,
        unitCode: null,
        since: null,
      });
      const named = listed.body.versions.filter(
        (row: { version: string }) => row.version === 'national-2022',
      );
      expect(named).toHaveLength(1);
      const builtIn = listed.body.versions.find((row: { builtIn: boolean }) => row.builtIn);
      expect(builtIn).toMatchObject({ version: 'national-2022', inForce: true, createdAt: null });
      expect(builtIn.document.clocks.handling.days).toBe(60);
    });

    it('refuses an invalid policy with the field at fault and stores nothing', async () => {
      const tooLong = {
        ...policy,
        clocks: { ...policy.clocks, handling: { days: 90, mode: 'calendar', warnBefore: [] } },
      };
      const refused = await call('POST', '/admin/policies', admin.token, { policy: tooLong });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('INVALID_POLICY');
      expect(refused.body.fields.map((field: { field: string }) => field.field)).toEqual([
        'policy.clocks.handling.days',
      ]);
      const { version: _omitted, ...withoutVersion } = policy;
      const noVersion = await call('POST', '/admin/policies', admin.token, { policy: withoutVersion });
      expect(noVersion.status).toBe(422);
      expect(noVersion.body.fields).toEqual([
        expect.objectContaining({ field: 'policy.version', code: 'INVALID_POLICY' }),
      ]);
      const builtIn = await call('POST', '/admin/policies', admin.token, { policy: DEFAULT_POLICY });
      expect(builtIn.status).toBe(422);
      expect(builtIn.body.code).toBe('BUILT_IN_VERSION');
      expect(await stored('policies', version)).toBe(0);
    });

    it('refuses staff without the admin role', async () => {
      const refused = await call('POST', '/admin/policies', clerk.token, { policy });
      expect(refused.status).toBe(403);
      expect((await call('GET', '/admin/policies', clerk.token)).status).toBe(403);
      const aboveTheirUnit = await call('POST', '/admin/policies', childAdmin.token, {
        policy,
        unitCode: top,
      });
      expect(aboveTheirUnit.status).toBe(403);
      expect(aboveTheirUnit.body.code).toBe('UNIT_OUT_OF_SCOPE');
      expect(await stored('policies', version)).toBe(0);
    });

    it('publishes a policy: new registrations in the subtree start under it, open cases and other units keep theirs', async () => {
      const before = await register(clerk);
      const published = await call('POST', '/admin/policies', admin.token, { policy });
      expect(published.status).toBe(201);
      expect(published.body).toEqual({
        version,
        firstPublication: true,
        inForceFor: top,
        openCasesKeepTheirs: true,
      });
      const [audit] = await stack.db.query(
        `SELECT actor_id, action, unit_code, details FROM admin_audit WHERE target = $1`,
        [version],
      );
      expect(audit).toEqual({
        actor_id: admin.userId,
        action: 'policy.publish',
        unit_code: top,
        details: { version, firstPublication: true, inForceFor: top },
      });

      const [atTop, inChild, other] = await Promise.all([
        register(clerk),
        register(childClerk),
        register(clerkElsewhere),
      ]);
      expect((await snapshotOf(atTop)).policyVersion).toBe(version);
      expect((await snapshotOf(inChild)).policyVersion).toBe(version);
      expect((await snapshotOf(other)).policyVersion).toBe('national-2022');
      expect((await snapshotOf(before)).policyVersion).toBe('national-2022');
      const rows = await stack.db.query(
        `SELECT case_number, policy_version FROM cases WHERE case_number = ANY($1) ORDER BY case_number`,
        [[before, atTop]],
      );
      expect(
        Object.fromEntries(
          rows.map((row: { case_number: string; policy_version: string }) => [
            row.case_number,
            row.policy_version,
          ]),
        ),
      ).toEqual({
        [before]: 'national-2022',
        [atTop]: version,
      });

      const listed = await call('GET', '/admin/policies', admin.token);
      expect(listed.body.inForce).toMatchObject({ version, builtIn: false, unitCode: top });
      const row = listed.body.versions.find((entry: { version: string }) => entry.version === version);
      expect(row).toMatchObject({
        jurisdiction: '测试区',
        basedOn: 'national-2022',
        inForce: true,
        createdBy: admin.userId,
        createdByName: '区管理员',
      });
      expect(row.document.clocks.handling.days).toBe(45);
      const fromBelow = await call('GET', '/admin/policies', childAdmin.token);
      expect(fromBelow.body.inForce).toMatchObject({ version, builtIn: false, unitCode: top });
    });

    it('refuses the same version with other content (409) and keeps the stored one', async () => {
      const changed = { ...policy, maxCollectiveRepresentatives: 3 };
      const refused = await call('POST', '/admin/policies', admin.token, { policy: changed });
      expect(refused.status).toBe(409);
      expect(refused.body.fields[0].field).toBe('policy.version');
      const [row] = await stack.db.query(`SELECT document FROM policies WHERE version = $1`, [version]);
      expect(row.document.maxCollectiveRepresentatives).toBe(5);
    });
  });

  describe('calendars', () => {
    const version = `cal-${uniqueId()}`;

    it('refuses an invalid calendar with the fields at fault and stores nothing', async () => {
      const refused = await call('POST', '/admin/calendars', admin.token, {
        calendar: {
          timeZone: 'Asia/Shanghai',
          weeklyRestDays: ['SAT', 'SUN'],
          holidays: ['2027-02-30'],
          makeupWorkdays: [],
        },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('INVALID_CALENDAR');
      expect(refused.body.fields.map((field: { field: string }) => field.field)).toEqual([
        'calendar.holidays[0]',
      ]);
      const noVersion = await call('POST', '/admin/calendars', admin.token, {
        calendar: {
          timeZone: 'Asia/Shanghai',
          weeklyRestDays: ['SAT', 'SUN'],
          holidays: [],
          makeupWorkdays: [],
        },
      });
      expect(noVersion.status).toBe(422);
      expect(noVersion.body.fields.map((field: { field: string }) => field.field)).toEqual([
        'calendar.version',
      ]);
      expect((await call('POST', '/admin/calendars', clerk.token, { calendar: {} })).status).toBe(403);
    });

    it('imports a calendar: stored, audited, sent to the subtree’s open cases only, and used by new registrations', async () => {
      const open = await register(clerk);
      const other = await register(clerkElsewhere);
      const [{ day }] = await stack.db.query(
        `SELECT to_char(due_last_day, 'YYYY-MM-DD') AS day FROM cases WHERE case_number = $1`,
        [open],
      );
      // The day the open case's clock ends becomes a holiday: its deadline moves to the next working day.
      const calendar: Calendar = {
        version,
        timeZone: 'Asia/Shanghai',
        weeklyRestDays: ['SAT', 'SUN'],
        holidays: [day],
        makeupWorkdays: [],
      };
      // Every open case of the subtree (those registered above too) is signalled, once visible.
      const [{ n: openInSubtree }] = await stack.db.query(
        `SELECT count(*)::int AS n FROM cases WHERE COALESCE(responsible_unit_code, holding_unit_code) = ANY($1)`,
        [[top, child]],
      );
      await eventually(
        async () =>
          (
            await stack.temporal.workflow.count(
              `${OPEN_CASES_QUERY} AND ResponsibleUnit IN ("${top}", "${child}")`,
            )
          ).count,
        (count) => count === openInSubtree,
        'the open cases in visibility',
      );

      const published = await call('POST', '/admin/calendars', admin.token, { calendar });
      expect(published.status).toBe(201);
      expect(published.body).toMatchObject({ version, firstPublication: true, inForceFor: top, failed: 0 });
      expect(published.body.signalled).toBe(openInSubtree);
      expect(await stored('calendars', version)).toBe(1);
      const [audit] = await stack.db.query(
        `SELECT action, unit_code, details FROM admin_audit WHERE target = $1`,
        [version],
      );
      expect(audit).toEqual({
        action: 'calendar.publish',
        unit_code: top,
        details: { version, firstPublication: true, inForceFor: top, years: [Number(day.slice(0, 4))] },
      });

      const timeline = await eventually(
        async () =>
          (await call('GET', `/cases/${open}/timeline`, clerk.token)).body as {
            type: string;
            details: Record<string, unknown>;
          }[],
        (entries) => entries.some((entry) => entry.type === 'deadlineRecomputed'),
        'the open case’s recomputed deadline',
      );
      const recomputed = timeline.find((entry) => entry.type === 'deadlineRecomputed')!;
      expect(recomputed.details).toMatchObject({ cause: 'calendarUpdated', calendarVersion: version });
      expect(recomputed.details.lastDay).not.toBe(day);
      expect((await snapshotOf(open)).calendarVersion).toBe(version);
      expect((await snapshotOf(other)).calendarVersion).not.toBe(version);

      const registeredAfter = await register(clerk);
      const snapshot = await snapshotOf(registeredAfter);
      expect(snapshot.calendarVersion).toBe(version);
      expect(snapshot.clock?.deadline.lastDay).toBe(recomputed.details.lastDay);

      const listed = await call('GET', '/admin/calendars', admin.token);
      expect(listed.status).toBe(200);
      expect(listed.body.inForce).toMatchObject({ version, unitCode: top });
      expect(listed.body.versions.find((row: { version: string }) => row.version === version)).toMatchObject({
        years: [Number(day.slice(0, 4))],
        holidays: 1,
        inForce: true,
        createdBy: admin.userId,
      });
    });
  });
});

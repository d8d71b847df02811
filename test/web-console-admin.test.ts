import { DEFAULT_POLICY } from '../libs/domain/src/policy/default-policy';
import { OPEN_CASES_QUERY } from '../libs/temporal/src/case-fanout';
import { caseSnapshotQuery } from '../workflows/case-messages';
import { caseWorkflowId } from '../workflows/workflow-ids';
import { type ConsoleBrowser, consoleOrigin, launchConsoleBrowser } from './support/browser';
import { callApi } from './support/http';
import { type SignedIn, signIn } from './support/staff-sessions';
import { createUnit, startTestStack, type TestStack, uniqueId } from './support/stack';

/**
 * The administrator's policies, calendars and notice templates screens in the built console: import a
 * holiday table (preview, publish, sent to the unit's open case), publish a policy from the JSON editor
 * (field errors under it), and see a template's field errors. All for this file's own unit.
 */
describe('web console: administration of policies, calendars and notice templates', () => {
  let stack: TestStack;
  let browser: ConsoleBrowser;
  let origin: string;
  let unitCode: string;
  let admin: SignedIn;
  let clerk: SignedIn;

  beforeAll(async () => {
    stack = await startTestStack();
    origin = consoleOrigin(stack.api.url);
    unitCode = await createUnit(stack.db, '控制台管理测试区');
    admin = await signIn(stack, unitCode, ['admin'], '控制台管理员');
    clerk = await signIn(stack, unitCode, ['clerk'], '控制台登记员');
    browser = await launchConsoleBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function register(): Promise<string> {
    const created = await callApi(
      stack.api,
      'POST',
      '/cases',
      {
        channel: 'visit',
        petitioner: { name: '赵六' },
        category: 'grievance',
        subject: `控制台管理 ${uniqueId()}`,
        content: '请求协调解决。',
        unitCode,
      },
      clerk.token,
    );
    expect(created.status).toBe(201);
    return created.body.caseNumber;
  }

  it('imports next year’s holiday table: preview, field errors, publish, sent to the open case', async () => {
    await register();
    const query = `${OPEN_CASES_QUERY} AND ResponsibleUnit = "${unitCode}"`;
    for (let tries = 0; (await stack.temporal.workflow.count(query)).count < 1; tries++) {
      if (tries > 100) throw new Error('the open case never became visible');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const { page, context } = await browser.newPage(admin.token);
    try {
      await page.goto(`${origin}/admin/calendars`);
      await page.getByTestId('calendar-in-force').getByText('本单位尚无已发布日历').waitFor();
      const editor = page.getByLabel('日历 JSON（含版本号）');
      const calendar = {
        version: `cn-2027-${uniqueId(6)}`,
        timeZone: 'Asia/Shanghai',
        weeklyRestDays: ['SAT', 'SUN'],
        holidays: ['2027-01-01', '2027-02-30'],
        makeupWorkdays: ['2027-02-20'],
      };
      await editor.fill(JSON.stringify(calendar, null, 2));
      await page.getByTestId('calendar-editor-problems').getByText('calendar.holidays[1]').waitFor();
      expect(await page.getByRole('button', { name: '发布' }).isDisabled()).toBe(true);

      await editor.fill(
        JSON.stringify({ ...calendar, holidays: ['2027-01-01', '2027-02-06', '2027-02-07'] }, null, 2),
      );
      const preview = page.getByTestId('calendar-preview');
      await preview.getByText('2027-02-07').waitFor();
      await preview.getByText('2027-02-20').waitFor();
      await page.getByRole('button', { name: '发布' }).click();
      const published = page.getByTestId('calendar-published');
      await published.waitFor();
      expect(await published.textContent()).toContain('已发送给 1 件在办案件');
      await page.getByTestId('calendar-versions').getByText(calendar.version).waitFor();
      await page.getByTestId('calendar-in-force').getByText(calendar.version).waitFor();
      await browser.screenshot(page, 'admin-calendars');
    } finally {
      await context.close();
    }
  });

  it('publishes a policy from the JSON editor; new registrations start under it', async () => {
    const version = `policy-console-${uniqueId(6)}`;
    const { page, context } = await browser.newPage(admin.token);
    try {
      await page.goto(`${origin}/admin/policies`);
      await page.getByTestId('policy-in-force').getByText('national-2022').waitFor();
      const detail = page.getByTestId('policy-detail');
      await detail.getByText('handling').waitFor();
      await detail.getByRole('button', { name: '以此版本为基础编辑' }).click();
      // The copy has no version yet: the API names the field.
      await page.getByRole('button', { name: '发布' }).click();
      await page.getByTestId('policy-editor-problems').getByText('policy.version').waitFor();

      const policy = {
        ...DEFAULT_POLICY,
        version,
        jurisdiction: '控制台管理测试区',
        basedOn: DEFAULT_POLICY.version,
        clocks: { ...DEFAULT_POLICY.clocks, handling: { days: 40, mode: 'calendar', warnBefore: ['P3D'] } },
      };
      await page.getByLabel('策略 JSON').fill(JSON.stringify(policy, null, 2));
      await page.getByRole('button', { name: '发布' }).click();
      const published = page.getByTestId('policy-published');
      await published.waitFor();
      expect(await published.textContent()).toContain('在办案件保持原策略');
      await page.getByTestId('policy-in-force').getByText(version).waitFor();
      const row = page.getByTestId('policy-versions').locator('tr', { hasText: version });
      await row.getByText('现行').waitFor();
      await detail.getByText('40', { exact: true }).waitFor();
      await browser.screenshot(page, 'admin-policies');
    } finally {
      await context.close();
    }
    const caseNumber = await register();
    const snapshot = await stack.temporal.workflow
      .getHandle(caseWorkflowId(caseNumber))
      .query(caseSnapshotQuery);
    expect(snapshot.policyVersion).toBe(version);
  });

  it('shows a notice template’s problems at the template field', async () => {
    const { page, context } = await browser.newPage(admin.token);
    try {
      await page.goto(`${origin}/admin/notice-templates`);
      const kinds = page.getByTestId('notice-kinds');
      await kinds.getByRole('menuitem').nth(6).waitFor();
      expect(await kinds.getByRole('menuitem').count()).toBe(7);
      await kinds.getByText('transfer').click();
      const template = page.getByLabel('模板正文（首行为标题）');
      await page.getByText('转送告知书 · 第').waitFor();
      await template.fill('转送告知书\n{{noSuchField}}');
      await page.getByRole('button', { name: '保存' }).click();
      await page.locator('.ant-form-item-has-error').filter({ has: template }).waitFor();
      expect(await page.getByTestId('template-saved').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

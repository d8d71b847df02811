import * as fs from 'node:fs';
import { type Page } from 'playwright-core';
import { totpCode } from '../apps/api/src/auth/totp';
import { hashPassword } from '../libs/persistence/src/auth';
import { type ConsoleBrowser, consoleOrigin, launchConsoleBrowser } from './support/browser';
import { createUnit, startTestStack, type TestStack, uniqueId } from './support/stack';
import { postJson } from './support/http';
import { bearer, signIn, TEST_PASSWORD } from './support/staff-sessions';

/**
 * The web console end to end: Debian's headless Chromium (scripts/chromium.ts) drives the built
 * console (dist/web) that the real API serves, with the real worker, PostgreSQL and Temporal behind it.
 * Each main screen is captured; `npm run screenshots` saves them under docs/screenshots for docs/console.md.
 */
const NEW_PASSWORD = 'Console-Passw0rd-2026!';

describe('web console in a real browser', () => {
  let stack: TestStack;
  let browser: ConsoleBrowser;
  let origin: string;
  let unitCode: string;
  let caseNumber: string;

  beforeAll(async () => {
    stack = await startTestStack();
    origin = consoleOrigin(stack.api.url);
    unitCode = await createUnit(stack.db, '控制台测试单位');
    browser = await launchConsoleBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const newPage = (token?: string) => browser.newPage(token);
  const screenshot = (page: Page, name: string) => browser.screenshot(page, name);

  /** A clerk account as an administrator leaves it: a one-time password, no second factor yet. */
  async function newClerkAccount(): Promise<string> {
    const userId = `u-${uniqueId()}`;
    const username = `clerk.${uniqueId().toLowerCase()}`;
    await stack.db.query(`INSERT INTO users (id, username, name, unit_code) VALUES ($1, $2, '王登记', $3)`, [
      userId,
      username,
      unitCode,
    ]);
    await stack.db.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'clerk')`, [userId]);
    await stack.db.query(
      `INSERT INTO credentials (user_id, password_hash, must_change_password) VALUES ($1, $2, true)`,
      [userId, await hashPassword(TEST_PASSWORD)],
    );
    return username;
  }

  it('is served by the API on its own origin, leaving /api to the API', async () => {
    const page = await fetch(`${origin}/cases/ANY-2026-000001`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const asset = await fetch(`${origin}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
    const api = await fetch(`${origin}/api/no-such-endpoint`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('a clerk logs in for the first time, registers a case and assigns it down', async () => {
    const username = await newClerkAccount();
    const childUnit = `${unitCode}-01`;
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES ($1, '下级街道', 'town', $2)`,
      [childUnit, unitCode],
    );
    const { context, page } = await newPage();
    // The whole journey runs under the API's Content-Security-Policy: anything it blocks is a failure.
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    try {
      // The policy is in force: in a page of its own, an inline script is refused.
      const probe = await context.newPage();
      await probe.goto(`${origin}/`);
      const inline = await probe.evaluate(
        `(() => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.head.append(s); return window.inlineRan ? 'ran' : 'refused'; })()`,
      );
      expect(inline).toBe('refused');
      await probe.close();

      await page.goto(`${origin}/`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
      await screenshot(page, 'login');
      await page.getByRole('button', { name: '登录' }).click();

      // Forced password change, then TOTP enrolment with the QR code.
      await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: '设置新密码' }).click();
      await page.getByTestId('enrol-qr').locator('svg').waitFor();
      const secret = (await page.locator('code').first().textContent())!.trim();
      expect(secret).toMatch(/^[A-Z2-7]+=*$/);
      await screenshot(page, 'login-enrol');
      await page.locator('.ant-otp input').first().click();
      await page.keyboard.type(totpCode(secret, Date.now()));
      await page.getByRole('button', { name: '验证' }).click();

      // The work queue, then the intake form.
      await page.getByText('案件队列（按紧急程度排序）').waitFor();
      await page.getByRole('menuitem', { name: '来信来访登记' }).click();
      await page.getByLabel('标题').fill('拖欠工资三个月');
      await page.getByLabel('信访内容').fill('某公司拖欠工资三个月，多次讨要未果。');
      await page.getByLabel('信访人姓名').fill('张三');
      await page.getByLabel('联系电话').fill('12345');
      await page.locator('form#intake button[type="submit"]:not(.ant-btn-loading)').click();

      // The API's field error shows at the field.
      const phoneError = page
        .locator('.ant-form-item-has-error')
        .filter({ has: page.getByLabel('联系电话') });
      await phoneError.waitFor();
      await screenshot(page, 'intake-field-error');
      await page.getByLabel('联系电话').fill('13912345678');
      await page.locator('form#intake button[type="submit"]:not(.ant-btn-loading)').click();

      // The case workspace shows the new case, its running clock and its timeline.
      await page.getByTestId('case-number').waitFor();
      caseNumber = (await page.getByTestId('case-number').textContent())!;
      expect(caseNumber).toMatch(new RegExp(`^${unitCode}-\\d{4}-\\d{6}$`));
      expect(await page.getByTestId('case-status').textContent()).toBe('登记');
      await page.getByTestId('timeline').getByText('#1').waitFor();
      await page.getByTestId('chain-mark').filter({ hasText: '链校验通过' }).waitFor();
      await page.getByTestId('clock').waitFor();
      expect(await page.getByTestId('clock').getAttribute('data-urgency')).toBe('running');

      // Assigned down to a unit below, found in the unit tree by its code.
      await page.getByTestId('case-actions').getByText('交办', { exact: true }).click(); // opens its form
      const assign = page.locator('form#action-assignDown');
      await assign.getByLabel('接收单位').fill(childUnit);
      await page.locator('.ant-select-tree').getByText(`下级街道 (${childUnit})`).last().click();
      await assign.getByLabel('理由').fill('属地管理，交由下级办理');
      await assign.getByLabel('反馈期限').fill('2099-12-31');
      await assign.getByLabel('反馈期限').press('Enter');
      await assign.locator('button[type="submit"]').click();
      await page.getByTestId('case-status').filter({ hasText: '交办' }).waitFor();
      await page.getByTestId('timeline').getByText('#2').waitFor();
      // The assignment issued its written notice to the petitioner, listed with the case.
      await page.getByTestId('case-notices').getByText('告知书').first().waitFor();
      await screenshot(page, 'case-workspace');

      await page.getByRole('menuitem', { name: '案件队列' }).click();
      await page.getByTestId('case-queue').getByText(caseNumber).waitFor();
      await screenshot(page, 'work-queue');
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a leader's inbox shows a new escalation without reloading, and it can be acknowledged", async () => {
    // A unit of its own, so the overdue case below stays out of the supervisor's figures.
    const leaderUnit = await createUnit(stack.db, '升级测试单位');
    const leader = await signIn(stack, leaderUnit, ['unitLeader'], '李负责');
    const { context, page } = await newPage(leader.token);
    try {
      await page.goto(`${origin}/inbox`);
      await page.getByTestId('stream-state').filter({ hasText: '实时' }).waitFor();
      await page.getByText('没有提醒').waitFor();

      // A petition received by letter 40 days ago and entered only now: its triage clock has already run
      // out, so the case's own workflow escalates it up the ladder — the unit leader among the recipients.
      const clerk = await signIn(stack, leaderUnit, ['clerk'], '赵登记');
      const overdue = await postJson(
        `${stack.api.url}/cases`,
        {
          channel: 'letter',
          petitioner: { name: '钱十' },
          category: 'grievance',
          subject: '道路积水',
          content: '路口长期积水，影响出行。',
          unitCode: leaderUnit,
          receivedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
          receivedAtReason: '来信积压，补录 / a backlog of letters entered late',
        },
        bearer(clerk),
      );
      expect(overdue.status).toBe(201);
      const row = page.getByTestId('inbox-items').locator('tr', { hasText: overdue.body.caseNumber }).first();
      await row.waitFor({ timeout: 60_000 });
      expect(await row.textContent()).toContain('超期升级');
      await screenshot(page, 'leader-inbox');

      // The case's ladder may still be delivering higher levels: those arrive on top, so the acknowledged
      // item is looked for among all of the case's rows rather than as the first.
      await row.getByRole('button', { name: '确认', exact: true }).first().click();
      await page
        .getByTestId('inbox-items')
        .locator('tr', { hasText: overdue.body.caseNumber })
        .getByText('已确认')
        .first()
        .waitFor();
    } finally {
      await context.close();
    }
  });

  it("a supervisor's dashboard opens the cases behind a figure and a case's whole timeline", async () => {
    const supervisor = await signIn(stack, unitCode, ['supervisor'], '赵督查');
    const { context, page } = await newPage(supervisor.token);
    try {
      await page.goto(`${origin}/dashboard`);
      await page.getByTestId('figures').waitFor();
      await page.locator('canvas').first().waitFor();
      await screenshot(page, 'supervisor-dashboard');
      await page
        .getByTestId('figures')
        .getByText(/分母 [1-9]/)
        .first()
        .click();
      await page.getByText(caseNumber).click();

      // The case's timeline with every step, its chain mark, and its CSV export.
      await page.getByTestId('timeline').getByText('#2').waitFor();
      expect(await page.getByTestId('timeline').textContent()).toMatch(/#1 登记.*#2 交办/s);
      await page.getByTestId('chain-mark').filter({ hasText: '链校验通过' }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '导出 CSV' }).click(),
      ]);
      const csv = fs.readFileSync((await download.path())!, 'utf8');
      // The event column names the assignment in Chinese, once (its status column may say 交办 again).
      expect(csv.split('\n').filter((line) => /^\d+,[^,]+,交办,/.test(line))).toHaveLength(1);

      // English on request.
      await page.getByText('English', { exact: true }).click();
      await page.getByRole('menuitem', { name: 'Supervision' }).waitFor();
      await page.getByTestId('chain-mark').filter({ hasText: 'Chain verified' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('an administrator adds a unit and a user, and sees the one-time password once', async () => {
    const admin = await signIn(stack, unitCode, ['admin'], '周管理');
    const { context, page } = await newPage(admin.token);
    try {
      const newUnit = `${unitCode}-02`;
      await page.goto(`${origin}/admin/units`);
      await page.getByTestId('unit-tree').getByText(`(${unitCode})`).waitFor();
      const unitForm = page.locator('form#newUnit');
      await unitForm.getByLabel('上级单位').click();
      await page.locator('.ant-select-tree').getByText(`(${unitCode})`).last().click();
      await unitForm.getByLabel('单位编码').fill(newUnit);
      await unitForm.getByLabel('单位名称').fill('新建社区');
      await unitForm.getByLabel('层级').click();
      await page.getByTitle('村社区').click();
      await unitForm.getByRole('button', { name: '创建' }).click();
      await page.getByTestId('unit-tree').getByText(`新建社区 (${newUnit})`).waitFor();
      await screenshot(page, 'admin-units');

      await page.getByRole('menuitem', { name: '用户与角色' }).click();
      const userForm = page.locator('form#newUser');
      await userForm.getByLabel('登录名').fill(`new.${uniqueId().toLowerCase()}`);
      await userForm.getByLabel('姓名').fill('孙承办');
      await userForm.getByLabel('所在单位').click();
      await page.locator('.ant-select-tree').getByText(`(${newUnit})`).last().click();
      await userForm.getByLabel('角色').click();
      await page.getByTitle('承办人').click();
      await page.keyboard.press('Escape');
      await userForm.getByRole('button', { name: '创建' }).click();
      const oneTimePassword = await page.getByTestId('one-time-password').textContent();
      expect(oneTimePassword?.length).toBeGreaterThanOrEqual(12);
      await screenshot(page, 'admin-users');
    } finally {
      await context.close();
    }
  });
});

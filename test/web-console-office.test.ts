import * as http from 'node:http';
import { type Page } from 'playwright-core';
import { newTotpSecret, totpCode } from '../apps/api/src/auth/totp';
import { hashPassword } from '../libs/persistence/src/auth';
import { PersonalDataProtector } from '../libs/persistence/src/personal-data';
import {
  type ConsoleBrowser,
  consoleOrigin,
  launchConsoleBrowser,
  chooseOption,
  pickStaff,
} from './support/browser';
import { CaseJourney, createJourneyOrg, type JourneyOrg, shanghaiDay } from './support/case-journey';
import { getJson } from './support/http';
import { ensurePdftotext, pdfText, withoutSpace } from './support/pdf-text';
import { createUnit, startTestStack, type TestStack, uniqueId } from './support/stack';
import { bearer, signIn, type SignedIn, TEST_PASSWORD } from './support/staff-sessions';

/**
 * The console for an office day (issue 13, points 5–7) in the real stack: staff and evidence pickers,
 * the print layout and sheets, notices with their 文号 and file name, the administrator's first run,
 * signing out and in on one tab, and the compressed assets that keep the login page small.
 */
describe('web console: pickers, printing, first run', () => {
  let stack: TestStack;
  let browser: ConsoleBrowser;
  let origin: string;
  let org: JourneyOrg;
  let journey: CaseJourney;
  let secondHandler: SignedIn;

  beforeAll(async () => {
    stack = await startTestStack();
    origin = consoleOrigin(stack.api.url);
    org = await createJourneyOrg(stack);
    secondHandler = await signIn(stack, org.town, ['handler'], '镇承办人乙');
    browser = await launchConsoleBrowser();
    ensurePdftotext();
    journey = await CaseJourney.register(stack, org);
    await journey.act(org.clerkD, 'accept');
    await journey.defineSix();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const timelineOf = async (caseNumber: string) =>
    (await getJson(`${stack.api.url}/cases/${caseNumber}/timeline`, bearer(org.clerkD))).body as {
      type: string;
      details: Record<string, any>;
    }[];

  it('picks a handler by name (not by user ID) when the six defines are changed', async () => {
    const { context, page } = await browser.newPage(org.leaderD.token);
    try {
      await page.goto(`${origin}/cases/${journey.caseNumber}`);
      await page.getByTestId('case-actions').getByText('调整六定', { exact: true }).click();
      const form = page.locator('form#action-reassign');
      await form.locator('#action-reassign_reason').fill('原责任人另有任务，改由乙承办');
      await form.locator('#action-reassign_handlerUserId').fill('承办人乙');
      // The picker reads name · unit · role, never the user ID.
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
      await option.filter({ hasText: `镇承办人乙 · ${org.townName} · 承办人` }).waitFor();
      expect(await option.textContent()).not.toContain(secondHandler.userId);
      await screenshot(page, 'staff-picker');
      await option.click();
      await form.locator('button[type="submit"]').click();
      await page.getByTestId('six-defines').getByText('镇承办人乙').waitFor();
    } finally {
      await context.close();
    }
    const reassigned = (await timelineOf(journey.caseNumber)).find((e) => e.type === 'sixDefinesReassigned');
    expect(reassigned?.details.defines.handler).toEqual(
      expect.objectContaining({ userId: secondHandler.userId, name: '镇承办人乙' }),
    );
  });

  it("lists the case's attachments in the evidence picker and shows the chosen one as a link", async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('走访记录：已核实积水点三处。\n')]), '走访记录.txt');
    const uploaded = await fetch(`${stack.api.url}/cases/${journey.caseNumber}/attachments`, {
      method: 'POST',
      headers: bearer(secondHandler),
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const attachment = (await uploaded.json()) as { ref: string };

    const { context, page } = await browser.newPage(secondHandler.token);
    try {
      await page.goto(`${origin}/cases/${journey.caseNumber}`);
      await page.getByTestId('duty-investigate').getByRole('button', { name: '记录进展' }).click();
      const duty = page.locator('form#action-recordDuty');
      await pickStaff(page, duty.locator('#action-recordDuty_performedByUserIds'), '镇承办人乙');
      await duty.locator('#action-recordDuty_summary').fill('走访三处积水点');
      await chooseOption(page, duty.locator('#action-recordDuty_evidenceRefs'), '走访记录.txt');
      await duty.locator('#action-recordDuty_performedOn').fill(shanghaiDay());
      await duty.locator('#action-recordDuty_performedOn').press('Enter');
      await duty.locator('#action-recordDuty_performedOn').press('Escape');
      await duty.locator('button[type="submit"]').click();
      const links = page.getByTestId('duty-investigate').getByTestId('evidence-links');
      await links.getByRole('button', { name: '走访记录.txt' }).waitFor();
      expect(await links.textContent()).not.toContain('attachment:');
      const download = page.waitForEvent('download');
      await links.getByRole('button', { name: '走访记录.txt' }).click();
      expect((await download).suggestedFilename()).toBe('走访记录.txt');
    } finally {
      await context.close();
    }
    const recorded = (await timelineOf(journey.caseNumber)).filter((e) => e.type === 'dutyRecorded');
    expect(recorded.at(-1)?.details.evidenceRefs).toEqual([attachment.ref]);
  });

  it('prints the workspace without the menu, and the office sheets as clean A4 pages with the case number', async () => {
    await journey.act(org.leaderD, 'instruct', { text: '请镇里一周内疏通并回访。' });
    const { context, page } = await browser.newPage(org.clerkD.token);
    try {
      await page.goto(`${origin}/cases/${journey.caseNumber}`);
      await page.getByTestId('timeline').waitFor();
      await page.getByTestId('case-notices').getByText('受理告知书').waitFor();
      await page.emulateMedia({ media: 'print' });
      const workspace = withoutSpace(pdfText(await page.pdf({ format: 'A4' })));
      expect(workspace).toContain(journey.caseNumber);
      expect(workspace).toContain('小区排水不畅');
      for (const menu of ['案件队列', '提醒与升级', '退出登录', '信访案件工作台'])
        expect(workspace).not.toContain(menu);
      await page.emulateMedia({ media: 'screen' });

      const sheets: [string, string, string[]][] = [
        ['registration', '来信来访登记表', ['钱七', org.districtName, '区登记员']],
        ['assignment', '信访事项交办单', ['镇承办人乙', '区包案领导', '现场核查并协调疏通', org.townName]],
        ['instruction', '领导批示单', ['请镇里一周内疏通并回访。', '区负责人']],
        ['timeline', '案件办理过程记录', ['区登记员', '区负责人', '受理', '走访记录.txt', '来信']],
      ];
      for (const [sheet, title, expected] of sheets) {
        await page.goto(`${origin}/cases/${journey.caseNumber}/print/${sheet}`);
        const printed = page.getByTestId('print-sheet');
        await printed.locator('.sheet-table').first().waitFor();
        expect(await printed.locator('h1').textContent()).toBe(title);
        const text = (await printed.textContent())!;
        expect(text).toContain(journey.caseNumber);
        for (const part of expected)
          expect({ sheet, has: text.includes(part) }).toEqual({ sheet, has: true });
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/); // office-local times, never ISO/UTC
        if (sheet === 'registration') await screenshot(page, 'print-registration');
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        const pdfFlat = withoutSpace(pdfText(pdf));
        expect(pdfFlat).toContain(journey.caseNumber);
        expect(pdfFlat).not.toContain('返回案件');
        if (sheet !== 'timeline') expect((pdfText(pdf).match(/\f/g) ?? []).length).toBeLessThanOrEqual(1);
        await page.emulateMedia({ media: 'screen' });
      }
    } finally {
      await context.close();
    }
  });

  it('downloads a notice as <case number>-<title>.pdf and shows its 文号', async () => {
    const { context, page } = await browser.newPage(org.clerkD.token);
    try {
      await page.goto(`${origin}/cases/${journey.caseNumber}`);
      const notices = page.getByTestId('case-notices');
      const number = notices.getByTestId('notice-number').first();
      await number.waitFor();
      const year = shanghaiDay().slice(0, 4);
      expect((await number.textContent())!.trim()).toMatch(
        new RegExp(`^${org.districtName}信告〔${year}〕\\d+号$`),
      );
      const download = page.waitForEvent('download');
      await notices.getByRole('button', { name: '下载 PDF' }).first().click();
      expect((await download).suggestedFilename()).toBe(`${journey.caseNumber}-受理告知书.pdf`);
    } finally {
      await context.close();
    }
  });

  it("shows the administrator a first-run checklist, and asks before resetting a colleague's credentials", async () => {
    const unitCode = await createUnit(stack.db, '首次使用测试区');
    const admin = await signIn(stack, unitCode, ['admin'], '首次管理员');
    const { context, page } = await browser.newPage(admin.token);
    try {
      await page.goto(`${origin}/`);
      const checklist = page.getByTestId('first-run-checklist');
      await checklist.waitFor();
      for (const step of ['units', 'staff', 'policy'])
        expect(await checklist.getByTestId(`first-run-${step}`).getAttribute('data-done')).toBe('false');
      await screenshot(page, 'admin-first-run');

      await stack.db.query(
        `INSERT INTO units (code, name, level, parent_code) VALUES ($1, '首次使用测试镇', 'town', $2)`,
        [`${unitCode}-T`, unitCode],
      );
      const clerk = await signIn(stack, `${unitCode}-T`, ['clerk'], '待重置登记员');
      await page.reload();
      await checklist.getByTestId('first-run-units').and(page.locator('[data-done="true"]')).waitFor();
      await checklist.getByTestId('first-run-staff').and(page.locator('[data-done="true"]')).waitFor();
      expect(await checklist.getByTestId('first-run-policy').getAttribute('data-done')).toBe('false');

      await checklist.getByTestId('first-run-staff').getByRole('button', { name: '前往' }).click();
      const row = page.locator('tr').filter({ hasText: '待重置登记员' });
      const credentials = async () =>
        (
          await stack.db.query(
            `SELECT password_hash, must_change_password FROM credentials WHERE user_id = $1`,
            [clerk.userId],
          )
        )[0];
      const before = await credentials();
      await row.getByRole('button', { name: '重置密码与动态码' }).click();
      const confirm = page.locator('.ant-modal-confirm:visible');
      await confirm.locator('.ant-modal-confirm-title').getByText('重置 待重置登记员').waitFor();
      await screenshot(page, 'admin-reset-confirm');
      await confirm.getByRole('button', { name: '取消' }).click();
      await confirm.waitFor({ state: 'detached' });
      expect(await credentials()).toEqual(before); // nothing happened without the confirmation

      await row.getByRole('button', { name: '重置密码与动态码' }).click();
      await page.locator('.ant-modal-confirm:visible').getByRole('button', { name: '重置' }).click();
      await page.getByTestId('one-time-password').waitFor();
      expect((await credentials()).must_change_password).toBe(true);

      // Closed by its own button, and gone before the next click (Escape may reach the page instead).
      const shown = page.locator('.ant-modal-confirm').filter({ has: page.getByTestId('one-time-password') });
      await shown.locator('.ant-modal-confirm-btns button').last().click();
      await shown.waitFor({ state: 'detached' });
      await row.getByRole('button', { name: '停用' }).click();
      await page
        .locator('.ant-modal-confirm:visible .ant-modal-confirm-title')
        .getByText('停用 待重置登记员')
        .waitFor();
      await page.locator('.ant-modal-confirm:visible').getByRole('button', { name: '取消' }).click();
      const [{ active }] = await stack.db.query(`SELECT active FROM users WHERE id = $1`, [clerk.userId]);
      expect(active).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('a clerk signing in after the administrator signed out on the same tab lands on the work queue', async () => {
    const username = `office.${uniqueId().toLowerCase()}`;
    const userId = `u-${uniqueId()}`;
    const secret = newTotpSecret();
    await stack.db.query(
      `INSERT INTO users (id, username, name, unit_code) VALUES ($1, $2, '同桌登记员', $3)`,
      [userId, username, org.district],
    );
    await stack.db.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'clerk')`, [userId]);
    await stack.db.query(
      `INSERT INTO credentials (user_id, password_hash, must_change_password, totp_secret_enc, totp_enrolled_at)
       VALUES ($1, $2, false, $3, now())`,
      [userId, await hashPassword(TEST_PASSWORD), stack.api.app.get(PersonalDataProtector).encrypt(secret)],
    );
    const { context, page } = await browser.newPage(org.adminD.token);
    try {
      await page.goto(`${origin}/admin/users`);
      await page.locator('form#newUser').waitFor();
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.locator('.ant-otp input').first().click();
      await page.keyboard.type(totpCode(secret, Date.now()));
      await page.getByRole('button', { name: '验证' }).click();
      await page.getByText('案件队列（按紧急程度排序）').waitFor();
      expect(new URL(page.url()).pathname).toBe('/cases');
      expect(await page.getByTestId('current-user').textContent()).toContain('同桌登记员');
      expect(await page.locator('body').textContent()).not.toContain('ROLE_NOT_ALLOWED');
    } finally {
      await context.close();
    }
  });

  it('names the broken password rules when a new password is refused', async () => {
    const username = `rules.${uniqueId().toLowerCase()}`;
    const userId = `u-${uniqueId()}`;
    await stack.db.query(
      `INSERT INTO users (id, username, name, unit_code) VALUES ($1, $2, '改密登记员', $3)`,
      [userId, username, org.district],
    );
    await stack.db.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'clerk')`, [userId]);
    await stack.db.query(
      `INSERT INTO credentials (user_id, password_hash, must_change_password) VALUES ($1, $2, true)`,
      [userId, await hashPassword(TEST_PASSWORD)],
    );
    const { context, page } = await browser.newPage();
    try {
      await page.goto(`${origin}/`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByLabel('新密码', { exact: true }).fill('password');
      await page.getByLabel('确认新密码').fill('password');
      await page.getByRole('button', { name: '设置新密码' }).click();
      const rules = page.getByTestId('broken-rules');
      await rules.waitFor();
      const text = (await rules.textContent())!;
      expect(text).toContain('至少 12 个字符');
      expect(text).toContain('过于常见');
    } finally {
      await context.close();
    }
  });

  it("sets a unit's 文号 pattern from the units page, its field error shown at the field", async () => {
    const unitCode = await createUnit(stack.db, '文号测试区');
    const admin = await signIn(stack, unitCode, ['admin'], '文号管理员');
    const { context, page } = await browser.newPage(admin.token);
    try {
      await page.goto(`${origin}/admin/units`);
      const form = page.locator('form#noticeNumbering');
      await form.getByLabel('发文单位').click();
      await page.locator('.ant-select-tree').getByText(`(${unitCode})`).last().click();
      await form.getByLabel('单位简称').fill('文区');
      await form.getByLabel('文号格式').fill('{unitShort}〔{year}〕{no}号');
      await form.getByRole('button', { name: '保存' }).click();
      await form.locator('.ant-form-item-has-error').getByText('须含 {seq}', { exact: false }).waitFor();
      await form.getByLabel('文号格式').fill('{unitShort}访告〔{year}〕{seq}号');
      await form.getByRole('button', { name: '保存' }).click();
      await page
        .getByTestId('notice-numbering')
        .getByText(`文区访告〔${new Date().getFullYear()}〕1号`, { exact: false })
        .waitFor();
    } finally {
      await context.close();
    }
    const [unit] = await stack.db.query(
      `SELECT short_name, notice_number_pattern FROM units WHERE code = $1`,
      [unitCode],
    );
    expect(unit).toEqual({ short_name: '文区', notice_number_pattern: '{unitShort}访告〔{year}〕{seq}号' });
  });

  /** The raw bytes of one GET (no decompression), with the encodings the caller says it accepts. */
  function rawGet(url: string, acceptEncoding?: string) {
    return new Promise<{ headers: http.IncomingHttpHeaders; bytes: number; status: number }>(
      (resolve, reject) => {
        http
          .get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
            let bytes = 0;
            response.on('data', (chunk: Buffer) => (bytes += chunk.length));
            response.on('end', () =>
              resolve({ headers: response.headers, bytes, status: response.statusCode! }),
            );
          })
          .on('error', reject);
      },
    );
  }

  it('serves the assets compressed (brotli, gzip) with Content-Encoding, plain to clients that ask for none', async () => {
    const html = await (await fetch(`${origin}/`, { headers: { accept: 'text/html' } })).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const plain = await rawGet(`${origin}${script}`);
    const br = await rawGet(`${origin}${script}`, 'gzip, deflate, br');
    const gzip = await rawGet(`${origin}${script}`, 'gzip');
    expect([plain.status, br.status, gzip.status]).toEqual([200, 200, 200]);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    for (const reply of [br, gzip]) {
      expect(reply.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(reply.headers.vary).toMatch(/Accept-Encoding/i);
      expect(reply.headers['cache-control']).toContain('immutable');
    }
    expect(br.bytes).toBeLessThan(plain.bytes / 3);
    expect(gzip.bytes).toBeLessThan(plain.bytes / 2.5);
  });

  it('keeps the login page small: its transfer size in the browser stays under 500 kB', async () => {
    const { context, page } = await browser.newPage();
    try {
      await page.goto(`${origin}/`);
      await page.getByRole('button', { name: '登录' }).waitFor();
      await page.waitForLoadState('networkidle');
      const sizes = await page.evaluate(`(() => {
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
        return {
          transfer: entries.reduce((sum, e) => sum + e.transferSize, 0),
          decoded: entries.reduce((sum, e) => sum + e.decodedBodySize, 0),
          files: entries.length,
          dashboard: entries.some((e) => e.name.includes('DashboardPage')),
        };
      })()`);
      const { transfer, decoded, files, dashboard } = sizes as {
        transfer: number;
        decoded: number;
        files: number;
        dashboard: boolean;
      };
      process.stdout.write(
        `login page: ${files} files, ${(transfer / 1024).toFixed(0)} kB transferred, ${(decoded / 1024).toFixed(0)} kB decoded\n`,
      );
      expect(dashboard).toBe(false); // the charts load only with the dashboard
      expect(transfer).toBeGreaterThan(0);
      expect(transfer).toBeLessThanOrEqual(500 * 1024);
    } finally {
      await context.close();
    }
  });

  const screenshot = (page: Page, name: string) => browser.screenshot(page, name);
});

import { type Page } from 'playwright-core';
import { type ConsoleBrowser, consoleOrigin, launchConsoleBrowser } from './support/browser';
import { postJson } from './support/http';
import { insertQueueRows } from './support/queue-rows';
import { createUnit, startTestStack, type TestStack } from './support/stack';
import { bearer, signIn } from './support/staff-sessions';

const HOUR = 3_600_000;

/** The work queue and the petitioner in a real browser (issue 13, points 1 and 4). */
describe('web console: the work queue', () => {
  let stack: TestStack;
  let browser: ConsoleBrowser;
  let origin: string;

  beforeAll(async () => {
    stack = await startTestStack();
    origin = consoleOrigin(stack.api.url);
    browser = await launchConsoleBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const firstRowNumber = async (page: Page) =>
    (await page
      .getByTestId('case-queue')
      .locator('tbody tr.ant-table-row')
      .first()
      .locator('td')
      .first()
      .textContent())!.trim();

  it('shows a level-3 overdue case created last first on page 1 among 300 cases, with the total', async () => {
    const unit = await createUnit(stack.db, '队列浏览器测试');
    const clerk = await signIn(stack, unit, ['clerk'], '孙登记');
    const now = Date.now();
    // 299 open cases first: overdue up to level 2, due times spread over the coming weeks, some without a clock.
    await insertQueueRows(
      stack.db,
      unit,
      Array.from({ length: 299 }, (_, i) => ({
        overdueLevel: i % 3,
        dueAt: i % 7 === 0 ? null : new Date(now + (i % 50) * HOUR - 10 * HOUR),
        registeredAt: new Date(now - (300 - i) * 60_000),
      })),
    );
    // Then, last, a letter received 40 days ago and entered now: its workflow escalates it up the ladder.
    const late = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'letter',
        petitioner: { name: '钱十', idNumber: '440305198506120015' },
        category: 'grievance',
        subject: '道路积水',
        content: '路口长期积水，影响出行。',
        unitCode: unit,
        receivedAt: new Date(now - 40 * 86_400_000).toISOString(),
        receivedAtReason: '来信积压，补录 / a backlog of letters entered late',
      },
      bearer(clerk),
    );
    expect(late.status).toBe(201);
    const caseNumber: string = late.body.caseNumber;
    for (let tries = 0; ; tries++) {
      const [row] = await stack.db.query(`SELECT overdue_level FROM cases WHERE case_number = $1`, [
        caseNumber,
      ]);
      if (row?.overdue_level >= 3) break;
      if (tries > 120) throw new Error(`case ${caseNumber} never reached overdue level 3`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    const { context, page } = await browser.newPage(clerk.token);
    try {
      await page.goto(`${origin}/cases?unit=${unit}`);
      await page.getByTestId('queue-total').filter({ hasText: '共 300 件' }).waitFor();
      expect(await firstRowNumber(page)).toBe(caseNumber);
      const firstRow = page.getByTestId('case-queue').locator('tbody tr.ant-table-row').first();
      expect(await firstRow.textContent()).toContain('钱*');
      expect(await firstRow.textContent()).not.toContain('钱十');
      // The deadline tag stays inside its own column: it ends before the category column begins.
      const tag = await firstRow.getByTestId('clock').boundingBox();
      const category = await firstRow.locator('td').nth(5).boundingBox();
      expect(tag!.x + tag!.width).toBeLessThanOrEqual(category!.x);
      await browser.screenshot(page, 'work-queue-urgent');

      // Found by its case number typed in the keyword box, and by the petitioner's ID number.
      await page.getByTestId('queue-search').fill(caseNumber);
      await page.getByRole('button', { name: '查询' }).click();
      await page.getByTestId('queue-total').filter({ hasText: '共 1 件' }).waitFor();
      expect(await firstRowNumber(page)).toBe(caseNumber);
      expect(page.url()).toContain(`caseNumber=${caseNumber}`);

      await page.getByTestId('search-by').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '证件号码' }).click();
      await page.getByTestId('queue-search').fill('440305198506120015');
      await page.getByRole('button', { name: '查询' }).click();
      await page.waitForURL(/petitionerIdNumber=/);
      await page.getByTestId('queue-total').filter({ hasText: '共 1 件' }).waitFor();
      expect(await firstRowNumber(page)).toBe(caseNumber);

      // The workspace shows the petitioner masked.
      await page.getByTestId('case-queue').getByText(caseNumber).click();
      await page.getByTestId('petitioner').getByText('440305********0015').waitFor();
      expect(await page.getByTestId('petitioner').textContent()).toContain('钱十');
      await browser.screenshot(page, 'case-workspace-petitioner');
    } finally {
      await context.close();
    }
  }, 180_000);

  it('offers the views and saves one, shared by its link', async () => {
    const unit = await createUnit(stack.db, '队列视图浏览器测试');
    const leader = await signIn(stack, unit, ['unitLeader'], '周包案');
    const [led] = await insertQueueRows(stack.db, unit, [
      { packageLeaderUserId: leader.userId, dueAt: new Date(Date.now() + 5 * HOUR) },
      { dueAt: new Date(Date.now() + 30 * 24 * HOUR) },
    ]);
    const { context, page } = await browser.newPage(leader.token);
    try {
      await page.goto(`${origin}/cases?unit=${unit}`);
      await page.getByTestId('queue-total').filter({ hasText: '共 2 件' }).waitFor();
      await page.getByLabel('视图').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '我包案的' }).click();
      await page.getByRole('button', { name: '查询' }).click();
      await page.getByTestId('queue-total').filter({ hasText: '共 1 件' }).waitFor();
      expect(await firstRowNumber(page)).toBe(led);
      const link = page.url();
      expect(link).toContain('view=leading');

      await page.getByRole('button', { name: '保存为视图' }).click();
      await page.getByLabel('视图名称').fill('我包案的案件');
      await page.getByRole('button', { name: /确\s*定|OK/ }).click();
      await page.getByText('视图「我包案的案件」已保存').waitFor();

      // The link opens the same view in a fresh page.
      const fresh = await browser.newPage(leader.token);
      try {
        await fresh.page.goto(link);
        await fresh.page.getByTestId('queue-total').filter({ hasText: '共 1 件' }).waitFor();
        expect(await firstRowNumber(fresh.page)).toBe(led);
      } finally {
        await fresh.context.close();
      }
    } finally {
      await context.close();
    }
  }, 120_000);
});

import { type Page } from 'playwright-core';
import { type ConsoleBrowser, consoleOrigin, launchConsoleBrowser } from './support/browser';
import { postJson } from './support/http';
import { startTestStack, type TestStack, uniqueId } from './support/stack';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';

/**
 * What may be done now, in a real browser on the real stack: the workspace offers only the actions the
 * API says the user may perform; a form keeps what was typed when its dialog is closed (Escape) or a
 * send is refused, empties when cancelled on purpose or sent; a sent action confirms naming its result.
 */
describe('web console: the actions open now', () => {
  let stack: TestStack;
  let browser: ConsoleBrowser;
  let origin: string;
  let district: string;
  let town: string;
  let clerkD: SignedIn;
  let clerkT: SignedIn;

  beforeAll(async () => {
    stack = await startTestStack();
    origin = consoleOrigin(stack.api.url);
    district = `W${uniqueId(6)}`;
    town = `${district}-T`;
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES ($1, '操作区', 'district', NULL), ($2, '操作镇', 'town', $1)`,
      [district, town],
    );
    clerkD = await signIn(stack, district, ['clerk'], '区登记员');
    clerkT = await signIn(stack, town, ['clerk'], '镇登记员');
    browser = await launchConsoleBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function caseAssignedToTown(): Promise<string> {
    const created = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'visit',
        petitioner: { name: '孙十二' },
        category: 'grievance',
        subject: '噪声扰民',
        content: '夜间施工噪声扰民。',
        unitCode: town,
      },
      bearer(clerkD),
    );
    expect(created.status).toBe(201);
    const caseNumber: string = created.body.caseNumber;
    const feedbackDueDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(Date.now() + 10 * 86_400_000),
    );
    const assigned = await postJson(
      `${stack.api.url}/cases/${caseNumber}/actions/assignDown`,
      { toUnitCode: town, reason: '属地管理', feedbackDueDate },
      bearer(clerkD),
    );
    expect(assigned.status).toBe(200);
    return caseNumber;
  }

  const actionButton = (page: Page, action: string) =>
    page.getByTestId('case-actions').locator(`button[data-action="${action}"]`);

  it('offers no 受理 on a case held by another unit; the holding unit gets it, never pause with resume', async () => {
    const caseNumber = await caseAssignedToTown();
    const district = await browser.newPage(clerkD.token);
    try {
      await district.page.goto(`${origin}/cases/${caseNumber}`);
      await district.page.getByTestId('case-status').filter({ hasText: '交办' }).waitFor();
      await district.page.getByTestId('case-actions').waitFor();
      expect(await actionButton(district.page, 'accept').count()).toBe(0);
      expect(await actionButton(district.page, 'assignDown').count()).toBe(0);
      await browser.screenshot(district.page, 'case-actions-held-elsewhere');
    } finally {
      await district.context.close();
    }
    const town = await browser.newPage(clerkT.token);
    try {
      await town.page.goto(`${origin}/cases/${caseNumber}`);
      await actionButton(town.page, 'accept').waitFor();
      const offered = await town.page
        .getByTestId('case-actions')
        .locator('button[data-action]')
        .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-action')));
      expect(offered).toEqual(expect.arrayContaining(['accept', 'notAccept', 'objectMisroute']));
      expect(offered.includes('pauseClock') && offered.includes('resumeClock')).toBe(false);
      // The API agrees with the console: the same list.
      const detail = await fetch(`${stack.api.url}/cases/${caseNumber}`, { headers: bearer(clerkT) });
      expect(((await detail.json()) as { allowedActions: string[] }).allowedActions).toEqual(offered);
    } finally {
      await town.context.close();
    }
  });

  it('keeps what was typed through Escape and a refused send, empties on cancel, confirms the result', async () => {
    const caseNumber = await caseAssignedToTown();
    const { context, page } = await browser.newPage(clerkT.token);
    try {
      await page.goto(`${origin}/cases/${caseNumber}`);
      await actionButton(page, 'notAccept').click();
      const form = page.locator('form#action-notAccept');
      await form.getByLabel('说明').fill('应向人民法院起诉');
      await page.locator('#action-notAccept_reason').click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('应通过法定途径解决').click();

      // Escape closes the dialog; opened again, the form still holds the text.
      await form.getByLabel('说明').click();
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'hidden' });
      await actionButton(page, 'notAccept').click();
      await form.waitFor();
      expect(await form.getByLabel('说明').inputValue()).toBe('应向人民法院起诉');

      // A refused send (the lawful channel is required for this reason) keeps every value, and so does
      // closing and reopening after it.
      await form.locator('button[type="submit"]').click();
      await form.locator('.ant-form-item-has-error').first().waitFor();
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'hidden' });
      await actionButton(page, 'notAccept').click();
      expect(await form.getByLabel('说明').inputValue()).toBe('应向人民法院起诉');
      await browser.screenshot(page, 'case-action-form-kept');

      // Cancelled on purpose: the form empties.
      await form.getByTestId('action-cancel').click();
      await form.waitFor({ state: 'hidden' });
      await actionButton(page, 'notAccept').click();
      expect(await form.getByLabel('说明').inputValue()).toBe('');
      await form.getByLabel('说明').click();
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'hidden' });

      // 受理: sent, confirmed with the case number and where it went; the form is gone with the action.
      await actionButton(page, 'accept').click();
      await page.locator('form#action-accept button[type="submit"]').click();
      const confirmation = page.getByTestId('action-result');
      await confirmation.waitFor();
      expect(await confirmation.textContent()).toBe(`已受理 ${caseNumber}，进入办理`);
      await page.getByTestId('case-status').filter({ hasText: '受理' }).waitFor();
      await actionButton(page, 'accept').waitFor({ state: 'detached' });
      expect(await actionButton(page, 'notAccept').count()).toBe(0);
      await browser.screenshot(page, 'case-action-confirmed');
    } finally {
      await context.close();
    }
  });
});

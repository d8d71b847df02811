import * as fs from 'node:fs';
import { type ConsoleBrowser, consoleOrigin, launchConsoleBrowser } from './support/browser';
import { postJson } from './support/http';
import { createUnit, startTestStack, type TestStack } from './support/stack';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';

/** A handler attaches files to a case in the console's workspace, in the real browser against the real stack. */
describe('web console: case attachments', () => {
  let stack: TestStack;
  let browser: ConsoleBrowser;
  let handler: SignedIn;
  let caseNumber: string;

  beforeAll(async () => {
    stack = await startTestStack();
    browser = await launchConsoleBrowser();
    const unitCode = await createUnit(stack.db, '附件控制台单位');
    handler = await signIn(stack, unitCode, ['handler'], '周承办');
    const clerk = await signIn(stack, unitCode, ['clerk'], '吴登记');
    const created = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'letter',
        petitioner: { name: '郑十一' },
        category: 'grievance',
        subject: '噪音扰民',
        content: '夜间施工噪音扰民。',
        unitCode,
      },
      bearer(clerk),
    );
    expect(created.status).toBe(201);
    caseNumber = created.body.caseNumber;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('uploads a scanned letter, lists it with its digest, downloads it intact, and explains a refused file', async () => {
    const { context, page } = await browser.newPage(handler.token);
    try {
      await page.goto(`${consoleOrigin(stack.api.url)}/cases/${caseNumber}`);
      const attachments = page.getByTestId('case-attachments');
      await attachments.getByText('暂无附件').waitFor();

      const letter = Buffer.from('%PDF-1.7\n% 来信扫描件\n');
      await attachments.locator('input[type="file"]').setInputFiles({
        name: '来信扫描件.pdf',
        mimeType: 'application/pdf',
        buffer: letter,
      });
      await attachments.locator('.ant-list-item').filter({ hasText: '来信扫描件.pdf' }).waitFor();
      expect(await attachments.locator('.ant-list-item').textContent()).toContain('周承办');
      await browser.screenshot(page, 'case-attachments');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        attachments.getByRole('button', { name: '下载 来信扫描件.pdf' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('来信扫描件.pdf');
      expect(fs.readFileSync((await download.path())!).equals(letter)).toBe(true);

      await attachments.locator('input[type="file"]').setInputFiles({
        name: 'setup.exe',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from('MZ\x90\x00'),
      });
      await page
        .locator('.ant-message')
        .getByText(/setup\.exe.*不支持的文件类型.*ATTACHMENT_TYPE_NOT_ALLOWED/)
        .waitFor();
      expect(await attachments.locator('.ant-list-item').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});

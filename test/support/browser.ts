import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../libs/config/src';
import { buildWebInBackground } from '../../scripts/build-web';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/chromium';

/**
 * Debian's headless Chromium (scripts/chromium.ts) for the console's end-to-end files. The console is
 * built and Chromium unpacked once per run by the global setup (`prepareConsoleAndBrowser`), so test
 * files running side by side never build into the same folder at once.
 */

// `npm run screenshots` refreshes docs/console.md's copies; a plain test run keeps the working tree clean.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.join(PROJECT_ROOT, 'docs', 'screenshots')
  : path.join(os.tmpdir(), 'pce-screenshots');

/** Global setup: the console bundle (dist/web) and the browser, ready before any test file starts. */
export async function prepareConsoleAndBrowser(): Promise<void> {
  ensureChromium();
  await buildWebInBackground();
}

export interface ConsoleBrowser {
  browser: Browser;
  /** A fresh context (zh-CN, desktop size), signed in with the given access token if any. */
  newPage(token?: string): Promise<{ context: BrowserContext; page: Page }>;
  /** Saves a full-page screenshot under the name docs/console.md uses. */
  screenshot(page: Page, name: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function launchConsoleBrowser(): Promise<ConsoleBrowser> {
  const installed = ensureChromium();
  const browser = await chromium.launch({
    executablePath: installed.executablePath,
    args: CHROMIUM_ARGS,
    env: installed.env,
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    async newPage(token) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      // Runs in the page, where sessionStorage exists (this file is type-checked for Node).
      if (token)
        await context.addInitScript(`sessionStorage.setItem('pce.accessToken', ${JSON.stringify(token)})`);
      return { context, page: await context.newPage() };
    },
    screenshot: (page, name) =>
      page.screenshot({
        path: path.join(SCREENSHOTS, `${name}.png`),
        fullPage: true,
        animations: 'disabled',
      }),
    close: () => browser.close(),
  };
}

/** The console's origin: the API serves it at `/`, next to `/api`. */
export const consoleOrigin = (apiUrl: string): string => apiUrl.replace(/\/api$/, '');

/** The select an input belongs to, and its chosen item that reads `text`. */
function chosenItem(input: Locator, text: string): Locator {
  const select = input.locator(
    "xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]",
  );
  // The chosen value is the select's text (a single select's value, a multiple one's tags); what is typed
  // into its search box is an input's value, not text, so it never counts as chosen.
  return select.filter({ hasText: text }).first();
}

async function isShown(item: Locator): Promise<boolean> {
  try {
    await item.waitFor({ timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Chooses the option reading `option` in a select (after typing `search`, if given) and waits until it
 * shows as chosen. The option list re-renders when its data answers (a directory search, the case's
 * attachments), so a click that landed on the list it replaced is made again.
 */
export async function chooseOption(
  page: Page,
  input: Locator,
  option: string,
  search?: string,
): Promise<void> {
  const chosen = chosenItem(input, option);
  for (let attempt = 0; attempt < 4; attempt++) {
    const listOpen = await page.locator('.ant-select-dropdown:visible').count();
    if (search !== undefined) await input.fill(search);
    else if (listOpen === 0) await input.click();
    // A list that closes while it animates in (the form around it re-rendered) is opened again next time,
    // rather than waited on for the whole test's timeout.
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    if (await isShown(chosen)) return;
  }
  await chosen.waitFor();
}

/** Chooses a person by name in a staff picker (see chooseOption). */
export const pickStaff = (page: Page, input: Locator, name: string): Promise<void> =>
  chooseOption(page, input, name, name);

/** Types a free value into a tags select and confirms it with Enter, until it shows as chosen. */
export async function addTag(input: Locator, text: string): Promise<void> {
  const chosen = chosenItem(input, text);
  for (let attempt = 0; attempt < 4; attempt++) {
    await input.fill(text);
    await input.press('Enter');
    if (await isShown(chosen)) return;
  }
  await chosen.waitFor();
}

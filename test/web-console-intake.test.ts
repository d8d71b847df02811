import { type Page } from 'playwright-core';
import { residentIdCheckCharacter } from '../libs/domain/src/intake/resident-id';
import {
  type ConsoleBrowser,
  consoleOrigin,
  launchConsoleBrowser,
  addTag,
  chooseOption,
  pickStaff,
} from './support/browser';
import { CaseJourney, createJourneyOrg, type JourneyOrg, shanghaiDay } from './support/case-journey';
import { getJson } from './support/http';
import { startTestStack, type TestStack } from './support/stack';
import { bearer } from './support/staff-sessions';

/**
 * The clerk's intake and the case workspace in a real browser against the real stack: a collective
 * visit with its representatives (and the policy's limit at the field), a repeat visit answered with
 * the earlier case and the clerk's override, the five duties checklist, and the reception days.
 */
describe('web console: intake, repeat visits, five duties, reception days', () => {
  let stack: TestStack;
  let browser: ConsoleBrowser;
  let origin: string;
  let org: JourneyOrg;
  /** The collective visit's case, registered in the first test. */
  let firstCase: string;

  const petitionerId = residentId();
  const petitionerPhone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const subject = '企业拖欠农民工工资';
  const content = '某建筑公司拖欠三十名农民工工资共计六十万元，多次讨要未果，请求协调支付。';

  beforeAll(async () => {
    stack = await startTestStack();
    origin = consoleOrigin(stack.api.url);
    org = await createJourneyOrg(stack);
    browser = await launchConsoleBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  /** A resident ID number with a correct check character, different for every call. */
  function residentId(): string {
    const serial = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
    const first17 = `11010519${60 + Math.floor(Math.random() * 30)}0101${serial}`;
    return first17 + residentIdCheckCharacter(first17);
  }

  const submit = (page: Page) =>
    page.locator('form#intake button[type="submit"]:not(.ant-btn-loading)').click();

  async function fillPetition(page: Page) {
    await page.goto(`${origin}/cases/new`);
    await page.getByLabel('标题').fill(subject);
    await page.getByLabel('信访内容').fill(content);
    await page.locator('#intake_petitioner_name').fill('孙大成');
    await page.locator('#intake_petitioner_idNumber').fill(petitionerId);
    await page.locator('#intake_petitioner_phone').fill(petitionerPhone);
  }

  it('registers a collective visit with its representatives, the limit shown at the list', async () => {
    const { context, page } = await browser.newPage(org.clerkD.token);
    try {
      await fillPetition(page);
      await page.locator('#intake_isCollective').click();
      await page.getByLabel('来访人数').fill('30');
      const names = ['赵一', '钱二', '孙三', '李四', '周五', '吴六'];
      for (const [index, name] of names.entries()) {
        if (index > 0) await page.getByRole('button', { name: '添加代表' }).click();
        await page.locator(`#intake_collective_representatives_${index}_name`).fill(name);
      }
      await page.locator('#intake_collective_representatives_0_idNumber').fill(residentId());
      await page.locator('#intake_collective_representatives_0_phone').fill('13800001111');

      // Six representatives: the API answers 422 and its message stands at the list.
      await submit(page);
      const representatives = page.getByTestId('representatives');
      await representatives.getByText('多人来访推选代表不得超过 5 人').waitFor();
      expect(await page.locator('.form-alert').count()).toBe(0);
      await screenshot(page, 'intake-collective');

      await page.getByTestId('representative').last().getByRole('button', { name: '删除' }).click();
      await submit(page);
      await page.getByTestId('case-number').waitFor();
      firstCase = (await page.getByTestId('case-number').textContent())!;
      expect(firstCase).toMatch(new RegExp(`^${org.district}-\\d{4}-\\d{6}$`));

      // The case shows the visit: its headcount and the representatives, masked.
      await page.getByTestId('case-headcount').filter({ hasText: '30' }).waitFor();
      const rows = page.getByTestId('case-representatives').locator('tbody tr');
      expect(await rows.count()).toBe(5);
      expect(await rows.first().textContent()).toContain('赵一');
      expect(await rows.first().textContent()).toMatch(/138\*+1111/);
    } finally {
      await context.close();
    }
  });

  it('answers the same matter again with the earlier case, and registers it anew on the clerk’s override', async () => {
    const { context, page } = await browser.newPage(org.clerkD.token);
    try {
      await fillPetition(page);
      await submit(page);
      const result = page.getByTestId('registration-result');
      await result.getByText(`重复信访：已记入未结案件 ${firstCase}`).waitFor();
      expect(await result.textContent()).toContain('累计重复来访 1 次');
      const link = page.getByTestId('earlier-case-link');
      expect(await link.getAttribute('href')).toBe(`/cases/${firstCase}`);
      await screenshot(page, 'repeat-visit');

      // "Register the next one" empties the form without marking its fields as missing.
      await result.getByRole('button', { name: '登记下一件' }).click();
      await page.locator('form#intake').waitFor();
      expect(await page.getByLabel('标题').inputValue()).toBe('');
      expect(await page.locator('form#intake .ant-form-item-has-error').count()).toBe(0);

      // Again, and this time the clerk judges it another matter: a new case, the earlier one untouched.
      await fillPetition(page);
      await submit(page);
      await result.getByText('累计重复来访 2 次').waitFor();
      await page.locator('#not-same-matter_notRepeatOf_reason').fill('另一项目工地的欠薪，与前案不同');
      await page.getByRole('button', { name: '不是同一事项，登记为新案件' }).click();
      await page.getByTestId('case-number').waitFor();
      const newCase = await page.getByTestId('case-number').textContent();
      expect(newCase).not.toBe(firstCase);

      // The earlier case lists its repeat visits.
      await page.goto(`${origin}/cases/${firstCase}`);
      await page.getByTestId('repeat-visits').getByText('重复来访 2 次').waitFor();
    } finally {
      await context.close();
    }
  });

  it('answers a petition on facts concluded after re-review as registered and not accepted, citing that case', async () => {
    const idNumber = residentId();
    const concluded = await CaseJourney.register(stack, org, { name: '冯六', idNumber });
    await concluded.act(org.clerkD, 'accept');
    await concluded.defineSix();
    await concluded.reply('已协调物业疏通');
    await concluded.reviewAndReReview('维持处理意见', '维持复查意见');

    const { context, page } = await browser.newPage(org.clerkD.token);
    try {
      await page.goto(`${origin}/cases/new`);
      await page.getByLabel('问题发生地单位').fill(org.town);
      await page.locator('.ant-select-tree').getByText(`(${org.town})`).last().click();
      await page.getByLabel('标题').fill('小区排水不畅');
      await page.getByLabel('信访内容').fill('雨天小区积水严重，请求疏通。');
      await page.locator('#intake_petitioner_name').fill('冯六');
      await page.locator('#intake_petitioner_idNumber').fill(idNumber);
      await submit(page);
      const result = page.getByTestId('registration-result');
      await result.getByText(`已在 ${concluded.caseNumber} 号案件复核终结`).waitFor();
      const title = (await result.locator('.ant-result-title').textContent())!;
      const newCase = /已登记为 (\S+)，不予受理/.exec(title)![1]!;
      expect(newCase).not.toBe(concluded.caseNumber);
      const detail = await getJson(`${stack.api.url}/cases/${newCase}`, bearer(org.clerkD));
      expect(detail.body.status).toBe('notAccepted');
    } finally {
      await context.close();
    }
  });

  /**
   * Fills and sends the open duty form (its duty already chosen): the handler (picked by name), a summary, one evidence,
   * and today's date last, confirmed with Enter — twice, as people do — before the submit button.
   */
  async function recordDuty(page: Page, summary: string, evidence: string) {
    const form = page.locator('form#action-recordDuty');
    await pickStaff(page, form.locator('#action-recordDuty_performedByUserIds'), org.handlerT.name);
    await form.locator('#action-recordDuty_summary').fill(summary);
    await addTag(form.locator('#action-recordDuty_evidenceRefs'), evidence);
    await form.locator('#action-recordDuty_performedOn').fill(shanghaiDay());
    await form.locator('#action-recordDuty_performedOn').press('Enter');
    await form.locator('#action-recordDuty_performedOn').press('Enter'); // opens the picker again
    await form.locator('#action-recordDuty_performedOn').press('Escape');
    await form.locator('button[type="submit"]').click();
  }

  it('shows the five duties checklist, and records a duty from it with its evidence', async () => {
    const journey = new CaseJourney(stack, org, firstCase);
    await journey.act(org.clerkD, 'accept');
    await journey.defineSix();
    const { context, page } = await browser.newPage(org.handlerT.token);
    try {
      await page.goto(`${origin}/cases/${firstCase}`);
      const duties = page.getByTestId('five-duties');
      await duties.getByText('已落实 0/5').waitFor();
      await page.getByTestId('six-defines').getByText('现场核查并协调疏通').waitFor();

      await page.getByTestId('duty-investigate').getByRole('button', { name: '记录进展' }).click();
      await recordDuty(page, '走访工地和企业，核实欠薪名单与金额', 'EV-工资表');

      const investigate = page.getByTestId('duty-investigate');
      await investigate.and(page.locator('[data-done="true"]')).waitFor();
      expect(await investigate.textContent()).toContain(org.handlerT.name);
      expect(await investigate.textContent()).toContain('EV-工资表');
      expect(await investigate.textContent()).toContain(shanghaiDay());
      await duties.getByText('已落实 1/5').waitFor();
      expect(await page.getByTestId('duty-replyAndSettle').textContent()).toContain('出具处理意见后落实');
      await screenshot(page, 'five-duties');

      // The same from the case's actions: the form stays open, emptied, with no field marked missing (Enter
      // in the date picker only confirms the date: it neither sent the form early nor again once emptied).
      await page.getByTestId('case-actions').getByText('记录五包', { exact: true }).click();
      await chooseOption(page, page.locator('#action-recordDuty_duty'), '包政策解释');
      await recordDuty(page, '向工人解释劳动保障监察政策', 'EV-谈话记录');
      await duties.getByText('已落实 2/5').waitFor();
      const actionForm = page.locator('form#action-recordDuty');
      expect(await actionForm.locator('#action-recordDuty_summary').inputValue()).toBe('');
      await page.waitForTimeout(500);
      expect(await actionForm.locator('.ant-form-item-has-error').count()).toBe(0);

      await page.getByText('English', { exact: true }).click();
      await duties.getByText('2/5 done').waitFor();
      expect(await page.getByTestId('duty-followUpVisit').textContent()).toContain(
        'After the handling opinion',
      );

      const timeline = await getJson(`${stack.api.url}/cases/${firstCase}/timeline`, bearer(org.handlerT));
      const recorded = timeline.body.filter((entry: { type: string }) => entry.type === 'dutyRecorded');
      expect(recorded.map((entry: { details: object }) => entry.details)).toEqual([
        expect.objectContaining({ duty: 'investigate', evidenceRefs: ['EV-工资表'] }),
        expect.objectContaining({ duty: 'explainPolicy', evidenceRefs: ['EV-谈话记录'] }),
      ]);
    } finally {
      await context.close();
    }
  });

  it('lists the reception days, publishes one, and registers a petition received in it', async () => {
    const today = shanghaiDay();
    const leader = await browser.newPage(org.leaderD.token);
    let sessionPath: string;
    try {
      const { page } = leader;
      await page.goto(`${origin}/reception`);
      await page.getByRole('button', { name: '发布接待日' }).click();
      const form = page.locator('form#publish-session');
      // The leader is picked by name from the staff directory, the signed-in leader by default.
      await form.getByText(`${org.leaderD.name} · ${org.districtName} · 单位负责人`).waitFor();
      await form.locator('#publish-session_date').fill(today);
      await form.locator('#publish-session_date').press('Enter');
      await form.locator('#publish-session_place').fill('区信访局一楼接待室');
      await form.locator('#publish-session_topics').fill('欠薪');
      await form.locator('#publish-session_topics').press('Enter');
      await form.locator('#publish-session_topics').fill('征地拆迁');
      await form.locator('#publish-session_topics').press('Enter');
      await form.getByRole('button', { name: '发布' }).click();
      await page.getByTestId('reception-record').getByText('区信访局一楼接待室').waitFor();
      sessionPath = new URL(page.url()).pathname;
      expect(sessionPath).toMatch(/^\/reception\/[0-9a-f-]{36}$/);
    } finally {
      await leader.context.close();
    }

    const clerk = await browser.newPage(org.clerkD.token);
    try {
      const { page } = clerk;
      await page.goto(`${origin}/reception`);
      const row = page.getByTestId('reception-days').locator('tr', { hasText: '区信访局一楼接待室' });
      await row.waitFor();
      expect(await row.textContent()).toContain(org.leaderD.name);
      expect(await row.textContent()).toContain('征地拆迁');
      await screenshot(page, 'reception-days');

      // A petition received in the session: the session is chosen by its day, leader and place.
      await page.goto(`${origin}/cases/new`);
      await page.getByLabel('来源渠道').click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('领导接待日').click();
      await page.getByLabel('领导接待日场次').click();
      await page
        .locator('.ant-select-dropdown:visible')
        .getByTitle(`${today} · ${org.leaderD.name} · 区信访局一楼接待室`, { exact: false })
        .click();
      await page.getByLabel('标题').fill('工地噪声扰民');
      await page.getByLabel('信访内容').fill('夜间施工噪声严重影响休息。');
      await page.locator('#intake_petitioner_name').fill('郑小花');
      await submit(page);
      await page.getByTestId('case-number').waitFor();
      const caseNumber = (await page.getByTestId('case-number').textContent())!;

      await page.goto(`${origin}${sessionPath}`);
      await page.getByTestId('reception-cases').getByText(caseNumber).waitFor();
    } finally {
      await clerk.context.close();
    }
  });

  const screenshot = (page: Page, name: string) => browser.screenshot(page, name);
});

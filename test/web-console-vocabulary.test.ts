import { type Page } from 'playwright-core';
import { EVENT_TYPE_LABELS, RECORDED_EVENT_TYPES } from '../libs/domain/src/case/event-vocabulary';
import { type ConsoleBrowser, consoleOrigin, launchConsoleBrowser } from './support/browser';
import { getJson, postJson } from './support/http';
import { createUnit, startTestStack, type TestStack } from './support/stack';
import { bearer, type SignedIn, signIn } from './support/staff-sessions';

/**
 * Chinese everywhere people read (issue 13, point 3): the timeline, its CSV export and the inbox speak
 * the domain's one vocabulary, with local times and names instead of ids — through the real API,
 * worker, PostgreSQL and Temporal, and in the real console.
 */

/** An instant as Asia/Shanghai reads it, computed by hand: UTC + 8 hours, 'YYYY-MM-DD HH:mm'. */
const shanghai = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** A camelCase code (inPerson, unitLeader, deadlineEscalated) or a bare English clock name. */
const RAW_CODE = /\b[a-z]+[A-Z][A-Za-z]*\b|\b(triage|handling|delivery|clerk|handler|supervisor)\b/;

describe('one Chinese vocabulary: timeline, CSV and inbox', () => {
  let stack: TestStack;
  let browser: ConsoleBrowser;
  let origin: string;
  let unitCode: string;
  let unitName: string;
  let clerk: SignedIn;
  let leader: SignedIn;
  let overdueCase: string;
  let endingCase: string;

  const screenshot = (page: Page, name: string) => browser.screenshot(page, name);

  /** A letter received 40 days ago and entered only now: its triage clock has run out at once. */
  async function registerBacklog(subject: string): Promise<string> {
    const response = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'letter',
        petitioner: { name: '钱十' },
        category: 'grievance',
        subject,
        content: `${subject}，影响出行。`,
        unitCode,
        receivedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
        receivedAtReason: '来信积压，补录',
      },
      bearer(clerk),
    );
    expect(response.status).toBe(201);
    return response.body.caseNumber;
  }

  /** The leader's inbox once both cases' escalation ladders have delivered and nothing more arrives. */
  async function settledInbox(): Promise<any> {
    let last = '';
    for (let attempt = 0; attempt < 90; attempt++) {
      const inbox = (await getJson(`${stack.api.url}/inbox`, bearer(leader))).body;
      const counts = JSON.stringify(inbox.groups.map((g: any) => [g.caseNumber, g.items.length]));
      const both = [overdueCase, endingCase].every((n) =>
        inbox.groups.some((g: any) => g.caseNumber === n && g.items.length >= 2),
      );
      if (both && counts === last) return inbox;
      last = counts;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    throw new Error(`the inbox did not settle: ${last}`);
  }

  beforeAll(async () => {
    stack = await startTestStack();
    origin = consoleOrigin(stack.api.url);
    unitName = '东湖街道办事处';
    unitCode = await createUnit(stack.db, unitName);
    clerk = await signIn(stack, unitCode, ['clerk'], '赵登记');
    leader = await signIn(stack, unitCode, ['unitLeader'], '李负责');
    browser = await launchConsoleBrowser();
    overdueCase = await registerBacklog('道路积水');
    endingCase = await registerBacklog('路灯不亮');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('the timeline API names people and units and shows codes by their labels, times local', async () => {
    await settledInbox();
    const timeline = (await getJson(`${stack.api.url}/cases/${overdueCase}/timeline`, bearer(clerk))).body;
    const registered = timeline[0];
    expect(registered).toMatchObject({
      type: 'caseRegistered',
      typeLabel: '登记',
      actorId: clerk.userId,
      actorName: '赵登记',
      actorRoleLabel: '登记员',
      actorUnit: unitCode,
      actorUnitName: unitName,
      statusLabel: '登记',
      occurredAtLocal: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    });
    expect(registered.occurredAtLocal.slice(0, 16)).toBe(shanghai(registered.occurredAt));
    const escalated = timeline.find((entry: any) => entry.type === 'deadlineEscalated');
    expect(escalated).toMatchObject({ typeLabel: '超期升级', actorName: '系统', actorRoleLabel: '系统' });
    const line = (key: string) => escalated.detailLines.find((l: any) => l.key === key);
    expect(line('clock')).toEqual({ key: 'clock', label: '时限', text: '分流时限' });
    expect(line('dueAt').text).toBe(shanghai(escalated.details.dueAt));
    for (const entry of timeline) {
      for (const { text, label } of entry.detailLines) {
        expect({ type: entry.type, label, text }).not.toEqual(
          expect.objectContaining({ text: expect.stringMatching(RAW_CODE) }),
        );
        expect(text).not.toMatch(ISO_INSTANT);
      }
    }
  });

  it('exports the timeline as CSV an auditor reads: Chinese headers, local times, no JSON, no codes', async () => {
    const response = await fetch(`${stack.api.url}/cases/${overdueCase}/timeline.csv`, {
      headers: bearer(clerk),
    });
    expect(response.status).toBe(200);
    const csv = (await response.text()).replace(/^\uFEFF/, '');
    const [header, registered, ...rest] = csv.trim().split('\n');
    expect(header).toBe(
      '序号 seq,时间 time,事件 event,操作人 actor,角色 role,单位 unit,原状态 from,新状态 to,内容 details,哈希 hash',
    );
    const timeline = (await getJson(`${stack.api.url}/cases/${overdueCase}/timeline`, bearer(clerk))).body;
    // Row 1 by hand: the registration, its local time, the clerk by name, the unit by name with code beside.
    expect(registered.startsWith(`1,${shanghai(timeline[0].occurredAt)}:`)).toBe(true);
    expect(registered).toContain(`,登记,赵登记,登记员,${unitName}（${unitCode}）,,登记,`);
    expect(registered).not.toContain(clerk.userId);
    const body = [registered, ...rest].join('\n');
    expect(body).toContain('超期升级');
    expect(body).toContain('时限：分流时限');
    expect(body).toContain('接收人：李负责');
    expect(body).not.toMatch(ISO_INSTANT);
    expect(body).not.toMatch(/[{}]|"\w+":/); // no JSON
    for (const type of RECORDED_EVENT_TYPES) expect(body).not.toContain(`,${type},`);
    expect(Object.values(EVENT_TYPE_LABELS)).toContain('超期升级');
  });

  it('groups the inbox by case (highest level first), acknowledges one case or all, clears ended cases', async () => {
    const inbox = await settledInbox();
    const group = (n: string) => inbox.groups.find((g: any) => g.caseNumber === n);
    const overdue = group(overdueCase);
    // One row per case: the subject, the levels inside it, highest first.
    expect(inbox.groups.filter((g: any) => g.caseNumber === overdueCase)).toHaveLength(1);
    expect(overdue.subject).toBe('道路积水');
    const levels = overdue.items.map((item: any) => item.level);
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    expect(overdue.topLevel).toBe(levels[0]);
    const [top] = overdue.items;
    expect(top).toMatchObject({ kind: 'escalation', clock: 'triage', clockLabel: '分流时限' });
    expect(top.dueLocal).toBe(shanghai(top.dueAt));
    expect(top.title).toBe(`超期升级 ${top.level} 级：分流时限已于 ${shanghai(top.dueAt)} 到期`);
    expect(top.storedTitle).toMatch(/overdue/); // the workflow's stored text is left as it was
    expect(inbox.unread).toBe(overdue.items.length + group(endingCase).items.length);

    // Acknowledge all of one case: only its items.
    const one = await postJson(
      `${stack.api.url}/inbox/acknowledge`,
      { caseNumber: overdueCase },
      bearer(leader),
    );
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ acknowledged: overdue.items.length, unread: group(endingCase).items.length });

    // The other case ends (withdrawn): its items are marked, listed last, and no longer unread.
    const withdrawn = await postJson(
      `${stack.api.url}/cases/${endingCase}/actions/withdraw`,
      { reason: '信访人撤回' },
      bearer(clerk),
    );
    expect(withdrawn.status).toBeLessThan(300);
    const after = (await getJson(`${stack.api.url}/inbox`, bearer(leader))).body;
    expect(after.unread).toBe(0);
    expect(after.groups.at(-1)).toMatchObject({ caseNumber: endingCase, caseEnded: true, unacknowledged: 0 });
    expect(after.groups.find((g: any) => g.caseNumber === overdueCase).unacknowledged).toBe(0);

    // Acknowledge all: what is left (the ended case's items) is marked too; a second call marks nothing.
    const all = await postJson(`${stack.api.url}/inbox/acknowledge`, {}, bearer(leader));
    expect(all.body).toEqual({ acknowledged: group(endingCase).items.length, unread: 0 });
    expect((await postJson(`${stack.api.url}/inbox/acknowledge`, {}, bearer(leader))).body.acknowledged).toBe(
      0,
    );
    // Someone else's case number acknowledges nothing of theirs; a malformed body is refused.
    expect(
      (await postJson(`${stack.api.url}/inbox/acknowledge`, { caseNumber: 123 }, bearer(leader))).status,
    ).toBe(400);
  });

  it('in the console: the inbox shows Chinese, local time, the subject, one row per case; the timeline names', async () => {
    // A fresh overdue case for a fresh leader, so the inbox has unacknowledged rows to show.
    const freshLeader = await signIn(stack, unitCode, ['unitLeader'], '周负责');
    const freshCase = await registerBacklog('下水道堵塞');
    const { context, page } = await browser.newPage(freshLeader.token);
    try {
      await page.goto(`${origin}/inbox`);
      const rows = page.getByTestId('inbox-items').locator('tr', { hasText: freshCase });
      await rows.first().waitFor({ timeout: 60_000 });
      // Let the ladder deliver its levels: still one row for the case.
      await page.waitForTimeout(3000);
      await page.reload();
      await rows.first().waitFor();
      expect(await rows.count()).toBe(1);
      const text = (await rows.first().textContent()) ?? '';
      expect(text).toContain('下水道堵塞');
      expect(text).toContain('超期升级');
      expect(text).toContain('分流时限');
      expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      expect(text).not.toMatch(ISO_INSTANT);
      expect(text).not.toMatch(/overdue|triage|due/);
      const inbox = (await getJson(`${stack.api.url}/inbox`, bearer(freshLeader))).body;
      const group = inbox.groups.find((g: any) => g.caseNumber === freshCase);
      expect(text).toContain(shanghai(group.items[0].dueAt));
      await screenshot(page, 'inbox-by-case');

      await rows.first().getByRole('button', { name: '本案全部确认' }).click();
      await rows.first().getByText('已确认').first().waitFor();
      expect(await rows.first().getByRole('button', { name: '确认', exact: true }).count()).toBe(0);
    } finally {
      await context.close();
    }

    const clerkPage = await browser.newPage(clerk.token);
    try {
      await clerkPage.page.goto(`${origin}/cases/${encodeURIComponent(overdueCase)}`);
      const timeline = clerkPage.page.getByTestId('timeline');
      await timeline.getByText('#2').waitFor();
      await timeline.getByText('超期升级').first().waitFor();
      const text = (await timeline.textContent()) ?? '';
      expect(text).toContain('赵登记');
      expect(text).toContain(`${unitName}（${unitCode}）`);
      expect(text).toContain('分流时限');
      expect(text).not.toContain(clerk.userId);
      expect(text).not.toMatch(ISO_INSTANT);
      expect(text).not.toMatch(RAW_CODE);
      await screenshot(clerkPage.page, 'timeline-readable');
    } finally {
      await clerkPage.context.close();
    }
  });
});

import { backfillPetitionerNameIndex, PersonalDataProtector } from '../libs/persistence/src';
import { callApi, getJson, postJson } from './support/http';
import { byUrgency, insertQueueRows } from './support/queue-rows';
import { createUnit, startTestStack, type TestStack } from './support/stack';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';

const HOUR = 3_600_000;

/** The work queue on the server (issue 13, point 1): urgency order over all pages, total, views, search. */
describe('the case queue', () => {
  let stack: TestStack;
  const list = async (who: SignedIn, query: string) => {
    const reply = await getJson(`${stack.api.url}/cases?${query}`, bearer(who));
    expect(reply.status).toBe(200);
    return reply.body as { items: any[]; nextCursor: string | null; total: number };
  };
  const numbersOf = (page: { items: any[] }) => page.items.map((item) => item.caseNumber);

  beforeAll(async () => {
    stack = await startTestStack();
  }, 120_000);
  afterAll(() => stack?.close());

  it('orders by urgency across all pages, stably while new cases arrive, and counts the total', async () => {
    const unit = await createUnit(stack.db, '队列排序测试');
    const reader = await signIn(stack, unit, ['supervisor'], '督查员');
    const now = Date.now();
    // 40 cases: overdue levels 0..3, due times spread over ±3 days, every fifth without a clock.
    const existing = await insertQueueRows(
      stack.db,
      unit,
      Array.from({ length: 40 }, (_, i) => ({
        overdueLevel: i % 4,
        dueAt: i % 5 === 0 ? null : new Date(now + ((i * 37) % 144) * HOUR - 72 * HOUR),
        registeredAt: new Date(now - i * 60_000),
      })),
    );
    const seen: any[] = [];
    let cursor: string | null = null;
    let firstTotal: number | undefined;
    let arrivals = 0;
    do {
      // New cases arrive while the page is read: the most urgent of all, and some with no clock.
      const [page]: [{ items: any[]; nextCursor: string | null; total: number }, unknown] = await Promise.all(
        [
          list(reader, `unit=${unit}&limit=7${cursor ? `&cursor=${cursor}` : ''}`),
          insertQueueRows(stack.db, unit, [
            { overdueLevel: 4, dueAt: new Date(now - 100 * HOUR) },
            { overdueLevel: 0, dueAt: null },
          ]),
        ],
      );
      arrivals += 2;
      firstTotal ??= page.total;
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(firstTotal).toBeGreaterThanOrEqual(40);
    expect(firstTotal).toBeLessThanOrEqual(42);
    // Each case at most once; every case that existed before, exactly once, in urgency order.
    expect(new Set(seen.map((row) => row.caseNumber)).size).toBe(seen.length);
    const fromBefore = seen.filter((row) => existing.includes(row.caseNumber));
    expect(fromBefore.map((row) => row.caseNumber).sort()).toEqual([...existing].sort());
    expect(fromBefore).toEqual([...fromBefore].sort(byUrgency));
    // Worked example: the first rows are level 3, earliest due first; cases without a clock end each level.
    expect(fromBefore[0].overdueLevel).toBe(3);
    const level0 = fromBefore.filter((row) => row.overdueLevel === 0);
    expect(level0.at(-1).dueAt).toBeNull();
    expect((await list(reader, `unit=${unit}&limit=1`)).total).toBe(40 + arrivals);
  });

  it('offers the views: held by my unit, mine, leading, due today, due within N days, overdue', async () => {
    const unit = await createUnit(stack.db, '队列视图测试');
    const below = `${unit}-01`;
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES ($1, '下级', 'town', $2)`,
      [below, unit],
    );
    const me = await signIn(stack, unit, ['unitLeader'], '包案领导');
    const other = await signIn(stack, unit, ['clerk'], '登记员');
    const outsider = await signIn(stack, await createUnit(stack.db, '别处'), ['supervisor'], '别处督查');
    const now = Date.now();
    const [held, handled, led, dueSoon, dueLater, overdue] = await insertQueueRows(stack.db, unit, [
      { dueAt: new Date(now + 30 * 24 * HOUR) },
      { holdingUnit: below, handlerUserId: me.userId, dueAt: new Date(now + 20 * 24 * HOUR) },
      { holdingUnit: below, packageLeaderUserId: me.userId, dueAt: null },
      { holdingUnit: below, dueAt: new Date(now + 2 * 24 * HOUR) },
      { holdingUnit: below, dueAt: new Date(now + 9 * 24 * HOUR) },
      { holdingUnit: below, dueAt: new Date(now - 2 * HOUR), overdueLevel: 2 },
    ]);
    const sorted = (page: { items: any[] }) => numbersOf(page).sort();
    expect(sorted(await list(me, `view=heldByMyUnit&unit=${unit}`))).toEqual([held].sort());
    expect(sorted(await list(me, `view=mine&unit=${unit}`))).toEqual([handled, led].sort());
    expect(sorted(await list(me, `view=leading&unit=${unit}`))).toEqual([led]);
    expect(sorted(await list(other, `view=mine&unit=${unit}`))).toEqual([]);
    expect(sorted(await list(me, `view=overdue&unit=${unit}`))).toEqual([overdue]);
    // 3 days: from now to the end of the third office day after today — 2 days out is in, 9 days out not.
    const within3 = await list(me, `dueWithinDays=3&unit=${unit}`);
    expect(sorted(within3)).toEqual([dueSoon]);
    expect(within3.total).toBe(1);
    expect(sorted(await list(me, `dueWithinDays=10&unit=${unit}`))).toEqual([dueSoon, dueLater].sort());
    // A case due later today (office day, Asia/Shanghai) is due today; one due in 2 days is not.
    const [today] = await insertQueueRows(stack.db, unit, [
      { holdingUnit: below, dueAt: endOfShanghaiDay() },
    ]);
    expect(numbersOf(await list(me, `view=dueToday&unit=${unit}`))).toContain(today);
    expect(numbersOf(await list(me, `view=dueToday&unit=${unit}`))).not.toContain(dueSoon);
    // The total respects visibility: the same filter from another district counts nothing.
    const all = await list(me, `unit=${unit}`);
    expect(all.total).toBe(7);
    expect((await list(outsider, `unit=${unit}`)).total).toBe(0);
    const bad = await getJson(`${stack.api.url}/cases?view=everything`, bearer(me));
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'view' })]);
  });

  it('finds a case by its number, exactly or by its beginning, and by its petitioner through blind indexes only', async () => {
    const unit = await createUnit(stack.db, '队列检索测试');
    const clerk = await signIn(stack, unit, ['clerk'], '登记员');
    const register = async (name: string, idNumber: string, phone: string) => {
      const created = await postJson(
        `${stack.api.url}/cases`,
        {
          channel: 'visit',
          petitioner: { name, idNumber, phone },
          category: 'grievance',
          subject: '检索测试',
          content: '检索测试内容',
          unitCode: unit,
        },
        bearer(clerk),
      );
      expect(created.status).toBe(201);
      return created.body.caseNumber as string;
    };
    const first = await register('欧阳 娜娜', '11010519491231002X', '13912345678');
    const second = await register('李四', '440305198506120015', '13800001111');

    expect(numbersOf(await list(clerk, `caseNumber=${first}`))).toEqual([first]);
    expect(numbersOf(await list(clerk, `caseNumber=${first.toLowerCase()}`))).toEqual([first]);
    const prefix = await list(clerk, `caseNumber=${unit}-`);
    expect(numbersOf(prefix).sort()).toEqual([first, second].sort());
    expect(prefix.total).toBe(2);
    expect(numbersOf(await list(clerk, `caseNumber=${unit}-1999-`))).toEqual([]);

    expect(numbersOf(await list(clerk, `petitionerIdNumber=11010519491231002x`))).toEqual([first]);
    expect(numbersOf(await list(clerk, `petitionerPhone=138-0000-1111`))).toEqual([second]);
    // The name, typed with or without the space, through its blind index.
    expect(numbersOf(await list(clerk, `petitionerName=${encodeURIComponent('欧阳娜娜')}`))).toEqual([first]);
    expect(numbersOf(await list(clerk, `petitionerName=${encodeURIComponent(' 欧阳 娜娜')}`))).toEqual([
      first,
    ]);
    // The queue row shows the petitioner masked.
    const row = (await list(clerk, `caseNumber=${second}`)).items[0];
    expect(row.petitionerMasked).toBe('李*');
    expect(JSON.stringify(row)).not.toContain('李四');

    // The search reads the index, never the plain name: the stored name changed behind the index's back
    // is still found under the indexed name and not under its new plain text.
    const stored = await stack.db.query(
      `SELECT petitioner_name_bidx FROM case_submissions WHERE case_number = $1`,
      [second],
    );
    const protector = stack.api.app.get(PersonalDataProtector);
    expect(stored[0].petitioner_name_bidx).toBe(protector.blindIndex('name', '李四'));
    expect(stored[0].petitioner_name_bidx).not.toContain('李四');
    await stack.db.query(`UPDATE case_submissions SET petitioner_name = '王五六' WHERE case_number = $1`, [
      second,
    ]);
    expect(numbersOf(await list(clerk, `petitionerName=${encodeURIComponent('李四')}`))).toEqual([second]);
    expect(numbersOf(await list(clerk, `petitionerName=${encodeURIComponent('王五六')}`))).toEqual([]);
    await stack.db.query(`UPDATE case_submissions SET petitioner_name = '李四' WHERE case_number = $1`, [
      second,
    ]);
  });

  it('hides the petitioner of an accusation in the queue rows', async () => {
    const unit = await createUnit(stack.db, '检举队列测试');
    const clerk = await signIn(stack, unit, ['clerk'], '登记员');
    const created = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'letter',
        petitioner: { name: '举报人甲' },
        category: 'accusation',
        subject: '检举测试',
        content: '检举内容',
        unitCode: unit,
      },
      bearer(clerk),
    );
    expect(created.status).toBe(201);
    const row = (await list(clerk, `caseNumber=${created.body.caseNumber}`)).items[0];
    expect(row.petitionerMasked).toBeNull();
  });

  it('fills the name index of submissions stored before it existed', async () => {
    const unit = await createUnit(stack.db, '补索引测试');
    const reader = await signIn(stack, unit, ['supervisor'], '督查员');
    const [old] = await insertQueueRows(stack.db, unit, [{ petitionerName: '陈旧' }]);
    const protector = stack.api.app.get(PersonalDataProtector);
    expect(await backfillPetitionerNameIndex(stack.db, protector)).toBeGreaterThanOrEqual(1);
    expect(await backfillPetitionerNameIndex(stack.db, protector)).toBe(0);
    expect(
      numbersOf(await list(reader, `petitionerName=${encodeURIComponent('陈旧')}&unit=${unit}`)),
    ).toEqual([old]);
  });

  it("keeps each user's saved views, refuses a duplicate name and a filter the list would refuse", async () => {
    const unit = await createUnit(stack.db, '视图保存测试');
    const me = await signIn(stack, unit, ['clerk'], '登记员');
    const other = await signIn(stack, unit, ['clerk'], '另一位');
    const filters = { view: 'heldByMyUnit', dueWithinDays: '3', status: 'accepted,inHandling' };
    const saved = await callApi(stack.api, 'POST', '/case-views', { name: '三日内到期', filters }, me.token);
    expect(saved.status).toBe(201);
    expect(saved.body).toEqual(expect.objectContaining({ name: '三日内到期', filters }));
    const again = await callApi(stack.api, 'POST', '/case-views', { name: '三日内到期', filters }, me.token);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SAVED_VIEW_NAME_TAKEN');
    const bad = await callApi(
      stack.api,
      'POST',
      '/case-views',
      { name: '坏视图', filters: { view: 'everything', cursor: 'x' } },
      me.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((field: any) => field.field).sort()).toEqual([
      'filters.cursor',
      'filters.view',
    ]);
    expect((await callApi(stack.api, 'GET', '/case-views', undefined, me.token)).body).toEqual([saved.body]);
    expect((await callApi(stack.api, 'GET', '/case-views', undefined, other.token)).body).toEqual([]);
    // The saved filters are the list's own query string: applied as they are, they list.
    const query = new URLSearchParams(saved.body.filters).toString();
    expect((await getJson(`${stack.api.url}/cases?${query}`, bearer(me))).status).toBe(200);
    const removeAs = (who: SignedIn) =>
      fetch(`${stack.api.url}/case-views/${saved.body.id}`, { method: 'DELETE', headers: bearer(who) });
    expect((await removeAs(other)).status).toBe(404);
    expect((await removeAs(me)).status).toBe(204);
    expect((await callApi(stack.api, 'GET', '/case-views', undefined, me.token)).body).toEqual([]);
  });
});

/** 23:59 today in the office's zone (Asia/Shanghai, UTC+8, no daylight saving). */
function endOfShanghaiDay(): Date {
  const shanghai = new Date(Date.now() + 8 * HOUR);
  const day = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate());
  return new Date(day + 24 * HOUR - 8 * HOUR - 60_000);
}

import { getJson } from './support/http';
import { startTestStack, type TestStack, uniqueId } from './support/stack';
import { bearer, signIn } from './support/staff-sessions';

/** The unit directory staff choose units from: their whole tree, never another tree. */
describe('unit directory', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(() => stack?.close());

  it("lists the whole tree of the caller's unit from its top, each unit after its parent, and no other tree", async () => {
    const district = `U${uniqueId(6)}`;
    const other = `V${uniqueId(6)}`;
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES
         ($1, '目录区', 'district', NULL), ($1 || '-A', '甲镇', 'town', $1), ($1 || '-B', '乙镇', 'town', $1),
         ($1 || '-A-1', '甲镇一村', 'village', $1 || '-A'), ($2, '别的区', 'district', NULL)`,
      [district, other],
    );
    // A village clerk sees the district, both towns and the villages: the tree, not only their own line.
    const clerk = await signIn(stack, `${district}-A-1`, ['clerk'], '村登记员');
    const listed = await getJson(`${stack.api.url}/units`, bearer(clerk));
    expect(listed.status).toBe(200);
    expect(
      listed.body.items.map((unit: { code: string; parentCode: string | null; depth: number }) => [
        unit.code,
        unit.parentCode,
        unit.depth,
      ]),
    ).toEqual([
      [district, null, 0],
      [`${district}-A`, district, 1],
      [`${district}-A-1`, `${district}-A`, 2],
      [`${district}-B`, district, 1],
    ]);
    expect(listed.body.items[0]).toMatchObject({ name: '目录区', level: 'district' });
  });
});

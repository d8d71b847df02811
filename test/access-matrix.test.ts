import { STAFF_ACTION_TYPES } from '../apps/api/src/actions/action-dtos';
import { ROLES, type Role } from '../libs/domain/src/org/roles';
import { postJson } from './support/http';
import { startTestStack, type TestStack, uniqueId } from './support/stack';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';

/**
 * Which role may use which endpoint, written out by hand (not derived from the code's maps): one flag per
 * role in the order clerk, handler, unitLeader, packageLeader, supervisor, admin. ✓ allowed, · denied.
 * Case actions are probed with a body no action accepts, so an allowed caller gets 400 and nothing changes.
 */
const ROLE_TABLE: [endpoint: string, flags: string][] = [
  // endpoint                              cl ha ul pl su ad
  ['POST /cases', '                        ✓  ·  ·  ·  ·  ·'],
  ['GET /cases (list)', '                  ✓  ✓  ✓  ✓  ✓  ·'],
  ['GET /cases/:n', '                      ✓  ✓  ✓  ✓  ✓  ·'],
  ['GET /cases/:n/timeline', '             ✓  ✓  ✓  ✓  ✓  ·'],
  ['GET /cases/:n/timeline.csv', '         ✓  ·  ✓  ✓  ✓  ·'],
  ['GET /cases/:n/verification', '         ✓  ✓  ✓  ✓  ✓  ·'],
  ['GET /cases/:n/petitioner', '           ✓  ✓  ✓  ✓  ✓  ·'],
  ['POST /cases/:n/petitioner/reveal', '   ✓  ✓  ✓  ·  ·  ·'],
  ['GET /cases/:n/notices', '              ✓  ✓  ✓  ✓  ✓  ·'],
  ['GET /cases/:n/notices/:id.pdf', '       ✓  ✓  ✓  ✓  ✓  ·'],
  ['POST /cases/:n/attachments', '         ✓  ✓  ✓  ✓  ·  ·'],
  ['GET /cases/:n/attachments', '          ✓  ✓  ✓  ✓  ✓  ·'],
  ['GET /cases/:n/attachments/:id', '      ✓  ✓  ✓  ✓  ✓  ·'],
  ['POST /cases/:n/actions/accept', '      ✓  ·  ✓  ·  ·  ·'],
  ['POST /cases/:n/actions/transfer', '    ✓  ·  ✓  ·  ·  ·'],
  ['POST /cases/:n/actions/assignDown', '  ✓  ·  ✓  ·  ·  ·'],
  ['POST /cases/:n/actions/notAccept', '   ✓  ·  ✓  ·  ·  ·'],
  ['POST /cases/:n/actions/objectMisroute', '✓  ·  ✓  ·  ·  ·'],
  ['POST /cases/:n/actions/decideObjection', '·  ·  ✓  ·  ·  ·'],
  ['POST /cases/:n/actions/reportCompletion', '✓  ✓  ✓  ·  ·  ·'],
  ['POST /cases/:n/actions/defineSix', '   ·  ·  ✓  ✓  ·  ·'],
  ['POST /cases/:n/actions/reassign', '    ·  ·  ✓  ✓  ·  ·'],
  ['POST /cases/:n/actions/recordDuty', '  ·  ✓  ✓  ✓  ·  ·'],
  ['POST /cases/:n/actions/requestExtension', '·  ✓  ·  ✓  ·  ·'],
  ['POST /cases/:n/actions/approveExtension', '·  ·  ✓  ·  ·  ·'],
  ['POST /cases/:n/actions/pauseClock', '  ✓  ✓  ✓  ·  ·  ·'],
  ['POST /cases/:n/actions/resumeClock', ' ✓  ✓  ✓  ·  ·  ·'],
  ['POST /cases/:n/actions/reply', '       ·  ✓  ✓  ✓  ·  ·'],
  ['POST /cases/:n/actions/recordDelivery', '✓  ✓  ·  ·  ·  ·'],
  ['POST /cases/:n/actions/recordSatisfaction', '✓  ✓  ·  ·  ·  ·'],
  ['POST /cases/:n/actions/requestReview', '✓  ·  ·  ·  ·  ·'],
  ['POST /cases/:n/actions/decideReview', ' ✓  ·  ✓  ✓  ·  ·'],
  ['POST /cases/:n/actions/requestReReview', '✓  ·  ·  ·  ·  ·'],
  ['POST /cases/:n/actions/decideReReview', '✓  ·  ✓  ✓  ·  ·'],
  ['POST /cases/:n/actions/withdraw', '    ✓  ✓  ·  ·  ·  ·'],
  ['POST /cases/:n/actions/close', '       ✓  ·  ✓  ·  ·  ·'],
  ['POST /cases/:n/actions/instruct', '    ·  ·  ✓  ✓  ·  ·'],
  ['POST /cases/:n/actions/superviseOrder', '·  ·  ·  ·  ✓  ·'],
  ['POST /cases/:n/actions/remind', '      ·  ·  ·  ·  ✓  ·'],
  ['POST /cases/:n/actions/declareInterest', '✓  ✓  ✓  ✓  ✓  ·'],
  ['POST /cases/:n/actions/requestRecusal', '✓  ✓  ✓  ·  ·  ·'],
  ['POST /cases/:n/actions/decideRecusal', '·  ·  ✓  ·  ·  ·'],
  ['GET /inbox', '                         ✓  ✓  ✓  ✓  ✓  ✓'],
  ['GET /inbox/stream', '                  ✓  ✓  ✓  ✓  ✓  ✓'],
  ['POST /inbox/:id/acknowledge', '        ✓  ✓  ✓  ✓  ✓  ✓'],
  ['POST /inbox/acknowledge', '            ✓  ✓  ✓  ✓  ✓  ✓'],
  ['GET /metrics', '                      ·  ·  ✓  ✓  ✓  ·'],
  ['GET /metrics/cases', '                ·  ·  ✓  ✓  ✓  ·'],
  ['GET /units', '                        ✓  ✓  ✓  ✓  ✓  ✓'],
  ['GET /staff', '                        ✓  ✓  ✓  ✓  ✓  ✓'],
  ['GET /admin/units', '                   ·  ·  ·  ·  ·  ✓'],
  ['POST /admin/units', '                  ·  ·  ·  ·  ·  ✓'],
  ['PUT /admin/units/:id/notice-numbering', '·  ·  ·  ·  ·  ✓'],
  ['GET /admin/users', '                   ·  ·  ·  ·  ·  ✓'],
  ['POST /admin/users', '                  ·  ·  ·  ·  ·  ✓'],
  ['PUT /admin/users/:id/roles', '         ·  ·  ·  ·  ·  ✓'],
  ['POST /admin/users/:id/deactivate', '   ·  ·  ·  ·  ·  ✓'],
  ['POST /admin/users/:id/reactivate', '   ·  ·  ·  ·  ·  ✓'],
  ['POST /admin/users/:id/reset-credentials', '·  ·  ·  ·  ·  ✓'],
  ['GET /admin/audit', '                   ·  ·  ·  ·  ·  ✓'],
  ['POST /reception-sessions', '           ·  ·  ✓  ·  ·  ✓'],
  ['GET /reception-sessions', '            ✓  ✓  ✓  ✓  ✓  ✓'],
  ['GET /reception-sessions/:id', '        ✓  ✓  ✓  ✓  ✓  ·'],
  ['GET /admin/notice-templates/acceptance', '·  ·  ·  ·  ·  ✓'],
  ['PUT /admin/notice-templates/acceptance', '·  ·  ·  ·  ·  ✓'],
  ['GET /admin/policies', '                ·  ·  ·  ·  ·  ✓'],
  ['POST /admin/policies', '               ·  ·  ·  ·  ·  ✓'],
  ['GET /admin/calendars', '               ·  ·  ·  ·  ·  ✓'],
  ['POST /admin/calendars', '              ·  ·  ·  ·  ·  ✓'],
];

/**
 * Where the caller sits relative to the two cases. The plain case is held by the town; the accusation is
 * held by the district, arises in the town and accuses the town and one person in the district.
 *   town   — staff of the town (for the accusation: the accused unit)
 *   district — staff of the district above the town
 *   accused — district staff named as the accused person
 *   other  — staff of an unrelated district
 */
const PLACEMENTS = ['town', 'district', 'accused', 'other'] as const;
type Placement = (typeof PLACEMENTS)[number];
const CASES = ['plain', 'accusation'] as const;
type CaseKind = (typeof CASES)[number];

const VISIBLE: Record<CaseKind, Record<Placement, boolean>> = {
  //           town   district accused other
  plain: { town: true, district: true, accused: true, other: false },
  accusation: { town: false, district: true, accused: false, other: false },
};

/** What a caller gets: through, refused for the role (403), or told the case does not exist (404). */
type Outcome = 'allowed' | 'ROLE_NOT_ALLOWED' | 'CASE_NOT_FOUND';

function roleAllows(flags: string, role: Role): boolean {
  const marks = flags.trim().split(/\s+/);
  if (marks.length !== ROLES.length) throw new Error(`malformed row: ${flags}`);
  return marks[ROLES.indexOf(role)] === '✓';
}

describe('the access matrix: every endpoint × role × unit placement × accused or not', () => {
  let stack: TestStack;
  let people: Record<Placement, Record<Role, SignedIn>>;
  let caseNumbers: Record<CaseKind, string>;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    stack = await startTestStack();
    const district = `M${uniqueId(6)}`;
    const town = `${district}-T`;
    const other = `X${uniqueId(6)}`;
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES ($1, '矩阵区', 'district', NULL), ($2, '矩阵镇', 'town', $1), ($3, '无关区', 'district', NULL)`,
      [district, town, other],
    );
    const unitOf: Record<Placement, string> = { town, district, accused: district, other };
    people = {} as typeof people;
    for (const placement of PLACEMENTS) {
      people[placement] = {} as Record<Role, SignedIn>;
      for (const role of ROLES) {
        people[placement][role] = await signIn(stack, unitOf[placement], [role], `${placement}-${role}`);
      }
    }
    const register = async (clerk: SignedIn, body: object) => {
      const created = await postJson(
        `${stack.api.url}/cases`,
        {
          channel: 'letter',
          petitioner: { name: '矩阵', idNumber: '11010519491231002X', phone: '13912345678' },
          content: '内容',
          unitCode: town,
          ...body,
        },
        bearer(clerk),
      );
      expect(created.status).toBe(201);
      return created.body.caseNumber as string;
    };
    caseNumbers = {
      plain: await register(people.town.clerk, { category: 'grievance', subject: '普通诉求' }),
      accusation: await register(people.district.clerk, {
        category: 'accusation',
        subject: '检举镇干部',
        accused: { unitCodes: [town], userIds: ROLES.map((role) => people.accused[role].userId) },
      }),
    };
  });

  afterAll(async () => {
    await stack?.close();
    process.env = savedEnv;
  });

  /** How the server answered: a refusal code, or through (any other answer, e.g. 200 or a 400 for the probe body). */
  async function outcome(endpoint: string, who: SignedIn, kind: CaseKind): Promise<Outcome> {
    const caseNumber = caseNumbers[kind];
    const [method, pathTemplate] = endpoint.split(' ') as [string, string];
    const path = pathTemplate.replace(':n', caseNumber).replace(':id', '0');
    const url = `${stack.api.url}${path}`;
    const headers = { ...bearer(who), 'content-type': 'application/json' };
    if (endpoint === 'GET /cases (list)') {
      const response = await fetch(`${stack.api.url}/cases?limit=100`, { headers });
      const body = (await response.json()) as { code?: string; items?: { caseNumber: string }[] };
      if (response.status === 403) return body.code as Outcome;
      expect(response.status).toBe(200);
      return body.items!.some((item) => item.caseNumber === caseNumber) ? 'allowed' : 'CASE_NOT_FOUND';
    }
    if (endpoint === 'GET /inbox/stream') {
      const controller = new AbortController();
      const response = await fetch(url, { headers, signal: controller.signal });
      controller.abort();
      return response.status === 200 ? 'allowed' : 'ROLE_NOT_ALLOWED';
    }
    const body =
      endpoint === 'POST /cases'
        ? '{}'
        : endpoint.endsWith('/reveal')
          ? JSON.stringify({ reason: '访问矩阵测试' })
          : method !== 'GET'
            ? JSON.stringify({ probeField: true })
            : undefined;
    const response = await fetch(url, { method, headers, body });
    expect(response.status).not.toBe(401);
    const text = await response.text();
    const code = response.headers.get('content-type')?.includes('json')
      ? (JSON.parse(text) as { code?: string }).code
      : undefined;
    return code === 'ROLE_NOT_ALLOWED' || code === 'CASE_NOT_FOUND' ? code : 'allowed';
  }

  it('covers every staff action the API offers', () => {
    const probed = ROLE_TABLE.map(([endpoint]) => /actions\/(\w+)$/.exec(endpoint)?.[1]).filter(Boolean);
    expect(probed.sort()).toEqual([...STAFF_ACTION_TYPES].sort());
  });

  it('matches the table exactly: no unexpected allow, no unexpected deny, the role refused before the case', async () => {
    const unexpectedAllow: string[] = [];
    const unexpectedDeny: string[] = [];
    const wrongRefusal: string[] = [];
    let cells = 0;
    for (const [endpoint, flags] of ROLE_TABLE) {
      const caseScoped = endpoint.includes(':n') || endpoint.includes('(list)');
      for (const role of ROLES) {
        for (const placement of PLACEMENTS) {
          for (const kind of CASES) {
            // The role is judged first: a caller without it learns nothing about the case.
            const expected: Outcome = !roleAllows(flags, role)
              ? 'ROLE_NOT_ALLOWED'
              : caseScoped && !VISIBLE[kind][placement]
                ? 'CASE_NOT_FOUND'
                : 'allowed';
            const actual = await outcome(endpoint, people[placement][role], kind);
            cells++;
            const cell = `${endpoint} · ${role} · ${placement} · ${kind}: ${actual}, expected ${expected}`;
            if (actual === 'allowed' && expected !== 'allowed') unexpectedAllow.push(cell);
            else if (actual !== 'allowed' && expected === 'allowed') unexpectedDeny.push(cell);
            else if (actual !== expected) wrongRefusal.push(cell);
          }
        }
      }
    }
    expect({ unexpectedAllow, unexpectedDeny, wrongRefusal }).toEqual({
      unexpectedAllow: [],
      unexpectedDeny: [],
      wrongRefusal: [],
    });
    expect(cells).toBe(ROLE_TABLE.length * ROLES.length * PLACEMENTS.length * CASES.length);
  });

  it('recorded every read of the accusation, and no read of the plain case', async () => {
    const reads: { case_number: string; reason: string; n: number }[] = await stack.db.query(
      `SELECT case_number, reason, count(*)::int AS n FROM access_audit
       WHERE case_number = ANY($1) AND action = 'readAccusationCase' GROUP BY case_number, reason ORDER BY reason`,
      [Object.values(caseNumbers)],
    );
    // The district's staff (one placement) with the role to read, per endpoint: 5 readers, 4 exporters;
    // notices and attachments are each read through two endpoints (the list and one file).
    expect(reads).toEqual([
      { case_number: caseNumbers.accusation, reason: 'attachments', n: 10 },
      { case_number: caseNumbers.accusation, reason: 'detail', n: 5 },
      { case_number: caseNumbers.accusation, reason: 'notices', n: 10 },
      { case_number: caseNumbers.accusation, reason: 'petitioner', n: 5 },
      { case_number: caseNumbers.accusation, reason: 'timeline', n: 5 },
      { case_number: caseNumbers.accusation, reason: 'timelineCsv', n: 4 },
      { case_number: caseNumbers.accusation, reason: 'verification', n: 5 },
    ]);
  });

  it("lists staff on the caller's unit line only: the unit, above and below; never another tree", async () => {
    const staffOf = async (who: SignedIn, query = '') => {
      const response = await fetch(`${stack.api.url}/staff?limit=100${query}`, { headers: bearer(who) });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { items: Record<string, unknown>[] };
      return body.items;
    };
    const idsOf = (placement: Placement) =>
      ROLES.filter((role) => role !== 'admin').map((role) => people[placement][role].userId);
    const townIds = idsOf('town');
    const districtIds = [...idsOf('district'), ...idsOf('accused')];
    const otherIds = idsOf('other');
    // The town's clerk sees the town and the district above it, not the unrelated district.
    const fromTown = (await staffOf(people.town.clerk)).map((entry) => entry.id);
    expect(fromTown).toEqual(expect.arrayContaining([...townIds, ...districtIds]));
    expect(fromTown.filter((id) => otherIds.includes(id as string))).toEqual([]);
    // The district's leader sees the town below; the other district sees neither.
    const fromDistrict = (await staffOf(people.district.unitLeader)).map((entry) => entry.id);
    expect(fromDistrict).toEqual(expect.arrayContaining(townIds));
    const fromOther = (await staffOf(people.other.clerk)).map((entry) => entry.id);
    expect(fromOther.filter((id) => [...townIds, ...districtIds].includes(id as string))).toEqual([]);
    // Administrators handle no case and are not offered; only name, roles and unit are given.
    expect(fromTown).not.toContain(people.town.admin.userId);
    const handlers = await staffOf(people.town.clerk, `&role=handler&unit=${people.town.handler.unitCode}`);
    expect(handlers.map((e) => e.id)).toEqual([people.town.handler.userId]);
    const [entry] = handlers;
    expect(Object.keys(entry!).sort()).toEqual(['id', 'name', 'roles', 'unitCode', 'unitName']);
    expect(entry!.roles).toContain('handler');
  });

  it('refuses every endpoint without a session', async () => {
    for (const [endpoint] of ROLE_TABLE) {
      const [method, pathTemplate] = endpoint.replace(' (list)', '').split(' ') as [string, string];
      const path = pathTemplate.replace(':n', caseNumbers.plain).replace(':id', '0');
      const response = await fetch(`${stack.api.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
      });
      expect([endpoint, response.status]).toEqual([endpoint, 401]);
    }
  });
});

import { type Client } from '@temporalio/client';
import { type DataSource } from 'typeorm';
import { type CaseAction, type Principal, type Role } from '../libs/domain/src';
import { addDays } from '../libs/domain/src/clock/local-date';
import { localDateAt } from '../libs/domain/src/clock/time-zone';
import { DEFAULT_POLICY } from '../libs/domain/src/policy/default-policy';
import { mainlandCalendar, mainlandYearsAvailable } from '../libs/domain/src/clock/mainland-calendar';
import { actUpdate } from '../workflows/case-messages';
import { caseWorkflowId } from '../workflows/workflow-ids';
import { type PersonalDataProtector } from '../libs/persistence/src';
import { DemoSessions, seedDemoCredentials } from './demo-sessions';

/**
 * Demo data: a district's unit tree, users for every role, the policy and calendar, and a few hundred
 * cases in varied states. Organisation data is written to its tables; every case is registered over
 * HTTP and moved through its real workflow with the same Updates staff use. Idempotent: a second run
 * finds the cases by their Idempotency-Keys and skips what is already done.
 */
export interface DemoContext {
  owner: DataSource;
  apiUrl: string;
  temporal: Client;
  /** Encrypts the demo accounts' TOTP secrets, as the API does for everyone. */
  protector: PersonalDataProtector;
  cases: number;
  onProgress?: (line: string) => void;
}

const TOP = 'QX';
const UNITS = [
  { code: 'QX-DH', name: '东湖镇', level: 'town', parentCode: TOP },
  { code: 'QX-XS', name: '西山镇', level: 'town', parentCode: TOP },
  { code: 'QX-CG', name: '城关街道', level: 'town', parentCode: TOP },
  { code: 'QX-BH', name: '滨河街道', level: 'town', parentCode: TOP },
  { code: 'QX-ZJ', name: '区住房和城乡建设局', level: 'department', parentCode: TOP },
  { code: 'QX-RS', name: '区人力资源和社会保障局', level: 'department', parentCode: TOP },
  { code: 'QX-ZR', name: '区自然资源局', level: 'department', parentCode: TOP },
  { code: 'QX-JY', name: '区教育局', level: 'department', parentCode: TOP },
  { code: 'QX-DH-01', name: '东湖村', level: 'village', parentCode: 'QX-DH' },
  { code: 'QX-DH-02', name: '桃园村', level: 'village', parentCode: 'QX-DH' },
  { code: 'QX-XS-01', name: '西山村', level: 'village', parentCode: 'QX-XS' },
  { code: 'QX-CG-01', name: '城关社区', level: 'village', parentCode: 'QX-CG' },
  { code: 'QX-BH-01', name: '滨河社区', level: 'village', parentCode: 'QX-BH' },
] as const;
/** Units that receive and handle petitions in the demo. */
const HANDLING_UNITS = UNITS.filter((unit) => unit.level !== 'village').map((unit) => unit.code);
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
];

const MATTERS: { category: 'suggestion' | 'accusation' | 'grievance'; subject: string; content: string }[] = [
  {
    category: 'grievance',
    subject: '拖欠农民工工资',
    content: '某建筑公司在本镇项目拖欠农民工工资三个月，多次讨要未果，请求协调解决。',
  },
  {
    category: 'grievance',
    subject: '征地补偿款未到位',
    content: '村里土地被征收两年，补偿款至今未足额发放，请求核查。',
  },
  {
    category: 'grievance',
    subject: '小区物业乱收费',
    content: '物业公司擅自提高物业费并收取停车管理费，业主意见很大。',
  },
  {
    category: 'grievance',
    subject: '房屋漏水无人维修',
    content: '安置房屋顶漏水，开发商和物业互相推诿，雨天无法居住。',
  },
  {
    category: 'grievance',
    subject: '夜间施工噪音扰民',
    content: '附近工地夜间持续施工，噪音严重影响居民休息。',
  },
  {
    category: 'grievance',
    subject: '养老保险待遇核定',
    content: '退休后养老保险待遇核定偏低，认为缴费年限计算有误。',
  },
  {
    category: 'suggestion',
    subject: '建议增设公交线路',
    content: '城关街道至区人民医院没有直达公交，建议增设线路方便群众就医。',
  },
  {
    category: 'suggestion',
    subject: '建议修缮村道',
    content: '桃园村村道破损严重，雨天积水，建议纳入农村公路改造计划。',
  },
  {
    category: 'suggestion',
    subject: '建议延长图书馆开放时间',
    content: '区图书馆周末开放时间较短，建议延长至晚上八点。',
  },
  {
    category: 'accusation',
    subject: '反映村干部优亲厚友',
    content: '反映村干部在低保评定中优亲厚友，请求调查核实。',
  },
  {
    category: 'accusation',
    subject: '反映违规占用耕地建房',
    content: '有人在基本农田上违规建房，请求自然资源部门依法查处。',
  },
];

type Stage =
  | 'registered'
  | 'transferred'
  | 'accepted'
  | 'inHandling'
  | 'replied'
  | 'underReview'
  | 'reviewed'
  | 'concluded'
  | 'notAccepted'
  | 'withdrawn';
/** How many of every 20 cases end in each stage. */
const STAGE_MIX: [Stage, number][] = [
  ['registered', 3],
  ['transferred', 1],
  ['accepted', 2],
  ['inHandling', 6],
  ['replied', 2],
  ['underReview', 1],
  ['reviewed', 1],
  ['concluded', 1],
  ['notAccepted', 2],
  ['withdrawn', 1],
];

function stageOf(index: number): Stage {
  let slot = index % 20;
  for (const [stage, count] of STAGE_MIX) {
    if (slot < count) return stage;
    slot -= count;
  }
  return 'registered';
}

function personName(seed: number): string {
  return `${SURNAMES[seed % SURNAMES.length]}${GIVEN[(seed * 7) % GIVEN.length]}${seed % 3 === 0 ? GIVEN[(seed * 11) % GIVEN.length] : ''}`;
}

function principalOf(unitCode: string, role: Role, n = 1): Principal {
  const userId = `${unitCode.toLowerCase()}-${role.toLowerCase()}-${n}`;
  return {
    userId,
    name: personName([...userId].reduce((sum, ch) => sum + ch.charCodeAt(0), 0)),
    role,
    unitCode,
  };
}

/** Every unit gets a clerk, two handlers and a leader; the district also package leaders, supervisors and an administrator. */
function demoUsers(): Principal[] {
  const users: Principal[] = [];
  for (const code of [TOP, ...UNITS.map((unit) => unit.code)]) {
    users.push(
      principalOf(code, 'clerk'),
      principalOf(code, 'handler', 1),
      principalOf(code, 'handler', 2),
      principalOf(code, 'unitLeader'),
    );
  }
  users.push(principalOf(TOP, 'packageLeader', 1), principalOf(TOP, 'packageLeader', 2));
  users.push(principalOf(TOP, 'supervisor', 1), principalOf(TOP, 'supervisor', 2), principalOf(TOP, 'admin'));
  return users;
}

async function seedOrganisation(owner: DataSource, protector: PersonalDataProtector): Promise<void> {
  await owner.transaction(async (tx) => {
    for (const unit of UNITS) {
      await tx.query(
        `INSERT INTO units (code, name, level, parent_code) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING`,
        [unit.code, unit.name, unit.level, unit.parentCode],
      );
    }
    for (const user of demoUsers()) {
      await tx.query(
        `INSERT INTO users (id, username, name, unit_code) VALUES ($1, $1, $2, $3) ON CONFLICT (id) DO NOTHING`,
        [user.userId, user.name, user.unitCode],
      );
      await tx.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        user.userId,
        user.role,
      ]);
    }
    await seedDemoCredentials(
      tx,
      demoUsers().map((user) => user.userId),
      protector,
    );
    await tx.query(
      `INSERT INTO policies (version, document, created_by) VALUES ($1, $2, 'demo') ON CONFLICT DO NOTHING`,
      [DEFAULT_POLICY.version, DEFAULT_POLICY],
    );
    const years = mainlandYearsAvailable();
    const calendar = mainlandCalendar(Math.max(years.from, years.to - 2), years.to);
    await tx.query(
      `INSERT INTO calendars (version, document, created_by) VALUES ($1, $2, 'demo') ON CONFLICT DO NOTHING`,
      [calendar.version ?? `mainland-${years.to}`, calendar],
    );
  });
}

/** The Updates that take a freshly registered case at `unit` to `stage`, with who performs each. */
function stepsTo(stage: Stage, unit: string, index: number, today: string): [CaseAction, Principal][] {
  const clerk = principalOf(unit, 'clerk');
  const handler = principalOf(unit, 'handler', 1 + (index % 2));
  const leader = principalOf(unit, 'unitLeader');
  const districtClerk = principalOf(TOP, 'clerk');
  const districtLeader = principalOf(TOP, 'unitLeader');
  const accept: [CaseAction, Principal] = [{ type: 'accept' }, clerk];
  const defineSix: [CaseAction, Principal] = [
    {
      type: 'defineSix',
      defines: {
        packageLeader: principalOf(TOP, 'packageLeader', 1 + (index % 2)),
        responsibleUnitCode: unit,
        handler,
        resolutionPlan: '调查核实情况，约谈相关单位，依法依规提出处理意见。',
        completionDeadline: addDays(today, 45),
        targetOutcome: '问题依法解决，信访人息诉罢访。',
      },
    },
    leader,
  ];
  const duties: [CaseAction, Principal][] = [
    [
      {
        type: 'recordDuty',
        duty: 'investigate',
        performedBy: [handler],
        performedOn: today,
        summary: '实地走访，调取相关材料。',
        evidenceRefs: ['demo-evidence/visit-record'],
      },
      handler,
    ],
    [
      {
        type: 'recordDuty',
        duty: 'explainPolicy',
        performedBy: [handler],
        performedOn: today,
        summary: '向信访人解释相关法律政策。',
        evidenceRefs: ['demo-evidence/interview-notes'],
      },
      handler,
    ],
  ];
  const reply: [CaseAction, Principal][] = [
    [
      {
        type: 'reply',
        outcome: index % 3 === 0 ? 'support' : 'explain',
        reasons: '经调查核实，诉求部分合理，已责成相关单位整改。',
      },
      handler,
    ],
    [{ type: 'recordDelivery', document: 'reply', method: 'inPerson', deliveredOn: today }, handler],
    [
      { type: 'recordSatisfaction', satisfaction: index % 4 === 0 ? 'dissatisfied' : 'basicallySatisfied' },
      clerk,
    ],
  ];
  const review: [CaseAction, Principal][] = [
    [{ type: 'requestReview', reason: '对处理意见不服，申请复查。' }, districtClerk],
  ];
  const reviewed: [CaseAction, Principal][] = [
    [{ type: 'decideReview', outcome: 'notSupport', reasons: '原处理意见事实清楚，维持。' }, districtLeader],
    [
      { type: 'recordDelivery', document: 'reviewOpinion', method: 'post', deliveredOn: today },
      districtClerk,
    ],
  ];
  const concluded: [CaseAction, Principal][] = [
    [{ type: 'requestReReview', reason: '对复查意见不服，申请复核。' }, districtClerk],
    [{ type: 'decideReReview', outcome: 'notSupport', reasons: '复查意见正确，予以维持。' }, districtLeader],
  ];
  const handling = [accept, defineSix, ...duties];
  switch (stage) {
    case 'registered':
      return [];
    case 'transferred':
      return [
        [
          {
            type: 'transfer',
            toUnitCode: HANDLING_UNITS[(index + 1) % HANDLING_UNITS.length]!,
            reason: '属地管理，转有权处理单位。',
          },
          clerk,
        ],
      ];
    case 'accepted':
      return [accept];
    case 'inHandling':
      return handling;
    case 'replied':
      return [...handling, ...reply];
    case 'underReview':
      return [...handling, ...reply, ...review];
    case 'reviewed':
      return [...handling, ...reply, ...review, ...reviewed];
    case 'concluded':
      return [...handling, ...reply, ...review, ...reviewed, ...concluded];
    case 'notAccepted':
      return [
        [
          {
            type: 'notAccept',
            reason: 'lawfulChannel',
            explanation: '属劳动争议，应申请劳动仲裁。',
            legalChannel: '区劳动人事争议仲裁委员会',
          },
          clerk,
        ],
      ];
    case 'withdrawn':
      return [accept, [{ type: 'withdraw', reason: '信访人主动撤回。' }, clerk]];
  }
}

const demoKey = (index: number) => `demo-case-${index}`;

async function registerCase(
  context: DemoContext,
  sessions: DemoSessions,
  index: number,
): Promise<{ caseNumber: string; unit: string; created: boolean }> {
  const matter = MATTERS[index % MATTERS.length]!;
  const unit = HANDLING_UNITS[index % HANDLING_UNITS.length]!;
  // Receipts spread over the last three weeks (entered from the mail log), so some triage clocks have run out.
  const receivedAt = new Date(Date.now() - ((index * 13) % 22) * 24 * 60 * 60 * 1000 - 60_000).toISOString();
  const response = await fetch(`${context.apiUrl}/api/cases`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': demoKey(index),
      authorization: `Bearer ${await sessions.tokenFor(principalOf(unit, 'clerk').userId)}`,
    },
    body: JSON.stringify({
      channel: ['letter', 'visit', 'online', 'phone'][index % 4],
      petitioner: { name: personName(index * 13 + 5) },
      category: matter.category,
      subject: matter.subject,
      content: matter.content,
      unitCode: unit,
      receivedAt,
      receivedAtReason: '据来信登记簿补录 / entered from the mail log',
    }),
  });
  const body = (await response.json()) as { caseNumber?: string; message?: string };
  if (!response.ok || !body.caseNumber)
    throw new Error(`demo case ${index}: ${response.status} ${body.message ?? ''}`);
  return { caseNumber: body.caseNumber, unit, created: response.status === 201 };
}

async function driveCase(
  context: DemoContext,
  sessions: DemoSessions,
  index: number,
  today: string,
): Promise<void> {
  // An earlier run registered (and drove) this case: its receipt time was relative to that day.
  const [earlier] = await context.owner.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [
    demoKey(index),
  ]);
  if (earlier) return;
  const { caseNumber, unit, created } = await registerCase(context, sessions, index);
  if (!created) return; // an earlier run registered (and drove) this case
  const handle = context.temporal.workflow.getHandle(caseWorkflowId(caseNumber));
  for (const [action, actor] of stepsTo(stageOf(index), unit, index, today)) {
    try {
      await handle.executeUpdate(actUpdate, { args: [{ action: action as never, actor }] });
    } catch (error) {
      const cause = (error as { cause?: Error }).cause ?? (error as Error);
      throw new Error(`demo case ${caseNumber}: ${action.type} by ${actor.userId} refused: ${cause.message}`);
    }
  }
}

export async function seedDemoData(context: DemoContext): Promise<{ cases: number }> {
  const say = context.onProgress ?? (() => undefined);
  await seedOrganisation(context.owner, context.protector);
  const sessions = new DemoSessions(context.apiUrl, context.owner.manager, context.protector);
  say(
    `演示单位与用户已就绪 / demo units and users ready (${UNITS.length + 1} units, ${demoUsers().length} users)`,
  );
  const today = localDateAt(Date.now(), 'Asia/Shanghai');
  const concurrency = 8;
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < context.cases) {
        const index = next++;
        await driveCase(context, sessions, index, today);
        done++;
        if (done % 50 === 0 || done === context.cases) say(`演示案件 / demo cases: ${done}/${context.cases}`);
      }
    }),
  );
  return { cases: done };
}

import { postJson } from './http';
import { type TestStack, uniqueId } from './stack';
import { bearer, signIn, type SignedIn } from './staff-sessions';

/** A district with a town below it and the staff who take a case through its whole life over HTTP. */
export interface JourneyOrg {
  district: string;
  town: string;
  districtName: string;
  townName: string;
  clerkD: SignedIn;
  leaderD: SignedIn;
  packageLeaderD: SignedIn;
  leaderT: SignedIn;
  handlerT: SignedIn;
  adminD: SignedIn;
}

export async function createJourneyOrg(stack: TestStack): Promise<JourneyOrg> {
  const id = uniqueId(6);
  const district = `N${id}`;
  const town = `${district}-T`;
  const districtName = `告知测试区${id}`;
  const townName = `告知测试镇${id}`;
  await stack.db.query(
    `INSERT INTO units (code, name, level, parent_code) VALUES ($1, $2, 'district', NULL), ($3, $4, 'town', $1)`,
    [district, districtName, town, townName],
  );
  return {
    district,
    town,
    districtName,
    townName,
    clerkD: await signIn(stack, district, ['clerk'], '区登记员'),
    leaderD: await signIn(stack, district, ['unitLeader'], '区负责人'),
    packageLeaderD: await signIn(stack, district, ['packageLeader'], '区包案领导'),
    leaderT: await signIn(stack, town, ['unitLeader'], '镇负责人'),
    handlerT: await signIn(stack, town, ['handler'], '镇承办人'),
    adminD: await signIn(stack, district, ['admin'], '区管理员'),
  };
}

/** Shanghai's calendar day `days` from today, as `YYYY-MM-DD`. */
export function shanghaiDay(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

export class CaseJourney {
  constructor(
    private readonly stack: TestStack,
    private readonly org: JourneyOrg,
    readonly caseNumber: string,
  ) {}

  static async register(
    stack: TestStack,
    org: JourneyOrg,
    petitioner: Record<string, string> = { name: '钱七' },
  ): Promise<CaseJourney> {
    const created = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'letter',
        petitioner,
        category: 'grievance',
        subject: '小区排水不畅',
        content: '雨天小区积水严重，请求疏通。',
        unitCode: org.town,
      },
      bearer(org.clerkD),
    );
    if (created.status !== 201) throw new Error(`registration failed: ${JSON.stringify(created.body)}`);
    return new CaseJourney(stack, org, created.body.caseNumber);
  }

  async act(who: SignedIn, action: string, body: object = {}): Promise<void> {
    const done = await postJson(
      `${this.stack.api.url}/cases/${this.caseNumber}/actions/${action}`,
      body,
      bearer(who),
    );
    if (done.status !== 200) throw new Error(`${action} failed: ${done.status} ${JSON.stringify(done.body)}`);
  }

  async defineSix(): Promise<void> {
    const { org } = this;
    await this.act(org.leaderD, 'defineSix', {
      packageLeaderUserId: org.packageLeaderD.userId,
      responsibleUnitCode: org.town,
      handlerUserId: org.handlerT.userId,
      resolutionPlan: '现场核查并协调疏通',
      completionDeadline: shanghaiDay(30),
      targetOutcome: '排水恢复',
    });
  }

  async extend(days: number, reason: string): Promise<void> {
    await this.act(this.org.handlerT, 'requestExtension', { days, reason });
    await this.act(this.org.leaderT, 'approveExtension', { granted: true, note: '同意' });
  }

  async reply(reasons: string): Promise<void> {
    const { org } = this;
    await this.act(org.handlerT, 'recordDuty', {
      duty: 'investigate',
      performedByUserIds: [org.handlerT.userId],
      performedOn: shanghaiDay(),
      summary: '现场核查管网',
      evidenceRefs: ['附件：核查记录'],
    });
    await this.act(org.handlerT, 'reply', { outcome: 'explain', reasons });
  }

  async reviewAndReReview(reviewReasons: string, reReviewReasons: string): Promise<void> {
    const { org } = this;
    const today = shanghaiDay();
    await this.act(org.handlerT, 'recordDelivery', {
      document: 'reply',
      method: 'inPerson',
      deliveredOn: today,
    });
    await this.act(org.clerkD, 'requestReview', { reason: '对处理意见不服' });
    await this.act(org.leaderD, 'decideReview', { outcome: 'notSupport', reasons: reviewReasons });
    await this.act(org.clerkD, 'recordDelivery', {
      document: 'reviewOpinion',
      method: 'post',
      deliveredOn: today,
    });
    await this.act(org.clerkD, 'requestReReview', { reason: '对复查意见不服' });
    await this.act(org.leaderD, 'decideReReview', { outcome: 'notSupport', reasons: reReviewReasons });
  }
}

import { formatNoticeDate } from '../libs/notices/src/notice-text';
import { DEFAULT_NOTICE_TEMPLATES } from '../libs/notices/src/default-templates';
import { CaseJourney, createJourneyOrg, type JourneyOrg, shanghaiDay } from './support/case-journey';
import { callApi, getJson } from './support/http';
import { pdfText, withoutSpace } from './support/pdf-text';
import { startTestStack, type TestStack } from './support/stack';
import { bearer } from './support/staff-sessions';

/** Written notices issued by the real workflow over HTTP, read back as PDF text with pdftotext. */
describe('written notices', () => {
  let stack: TestStack;
  let org: JourneyOrg;

  beforeAll(async () => {
    stack = await startTestStack();
    org = await createJourneyOrg(stack);
  });

  afterAll(() => stack?.close());

  const notices = async (caseNumber: string) => {
    const listed = await getJson(`${stack.api.url}/cases/${caseNumber}/notices`, bearer(org.clerkD));
    expect(listed.status).toBe(200);
    return listed.body as { id: string; kind: string; title: string; seq: number; issuedAt: string }[];
  };
  const pdfOf = async (caseNumber: string, id: string) => {
    const response = await fetch(`${stack.api.url}/cases/${caseNumber}/notices/${id}.pdf`, {
      headers: bearer(org.clerkD),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    return Buffer.from(await response.arrayBuffer());
  };
  const textOf = async (caseNumber: string, id: string) => withoutSpace(pdfText(await pdfOf(caseNumber, id)));
  const dueLastDay = async (caseNumber: string): Promise<string> => {
    const [row] = await stack.db.query(
      `SELECT to_char(due_last_day, 'YYYY-MM-DD') AS day FROM cases WHERE case_number = $1`,
      [caseNumber],
    );
    return row.day;
  };

  it('issues every notice of a full life: acceptance, extension, handling, review and re-review opinions', async () => {
    const journey = await CaseJourney.register(stack, org);
    const { caseNumber } = journey;
    expect(await notices(caseNumber)).toEqual([]);
    await journey.act(org.clerkD, 'accept');
    const replyDue = await dueLastDay(caseNumber);
    await journey.defineSix();
    const beforeExtension = await dueLastDay(caseNumber);
    await journey.extend(15, '需委托第三方检测管网');
    const afterExtension = await dueLastDay(caseNumber);
    expect(afterExtension > beforeExtension).toBe(true);
    await journey.reply('经核查，管网淤堵属实，已协调疏通。');
    await journey.reviewAndReReview('原处理意见事实清楚，予以维持。', '复查意见正确，复核维持。');

    const issued = await notices(caseNumber);
    expect(issued.map((n) => [n.kind, n.title])).toEqual([
      ['acceptance', '受理告知书'],
      ['extension', '延期告知书'],
      ['handlingOpinion', '信访处理意见书'],
      ['reviewOpinion', '复查意见书'],
      ['reReviewOpinion', '复核意见书'],
    ]);
    const today = formatNoticeDate(shanghaiDay());
    const [acceptance, extension, handling, review, reReview] = await Promise.all(
      issued.map((n) => textOf(caseNumber, n.id)),
    );
    for (const text of [acceptance, extension, handling, review, reReview]) {
      expect(text).toContain(caseNumber);
      expect(text).toContain('钱七');
      expect(text).toContain(today);
    }
    expect(acceptance).toContain('信访事项受理告知书');
    expect(acceptance).toContain(`本机关将在${formatNoticeDate(replyDue)}前办结`);
    expect(acceptance).toMatch(/查询码：[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}/);
    expect(acceptance).toContain(org.districtName);
    expect(extension).toContain(`原定办理期限至${formatNoticeDate(beforeExtension)}`);
    expect(extension).toContain(`办理期限延长至${formatNoticeDate(afterExtension)}`);
    expect(extension).toContain('需委托第三方检测管网');
    expect(handling).toContain('经核查，管网淤堵属实，已协调疏通。');
    // Art. 32's outcome; art. 35: the district accepted the matter, so the opinion is the district's
    // (the town's handler wrote it) and the body above the district, the city's office, reviews it.
    expect(handling).toContain('处理结论：解释说明');
    expect(handling).toContain('30日内向市信访局请求复查');
    expect(handling).toContain(`${org.districtName}${today}`);
    expect(review).toContain(`不服${org.districtName}于${today}作出的处理意见`);
    expect(review).toContain('原处理意见事实清楚，予以维持。');
    expect(review).toContain('复查结论：不予支持');
    expect(review).toContain('30日内向省信访局请求复核');
    expect(reReview).toContain(`不服市信访局于${today}作出的复查意见`);
    expect(reReview).toContain('复查意见正确，复核维持。');

    // Each notice is listed on the timeline at the event that issued it.
    const timeline = await getJson(`${stack.api.url}/cases/${caseNumber}/timeline`, bearer(org.clerkD));
    const withNotices = (timeline.body as any[])
      .filter((entry) => entry.notices.length > 0)
      .map((entry) => [entry.type, entry.seq, entry.notices.map((n: any) => n.kind)]);
    expect(withNotices).toEqual(
      issued.map((n) => [
        {
          acceptance: 'caseAccepted',
          extension: 'extensionDecided',
          handlingOpinion: 'replyIssued',
          reviewOpinion: 'reviewDecided',
          reReviewOpinion: 'reReviewDecided',
        }[n.kind],
        n.seq,
        [n.kind],
      ]),
    );
    // The same notice gives the same bytes every time.
    expect((await pdfOf(caseNumber, issued[0]!.id)).equals(await pdfOf(caseNumber, issued[0]!.id))).toBe(
      true,
    );
  });

  it("numbers notices by the unit's 文号 pattern, leaves a seal place, and downloads as <case number>-<title>.pdf", async () => {
    const bad = await callApi(
      stack.api,
      'PUT',
      `/admin/units/${org.district}/notice-numbering`,
      { pattern: '{unitShort}〔{year}〕{no}号' },
      org.adminD.token,
    );
    expect([bad.status, bad.body.code, bad.body.fields?.[0]?.field]).toEqual([
      422,
      'NOTICE_NUMBER_PATTERN_INVALID',
      'pattern',
    ]);
    const set = await callApi(
      stack.api,
      'PUT',
      `/admin/units/${org.district}/notice-numbering`,
      { shortName: '测区', pattern: '{unitShort}信告〔{year}〕{seq}号' },
      org.adminD.token,
    );
    const year = shanghaiDay().slice(0, 4);
    expect(set.status).toBe(200);
    expect(set.body.example).toBe(`测区信告〔${new Date().getFullYear()}〕1号`);

    const journey = await CaseJourney.register(stack, org);
    await journey.act(org.clerkD, 'accept');
    const [acceptance] = await notices(journey.caseNumber);
    const documentNumber = (acceptance as unknown as { documentNumber: string }).documentNumber;
    expect(documentNumber).toMatch(new RegExp(`^测区信告〔${year}〕\\d+号$`));
    const text = await textOf(journey.caseNumber, acceptance!.id);
    expect(text).toContain(withoutSpace(documentNumber));
    expect(text).toContain('（盖章处）');

    // The next notice of the same unit takes the next number of the year.
    const second = await CaseJourney.register(stack, org);
    await second.act(org.clerkD, 'accept');
    const [next] = await notices(second.caseNumber);
    const seqOf = (n: string) => Number(/〔\d+〕(\d+)号/.exec(n)![1]);
    expect(seqOf((next as unknown as { documentNumber: string }).documentNumber)).toBe(
      seqOf(documentNumber) + 1,
    );

    const response = await fetch(
      `${stack.api.url}/cases/${journey.caseNumber}/notices/${acceptance!.id}.pdf`,
      {
        headers: bearer(org.clerkD),
      },
    );
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toBe(
      `attachment; filename="${journey.caseNumber}-notice-${acceptance!.id}.pdf"; ` +
        `filename*=UTF-8''${encodeURIComponent(`${journey.caseNumber}-受理告知书.pdf`)}`,
    );
  });

  it('issues the not-accepted notice naming the legal channel, and the transfer notice naming the receiving unit', async () => {
    const refused = await CaseJourney.register(stack, org);
    await refused.act(org.clerkD, 'notAccept', {
      reason: 'lawfulChannel',
      explanation: '你反映的劳动报酬争议应当通过劳动仲裁解决',
      legalChannel: '向区劳动人事争议仲裁委员会申请仲裁',
    });
    const [notAccepted] = await notices(refused.caseNumber);
    expect(notAccepted!.kind).toBe('notAccepted');
    const refusedText = await textOf(refused.caseNumber, notAccepted!.id);
    expect(refusedText).toContain(refused.caseNumber);
    expect(refusedText).toContain('经审查，你反映的劳动报酬争议应当通过劳动仲裁解决');
    expect(refusedText).toContain('请你依法向区劳动人事争议仲裁委员会申请仲裁');

    const sent = await CaseJourney.register(stack, org);
    await sent.act(org.clerkD, 'transfer', { toUnitCode: org.town, reason: '属地管理' });
    const [transfer] = await notices(sent.caseNumber);
    expect(transfer!.kind).toBe('transfer');
    const sentText = await textOf(sent.caseNumber, transfer!.id);
    expect(sentText).toContain(sent.caseNumber);
    expect(sentText).toContain(`本机关已于${formatNoticeDate(shanghaiDay())}将该事项转送${org.townName}办理`);
  });

  it('applies an edited template to later notices only, audits the edit, and refuses a bad template with 422', async () => {
    const earlier = await CaseJourney.register(stack, org);
    await earlier.act(org.clerkD, 'accept');
    const [earlierNotice] = await notices(earlier.caseNumber);
    const earlierPdf = await pdfOf(earlier.caseNumber, earlierNotice!.id);

    const bad = await callApi(
      stack.api,
      'PUT',
      '/admin/notice-templates/acceptance',
      { template: '受理告知书\n{{caseNumber}} {{unknownField}} {{lookup caseNumber}}' },
      org.adminD.token,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('NOTICE_TEMPLATE_INVALID');
    expect(bad.body.fields).toEqual([
      expect.objectContaining({ field: 'template', code: 'NOTICE_TEMPLATE_UNKNOWN_FIELD' }),
      expect.objectContaining({ field: 'template', code: 'NOTICE_TEMPLATE_UNSUPPORTED' }),
    ]);
    const notAdmin = await callApi(
      stack.api,
      'GET',
      '/admin/notice-templates/acceptance',
      undefined,
      org.clerkD.token,
    );
    expect(notAdmin.status).toBe(403);

    const before = await callApi(
      stack.api,
      'GET',
      '/admin/notice-templates/acceptance',
      undefined,
      org.adminD.token,
    );
    expect(before.status).toBe(200);
    const edited = DEFAULT_NOTICE_TEMPLATES.acceptance.replace(
      '信访事项受理告知书',
      '信访事项受理通知（修订版）',
    );
    const saved = await callApi(
      stack.api,
      'PUT',
      '/admin/notice-templates/acceptance',
      { template: edited },
      org.adminD.token,
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      kind: 'acceptance',
      version: before.body.version + 1,
      template: edited,
    });
    const [audit] = await stack.db.query(
      `SELECT actor_id, target, details FROM admin_audit WHERE action = 'noticeTemplate.update' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      actor_id: org.adminD.userId,
      target: 'acceptance',
      details: { kind: 'acceptance', version: saved.body.version },
    });

    const later = await CaseJourney.register(stack, org);
    await later.act(org.clerkD, 'accept');
    const [laterNotice] = await notices(later.caseNumber);
    const laterText = await textOf(later.caseNumber, laterNotice!.id);
    expect(laterText).toContain('信访事项受理通知（修订版）');
    expect(laterText).toContain(later.caseNumber);
    // The earlier notice keeps the version it was issued with, byte for byte.
    expect((await pdfOf(earlier.caseNumber, earlierNotice!.id)).equals(earlierPdf)).toBe(true);
    expect(withoutSpace(pdfText(earlierPdf))).toContain('信访事项受理告知书');

    // Put the default back, so other tests' notices read as before.
    const restored = await callApi(
      stack.api,
      'PUT',
      '/admin/notice-templates/acceptance',
      { template: DEFAULT_NOTICE_TEMPLATES.acceptance },
      org.adminD.token,
    );
    expect(restored.status).toBe(200);
  });

  it('answers 404 for a notice of another case and for a case the caller cannot see', async () => {
    const journey = await CaseJourney.register(stack, org);
    await journey.act(org.clerkD, 'accept');
    const other = await CaseJourney.register(stack, org);
    const [notice] = await notices(journey.caseNumber);
    const wrongCase = await fetch(`${stack.api.url}/cases/${other.caseNumber}/notices/${notice!.id}.pdf`, {
      headers: bearer(org.clerkD),
    });
    expect([wrongCase.status, ((await wrongCase.json()) as any).code]).toEqual([404, 'NOTICE_NOT_FOUND']);
    const missing = await getJson(`${stack.api.url}/cases/NOPE-2026-000001/notices`, bearer(org.clerkD));
    expect([missing.status, missing.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
  });
});

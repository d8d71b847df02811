import { ensurePdftotext, pdfFonts, pdfText, withoutSpace } from '../../../test/support/pdf-text';
import { loadConfig } from '../../config/src';
import { DomainError } from '../../domain/src/errors';
import { DEFAULT_NOTICE_TEMPLATES } from './default-templates';
import { NOTICE_KIND_NAMES, type NoticeKind } from './notice-fields';
import { ensureNoticeFont, loadNoticeFont, type NoticeFont } from './notice-font';
import { renderNoticePdf } from './notice-pdf';
import { SAMPLE_NOTICES } from './test-kit';

/** What each notice must print, besides the case number, addressee, issuing unit and issue date. */
const EXPECTED_TEXT: Readonly<Record<NoticeKind, readonly string[]>> = {
  acceptance: [
    '信访事项受理告知书',
    '你于2026年11月2日提出的“幸福小区停车位划分”信访事项',
    '已于2026年11月16日依法受理',
    '将在2027年1月15日前办结并书面答复你',
    '可以凭案件编号和查询码查询办理进度',
    '查询码：K7Q2-M9XA',
  ],
  notAccepted: [
    '信访事项不予受理告知书',
    '你于2026年11月2日提出的',
    '你反映的劳动报酬争议应当通过劳动仲裁等法定途径解决',
    '本机关决定不予受理',
    '请你依法向临江区劳动人事争议仲裁委员会申请仲裁。',
  ],
  transfer: [
    '信访事项转送告知书',
    '你于2026年11月2日提出的',
    '已于2026年11月10日将该事项转送临江区住房和城乡建设局办理',
  ],
  extension: [
    '信访事项延期办理告知书',
    '原定办理期限至2027年1月15日',
    '因该事项涉及多个部门，需进一步调查核实',
    '办理期限延长至2027年2月14日',
  ],
  handlingOpinion: [
    '信访事项处理意见书',
    '经调查，小区停车位划分方案未经业主大会表决。',
    '责成物业服务企业于30日内重新组织表决。',
    '处理结论：予以支持。',
    '自收到本意见书之日起30日内向临江市人民政府信访局请求复查',
  ],
  reviewOpinion: [
    '信访事项复查意见书',
    '不服临江区信访局于2026年12月20日作出的处理意见，于2027年1月8日向本机关请求复查',
    '复查结论：不予支持。',
    '30日内向江南省信访局请求复核',
  ],
  reReviewOpinion: [
    '信访事项复核意见书',
    '不服临江市人民政府信访局于2027年2月5日作出的复查意见，于2027年2月20日向本机关请求复核',
    '复核结论：不予支持。',
    '本复核意见为最终意见',
  ],
};

const CREATED_AT = new Date('2026-11-16T09:30:00+08:00');
const INSTALL_TIMEOUT_MS = 180_000;

function bodyLines(text: string): string[] {
  return text
    .split(/[\n\f]/)
    .map((line) => line.trim())
    .filter(Boolean);
}

describe('renderNoticePdf', () => {
  let font: NoticeFont;

  beforeAll(() => {
    ensureNoticeFont(loadConfig({}));
    font = loadNoticeFont({});
    ensurePdftotext();
  }, INSTALL_TIMEOUT_MS);

  function renderSample<K extends NoticeKind>(kind: K): Promise<Buffer> {
    const notice = { kind, template: DEFAULT_NOTICE_TEMPLATES[kind], data: SAMPLE_NOTICES[kind] };
    return renderNoticePdf(font, notice, { createdAt: CREATED_AT });
  }

  it.each(NOTICE_KIND_NAMES)(
    'renders the %s notice whose extracted text holds its case number, dates and wording',
    async (kind) => {
      const pdf = await renderSample(kind);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(text).not.toContain('\uFFFD');
      const flat = withoutSpace(text);
      for (const phrase of [
        '案件编号：XFJ-2026-000123',
        '张喆堃：',
        ...EXPECTED_TEXT[kind],
        '临江区信访局2026年11月16日',
      ]) {
        expect(flat).toContain(withoutSpace(phrase));
      }
      expect(bodyLines(text)[0]).toBe(EXPECTED_TEXT[kind][0]); // the title comes first
      expect(bodyLines(text).slice(-2)).toEqual(['临江区信访局', '2026年11月16日']); // signature last
    },
  );

  it('embeds the font as a subset with a Unicode map, so any reader shows the Chinese text', async () => {
    const pdf = await renderNoticePdf(font, {
      kind: 'transfer',
      template: DEFAULT_NOTICE_TEMPLATES.transfer,
      data: SAMPLE_NOTICES.transfer,
    });
    const fonts = pdfFonts(pdf)
      .split('\n')
      .filter((line) => line.includes('WenQuanYiMicroHei'));
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/); // embedded, subset, ToUnicode
  });

  it('is byte-for-byte the same for the same notice and creation date', async () => {
    const notice = {
      kind: 'extension' as const,
      template: DEFAULT_NOTICE_TEMPLATES.extension,
      data: SAMPLE_NOTICES.extension,
    };
    const first = await renderNoticePdf(font, notice, { createdAt: CREATED_AT });
    const second = await renderNoticePdf(font, notice, { createdAt: CREATED_AT });
    expect(second.equals(first)).toBe(true);
    const later = await renderNoticePdf(font, notice, { createdAt: new Date(CREATED_AT.getTime() + 1000) });
    expect(later.equals(first)).toBe(false);
  });

  it('wraps Chinese text within the line, never starting a line with closing punctuation', async () => {
    const sentence = '经调查核实，该小区停车位的划分方案、收费标准、使用规则，均未经业主大会依法表决，';
    const opinion = sentence.repeat(6) + '现予纠正。';
    const pdf = await renderNoticePdf(font, {
      kind: 'handlingOpinion',
      template: '处理意见书\n　　{{opinion}}',
      data: { ...SAMPLE_NOTICES.handlingOpinion, opinion },
    });
    const lines = bodyLines(pdfText(pdf));
    const opinionLines = lines.slice(1, -2);
    expect(opinionLines.length).toBeGreaterThanOrEqual(Math.ceil(opinion.length / 28));
    for (const line of opinionLines) {
      expect([...line].length).toBeLessThanOrEqual(28);
      expect(line).not.toMatch(/^[，。、；：）”]/u);
    }
    expect(withoutSpace(opinionLines.join(''))).toBe(opinion);
  });

  it('numbers the pages of a notice longer than one page', async () => {
    const opinion = Array.from(
      { length: 40 },
      (_, i) => `第${i + 1}项：经调查，该事项属实，已责成有关部门依法处理。`,
    ).join('\n');
    const pdf = await renderNoticePdf(font, {
      kind: 'reviewOpinion',
      template: DEFAULT_NOTICE_TEMPLATES.reviewOpinion,
      data: { ...SAMPLE_NOTICES.reviewOpinion, opinion },
    });
    const pages = pdfText(pdf)
      .split('\f')
      .filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, index) => expect(withoutSpace(page)).toContain(`—${index + 1}—`));
    expect(withoutSpace(pages.at(-1)!)).toContain('第40项：经调查');
  });

  it('prints an administrator-edited template', async () => {
    const template =
      '受理通知\n{{petitionerName}}同志：\n　　您的信访事项（编号{{caseNumber}}）已于{{acceptedOn}}受理。{{#if queryAddress}}请登录{{queryAddress}}查询。{{/if}}';
    const pdf = await renderNoticePdf(font, {
      kind: 'acceptance',
      template,
      data: { ...SAMPLE_NOTICES.acceptance, queryAddress: '区政府网站' },
    });
    expect(withoutSpace(pdfText(pdf))).toContain(
      '您的信访事项（编号XFJ-2026-000123）已于2026年11月16日受理。请登录区政府网站查询。',
    );
  });

  it('refuses to print a character the font lacks instead of printing a blank box', async () => {
    const rareName = '王\u{2A6A5}';
    await expect(
      renderNoticePdf(font, {
        kind: 'transfer',
        template: DEFAULT_NOTICE_TEMPLATES.transfer,
        data: { ...SAMPLE_NOTICES.transfer, petitionerName: rareName },
      }),
    ).rejects.toMatchObject({
      code: 'NOTICE_CHARACTERS_NOT_IN_FONT',
      kind: 'rule',
      details: { characters: ['\u{2A6A5}'] },
    });
    await expect(
      renderNoticePdf(font, {
        kind: 'transfer',
        template: '标题\n{{unknownField}}',
        data: SAMPLE_NOTICES.transfer,
      }),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it('prints the 文号 above the title and leaves a marked place for the seal over the signature', async () => {
    const pdf = await renderNoticePdf(
      font,
      {
        kind: 'acceptance',
        template: DEFAULT_NOTICE_TEMPLATES.acceptance,
        data: SAMPLE_NOTICES.acceptance,
        documentNumber: '临江信告〔2026〕7号',
        sealArea: true,
      },
      { createdAt: CREATED_AT },
    );
    const lines = bodyLines(pdfText(pdf));
    expect(lines.slice(0, 2)).toEqual(['临江信告〔2026〕7号', '信访事项受理告知书']);
    expect(lines).toContain('（盖章处）');
    expect(lines.slice(-2)).toEqual(['临江区信访局', '2026年11月16日']); // the signature stays last
  });
});

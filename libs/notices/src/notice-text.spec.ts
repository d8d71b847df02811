import { DomainError } from '../../domain/src/errors';
import { DEFAULT_NOTICE_TEMPLATES } from './default-templates';
import { type NoticeData } from './notice-fields';
import { composeNoticeText, formatNoticeDate, type NoticeText } from './notice-text';
import { SAMPLE_NOTICES } from './test-kit';

function paragraphs(text: NoticeText): string[] {
  return text.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
}

/** Jest matches the thrown DomainError's own fields. */
function domainError(fields: Partial<DomainError>) {
  return expect.objectContaining({ name: 'DomainError', ...fields });
}

describe('formatNoticeDate', () => {
  it('prints dates the way official documents do, without leading zeros', () => {
    expect(formatNoticeDate('2026-11-29')).toBe('2026年11月29日');
    expect(formatNoticeDate('2027-01-05')).toBe('2027年1月5日');
  });
});

describe('composeNoticeText', () => {
  it('takes the first line as the title and fills in the fields, dates printed in Chinese', () => {
    const text = composeNoticeText(
      'acceptance',
      DEFAULT_NOTICE_TEMPLATES.acceptance,
      SAMPLE_NOTICES.acceptance,
    );
    expect(text.title).toBe('信访事项受理告知书');
    expect(paragraphs(text)[0]).toBe('案件编号：XFJ-2026-000123');
    expect(paragraphs(text)[1]).toBe('张喆堃：');
    expect(paragraphs(text)[2]).toMatch(/^\u3000\u3000你于2026年11月2日提出的“幸福小区停车位划分”信访事项/);
    expect(paragraphs(text)[2]).toContain('将在2027年1月15日前办结');
    expect(text).toMatchObject({ issuingUnit: '临江区信访局', issuedOn: '2026年11月16日' });
  });

  it('prints an optional field only when given', () => {
    const without = composeNoticeText(
      'acceptance',
      DEFAULT_NOTICE_TEMPLATES.acceptance,
      SAMPLE_NOTICES.acceptance,
    );
    expect(paragraphs(without).join('')).not.toContain('查询途径');
    const withAddress = composeNoticeText('acceptance', DEFAULT_NOTICE_TEMPLATES.acceptance, {
      ...SAMPLE_NOTICES.acceptance,
      queryAddress: '临江区信访局网站“进度查询”栏目',
    });
    expect(paragraphs(withAddress).join('')).toContain('（查询途径：临江区信访局网站“进度查询”栏目）。');
  });

  it('turns each line of a multi-line value into its own indented paragraph', () => {
    const text = composeNoticeText(
      'handlingOpinion',
      DEFAULT_NOTICE_TEMPLATES.handlingOpinion,
      SAMPLE_NOTICES.handlingOpinion,
    );
    expect(paragraphs(text)).toContain('\u3000\u3000经调查，小区停车位划分方案未经业主大会表决。');
    expect(paragraphs(text)).toContain('\u3000\u3000责成物业服务企业于30日内重新组织表决。');
  });

  it('prints text verbatim (no HTML escaping) and collapses blank lines into one gap', () => {
    const text = composeNoticeText('transfer', '\n\n 标题 \n\n\n{{subject}}\n\n', {
      ...SAMPLE_NOTICES.transfer,
      subject: '“A&B”<C>',
    });
    expect(text.title).toBe('标题');
    expect(text.blocks).toEqual([{ kind: 'paragraph', text: '“A&B”<C>' }]);
  });

  it('refuses a template with an unknown field before printing anything', () => {
    expect(() =>
      composeNoticeText('transfer', '标题\n{{receivingUnitName}}', SAMPLE_NOTICES.transfer),
    ).toThrow(domainError({ code: 'NOTICE_TEMPLATE_UNKNOWN_FIELD', field: 'template' }));
  });

  it('refuses a template that prints nothing', () => {
    expect(() => composeNoticeText('transfer', '{{! only a comment }}\n', SAMPLE_NOTICES.transfer)).toThrow(
      domainError({ code: 'NOTICE_TEMPLATE_EMPTY' }),
    );
  });

  it.each([
    ['a date already formatted', { acceptedOn: '2026年11月16日' }, 'data.acceptedOn'],
    ['an impossible date', { replyDueOn: '2027-02-30' }, 'data.replyDueOn'],
    ['blank text', { queryCode: '  ' }, 'data.queryCode'],
    ['an unknown field', { reason: '不该出现' }, 'data.reason'],
  ])('refuses data with %s', (_what, change, field) => {
    const data = { ...SAMPLE_NOTICES.acceptance, ...change } as NoticeData<'acceptance'>;
    expect(() => composeNoticeText('acceptance', DEFAULT_NOTICE_TEMPLATES.acceptance, data)).toThrow(
      domainError({ code: 'NOTICE_DATA_INVALID', field }),
    );
  });

  it('refuses a missing required field and a window of days that is not a positive whole number', () => {
    const { opinion: _opinion, ...withoutOpinion } = SAMPLE_NOTICES.handlingOpinion;
    const template = DEFAULT_NOTICE_TEMPLATES.handlingOpinion;
    expect(() =>
      composeNoticeText('handlingOpinion', template, withoutOpinion as NoticeData<'handlingOpinion'>),
    ).toThrow(domainError({ code: 'NOTICE_DATA_INVALID', field: 'data.opinion' }));
    expect(() =>
      composeNoticeText('handlingOpinion', template, {
        ...SAMPLE_NOTICES.handlingOpinion,
        reviewWindowDays: 2.5,
      }),
    ).toThrow(domainError({ code: 'NOTICE_DATA_INVALID', field: 'data.reviewWindowDays' }));
  });
});

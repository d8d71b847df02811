import { DomainError } from '../../domain/src/errors';
import { DEFAULT_NOTICE_TEMPLATES } from './default-templates';
import { NOTICE_KIND_NAMES } from './notice-fields';
import { assertNoticeTemplate, checkNoticeTemplate } from './template-check';

describe('checkNoticeTemplate', () => {
  it.each(NOTICE_KIND_NAMES)('accepts the default %s template', (kind) => {
    expect(checkNoticeTemplate(kind, DEFAULT_NOTICE_TEMPLATES[kind])).toEqual([]);
  });

  it('names an unknown placeholder and its line', () => {
    const issues = checkNoticeTemplate(
      'acceptance',
      '受理告知书\n{{petitionerName}}：\n　　请于{{replyDueDate}}前查询。',
    );
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'NOTICE_TEMPLATE_UNKNOWN_FIELD',
        placeholder: 'replyDueDate',
        line: 3,
      }),
    ]);
    expect(issues[0]!.message).toContain('{{replyDueDate}}');
    expect(issues[0]!.message).toContain('replyDueOn'); // the known fields are listed
  });

  it('refuses a field of another kind of notice (the query code is only on the acceptance notice)', () => {
    expect(checkNoticeTemplate('acceptance', '标题\n{{queryCode}}')).toEqual([]);
    expect(checkNoticeTemplate('notAccepted', '标题\n{{queryCode}}')).toEqual([
      expect.objectContaining({ code: 'NOTICE_TEMPLATE_UNKNOWN_FIELD', placeholder: 'queryCode' }),
    ]);
  });

  it('checks the fields inside conditional blocks and their conditions', () => {
    expect(
      checkNoticeTemplate(
        'acceptance',
        '标题\n{{#if queryAddress}}{{queryAddress}}{{else}}{{queryCode}}{{/if}}',
      ),
    ).toEqual([]);
    const issues = checkNoticeTemplate('acceptance', '标题\n{{#if queryUrl}}\n{{nickname}}\n{{/if}}');
    expect(issues.map((issue) => issue.placeholder)).toEqual(['queryUrl', 'nickname']);
  });

  it.each([
    ['a helper call', '{{lookup caseNumber 0}}'],
    ['a partial', '{{> header}}'],
    ['a nested path', '{{petitioner.name}}'],
    ['a parent path', '{{../caseNumber}}'],
    ['a data variable', '{{@root}}'],
    ['this', '{{this}}'],
    ['an each block', '{{#each caseNumber}}x{{/each}}'],
    ['a hash argument', '{{caseNumber format="x"}}'],
  ])('refuses %s', (_what, placeholder) => {
    const issues = checkNoticeTemplate('transfer', `标题\n${placeholder}`);
    expect(issues).toEqual([expect.objectContaining({ code: 'NOTICE_TEMPLATE_UNSUPPORTED', line: 2 })]);
  });

  it('reports a syntax error instead of throwing', () => {
    expect(checkNoticeTemplate('extension', '标题\n{{caseNumber')).toEqual([
      expect.objectContaining({ code: 'NOTICE_TEMPLATE_SYNTAX' }),
    ]);
  });
});

describe('assertNoticeTemplate', () => {
  it('throws a DomainError on the template field carrying every issue', () => {
    const attempt = () => assertNoticeTemplate('extension', '标题\n{{foo}} {{bar}}');
    expect(attempt).toThrow(DomainError);
    try {
      attempt();
    } catch (error) {
      const domainError = error as DomainError;
      expect(domainError.code).toBe('NOTICE_TEMPLATE_UNKNOWN_FIELD');
      expect(domainError.field).toBe('template');
      expect(domainError.details?.issues).toHaveLength(2);
    }
  });

  it('passes a valid template', () => {
    expect(() =>
      assertNoticeTemplate('reReviewOpinion', DEFAULT_NOTICE_TEMPLATES.reReviewOpinion),
    ).not.toThrow();
  });
});

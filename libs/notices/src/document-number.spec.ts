import {
  checkDocumentNumberPattern,
  DEFAULT_DOCUMENT_NUMBER_PATTERN,
  formatDocumentNumber,
} from './document-number';

describe('文号 of a notice', () => {
  const parts = { unitShort: '东湖', unitCode: 'QX-DH', year: 2026, seq: 7 };

  it('fills the default pattern when the unit has none: 东湖信告〔2026〕7号', () => {
    expect(formatDocumentNumber(null, parts)).toBe('东湖信告〔2026〕7号');
    expect(formatDocumentNumber('', parts)).toBe('东湖信告〔2026〕7号');
    expect(DEFAULT_DOCUMENT_NUMBER_PATTERN).toBe('{unitShort}信告〔{year}〕{seq}号');
  });

  it("fills a unit's own pattern, each placeholder as often as it appears", () => {
    expect(formatDocumentNumber('{unitCode}-{year}-{seq}（{unitShort}）', parts)).toBe(
      'QX-DH-2026-7（东湖）',
    );
  });

  it('names unknown placeholders and a missing running number', () => {
    expect(checkDocumentNumberPattern('{unitShort}〔{year}〕{no}号')).toEqual({
      unknown: ['no'],
      hasSeq: false,
    });
    expect(checkDocumentNumberPattern(DEFAULT_DOCUMENT_NUMBER_PATTERN)).toEqual({
      unknown: [],
      hasSeq: true,
    });
  });
});

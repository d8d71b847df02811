/**
 * The 文号 (document number) a notice carries, e.g. 东湖信告〔2026〕7号: a pattern per issuing unit with
 * the unit's short name, the year of issue and the unit's running number for that year.
 */
export const DEFAULT_DOCUMENT_NUMBER_PATTERN = '{unitShort}信告〔{year}〕{seq}号';

export const DOCUMENT_NUMBER_PLACEHOLDERS = ['unitShort', 'unitCode', 'year', 'seq'] as const;
export type DocumentNumberPlaceholder = (typeof DOCUMENT_NUMBER_PLACEHOLDERS)[number];

export interface DocumentNumberParts {
  /** The unit's short name (its full name when none is set). */
  unitShort: string;
  unitCode: string;
  year: number;
  seq: number;
}

/** The placeholders a pattern names that are not known, and whether it has the running number. */
export function checkDocumentNumberPattern(pattern: string): { unknown: string[]; hasSeq: boolean } {
  const named = [...pattern.matchAll(/\{(\w*)\}/g)].map((match) => match[1]!);
  return {
    unknown: named.filter((name) => !(DOCUMENT_NUMBER_PLACEHOLDERS as readonly string[]).includes(name)),
    hasSeq: named.includes('seq'),
  };
}

/** The pattern with its placeholders filled in; the default pattern when the unit has none. */
export function formatDocumentNumber(pattern: string | null | undefined, parts: DocumentNumberParts): string {
  return (pattern || DEFAULT_DOCUMENT_NUMBER_PATTERN).replace(/\{(\w+)\}/g, (whole, name: string) =>
    (DOCUMENT_NUMBER_PLACEHOLDERS as readonly string[]).includes(name)
      ? String(parts[name as DocumentNumberPlaceholder])
      : whole,
  );
}

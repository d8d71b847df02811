/** Keys that only link records together (references, user IDs): not something a reader acts on. */
const isReference = (key: string): boolean => /Refs?$/.test(key) || key === 'userId' || key === 'via';

/**
 * A recorded detail as a reader wants it: people by name (and unit), lists joined, nested records as
 * "label: value" pairs under their field labels; references left out.
 */
export function detailText(value: unknown, label: (key: string) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map((item) => detailText(item, label)).join('、');
  if (typeof value !== 'object') return String(value);
  const record = value as Record<string, unknown>;
  // A deciding body (review, re-review): a unit of the tree by its code; an external body by its name.
  if (record.kind === 'unit' && typeof record.code === 'string') return record.code;
  if (typeof record.name === 'string') {
    return typeof record.unitCode === 'string' ? `${record.name}（${record.unitCode}）` : record.name;
  }
  return Object.entries(record)
    .filter(([key]) => !isReference(key))
    .map(([key, item]) => `${label(key)}：${detailText(item, label)}`)
    .join('；');
}

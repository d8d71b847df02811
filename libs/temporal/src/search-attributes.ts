import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Search attributes the case workflow keeps current; registered on the namespace at start. Workflow-safe: keys only. */
export const CASE_STATUS = defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD);
export const RESPONSIBLE_UNIT = defineSearchAttributeKey('ResponsibleUnit', SearchAttributeType.KEYWORD);
export const DUE_AT = defineSearchAttributeKey('DueAt', SearchAttributeType.DATETIME);
export const OVERDUE_LEVEL = defineSearchAttributeKey('OverdueLevel', SearchAttributeType.INT);

export const CASE_SEARCH_ATTRIBUTES = [CASE_STATUS, RESPONSIBLE_UNIT, DUE_AT, OVERDUE_LEVEL] as const;

const CLI_TYPE_NAMES: Record<string, string> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.INT]: 'Int',
};

/** `--search-attribute Name=Type` arguments for `temporal server start-dev`. */
export function searchAttributeCliArgs(): string[] {
  return CASE_SEARCH_ATTRIBUTES.flatMap((key) => [
    '--search-attribute',
    `${key.name}=${CLI_TYPE_NAMES[key.type]}`,
  ]);
}

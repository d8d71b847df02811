import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { CASE_SEARCH_ATTRIBUTE_NAMES as NAMES } from '../../domain/src/case/recorded-event';

/** Search attributes the case workflow keeps current; registered on the namespace at start. Names in libs/domain. */
export const CASE_STATUS = defineSearchAttributeKey(NAMES.status.name, NAMES.status.type);
export const RESPONSIBLE_UNIT = defineSearchAttributeKey(
  NAMES.responsibleUnit.name,
  NAMES.responsibleUnit.type,
);
export const DUE_AT = defineSearchAttributeKey(NAMES.dueAt.name, NAMES.dueAt.type);
export const OVERDUE_LEVEL = defineSearchAttributeKey(NAMES.overdueLevel.name, NAMES.overdueLevel.type);

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

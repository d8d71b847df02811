import { SearchAttributeType } from '@temporalio/common';
import { CASE_STATUS, DUE_AT, OVERDUE_LEVEL, RESPONSIBLE_UNIT } from '../../domain/src/case/recorded-event';

/** The keys are defined in libs/domain (the workflow upserts them from there); registered on the namespace at start. */
export { CASE_STATUS, DUE_AT, OVERDUE_LEVEL, RESPONSIBLE_UNIT };

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

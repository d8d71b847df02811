import { defineSearchAttributeKey } from '@temporalio/common';
import { CASE_SEARCH_ATTRIBUTE_NAMES as NAMES } from '../libs/domain/src/case/recorded-event';

/** The keys the case workflow upserts, from the names in libs/domain (libs/temporal builds the same). */
export const CASE_STATUS = defineSearchAttributeKey(NAMES.status.name, NAMES.status.type);
export const RESPONSIBLE_UNIT = defineSearchAttributeKey(
  NAMES.responsibleUnit.name,
  NAMES.responsibleUnit.type,
);
export const DUE_AT = defineSearchAttributeKey(NAMES.dueAt.name, NAMES.dueAt.type);
export const OVERDUE_LEVEL = defineSearchAttributeKey(NAMES.overdueLevel.name, NAMES.overdueLevel.type);

/** The fixed vocabularies, in the engine's own codes (libs/domain); their labels are in the i18n files. */
import { CASE_STATUSES, FINAL_STATUSES } from '../../../../libs/domain/src/case/status';
import {
  CASE_CATEGORIES,
  CASE_CHANNELS,
  DUTY_KINDS,
  REPLY_OUTCOMES,
} from '../../../../libs/domain/src/case/vocabulary';
import { ROLES as DOMAIN_ROLES } from '../../../../libs/domain/src/org/roles';

export const STATUSES = CASE_STATUSES;
export const CHANNELS = CASE_CHANNELS;
export const CATEGORIES = CASE_CATEGORIES;
export const ROLES = DOMAIN_ROLES;
export const DUTIES = DUTY_KINDS;
export const OUTCOMES = REPLY_OUTCOMES;
export const UNIT_LEVELS = ['district', 'town', 'department', 'village'] as const;
export const OPEN_STATUSES = STATUSES.filter((status) => !FINAL_STATUSES.includes(status));

import type { CaseStatus } from '../../../../libs/domain/src/case/status';
import { ACTION_ROLES, allowedActions } from '../../../../libs/domain/src/case/transition-table';
import { mayUse } from '../../../../libs/domain/src/org/permissions';
import { STAFF_ACTIONS, type StaffAction } from './action-forms';

/**
 * The actions to offer: allowed in the case's status by the domain's transition table and to one of the
 * user's roles. The API still decides (unit scope, the case's people, business rules) and may refuse.
 */
export function availableActions(status: string, roles: readonly string[]): StaffAction[] {
  const inStatus = allowedActions(status as CaseStatus) as string[];
  return STAFF_ACTIONS.filter((action) => inStatus.includes(action) && mayUse(roles, ACTION_ROLES[action]));
}

import { ROLES, ROLE_LABELS } from '../org/roles';
import { CASE_ACTION_LABELS, CASE_ACTION_TYPES } from './actions';
import { ACTION_ROLES } from './transition-table';

/**
 * The roles-and-permissions table of the README, rendered from the code's permission map (which role
 * may perform which case action), so the two cannot drift apart. ✓ = allowed; the state machine and
 * the caller's unit scope still decide whether a particular case allows it.
 */
export function permissionTableMarkdown(): string {
  const header = `| action | ${ROLES.map((role) => `${ROLE_LABELS[role]} ${role}`).join(' | ')} |`;
  const divider = `| --- | ${ROLES.map(() => ':---:').join(' | ')} |`;
  const rows = CASE_ACTION_TYPES.map(
    (action) =>
      `| ${CASE_ACTION_LABELS[action]} \`${action}\` | ${ROLES.map((role) => (ACTION_ROLES[action].includes(role) ? '✓' : '')).join(' | ')} |`,
  );
  return [header, divider, ...rows].join('\n');
}

import { PERMISSION_LABELS, PERMISSION_ROLES, type Permission } from '../org/permissions';
import { ROLES, ROLE_LABELS, type Role } from '../org/roles';
import { CASE_ACTION_LABELS, CASE_ACTION_TYPES } from './actions';
import { ACTION_ROLES } from './transition-table';

/**
 * The roles-and-permissions table of docs/api.md, rendered from the code's permission maps (which role
 * may perform which case action, and use which other part of the API), so the two cannot drift apart.
 * ✓ = allowed; the state machine and the caller's unit scope still decide for a particular case.
 */
export function permissionTableMarkdown(): string {
  const header = `| action | ${ROLES.map((role) => `${ROLE_LABELS[role]} ${role}`).join(' | ')} |`;
  const divider = `| --- | ${ROLES.map(() => ':---:').join(' | ')} |`;
  const row = (label: string, allowed: readonly (Role | 'system')[]) =>
    `| ${label} | ${ROLES.map((role) => (allowed.includes(role) ? '✓' : '')).join(' | ')} |`;
  const actionRows = CASE_ACTION_TYPES.map((action) =>
    row(`${CASE_ACTION_LABELS[action]} \`${action}\``, ACTION_ROLES[action]),
  );
  const permissionRows = (Object.keys(PERMISSION_ROLES) as Permission[]).map((permission) =>
    row(`${PERMISSION_LABELS[permission]} \`${permission}\``, PERMISSION_ROLES[permission]),
  );
  return [header, divider, ...actionRows, ...permissionRows].join('\n');
}

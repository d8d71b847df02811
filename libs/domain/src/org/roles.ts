/** The roles of domain.md's "Who uses it" table. Every user holds exactly one role in one unit. */
export const ROLES = ['clerk', 'handler', 'unitLeader', 'packageLeader', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  clerk: '登记员',
  handler: '承办人',
  unitLeader: '单位负责人',
  packageLeader: '包案领导',
  supervisor: '督查员',
  admin: '管理员',
};

/** Leader roles: the only ones that may be named package leader (定包案领导) or approve as a leader. */
export const LEADER_ROLES: readonly Role[] = ['unitLeader', 'packageLeader'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isLeaderRole(role: Role): boolean {
  return LEADER_ROLES.includes(role);
}

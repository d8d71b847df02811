import { type Role } from './roles';

/**
 * Who may use each part of the API beyond the case actions (those are `ACTION_ROLES`). Reads are
 * further narrowed to the cases the caller may see (unit subtree, named on the case, never as the
 * accused). The administrator manages accounts and units but reads no petition: separation of duties.
 */
export const PERMISSION_ROLES = {
  readCases: ['clerk', 'handler', 'unitLeader', 'packageLeader', 'supervisor'],
  exportTimeline: ['clerk', 'unitLeader', 'packageLeader', 'supervisor'],
  revealPersonalData: ['clerk', 'handler', 'unitLeader'],
  readMetrics: ['unitLeader', 'packageLeader', 'supervisor'],
  readInbox: ['clerk', 'handler', 'unitLeader', 'packageLeader', 'supervisor', 'admin'],
  administer: ['admin'],
  attachFiles: ['clerk', 'handler', 'unitLeader', 'packageLeader'],
  readUnitDirectory: ['clerk', 'handler', 'unitLeader', 'packageLeader', 'supervisor', 'admin'],
  readStaffDirectory: ['clerk', 'handler', 'unitLeader', 'packageLeader', 'supervisor', 'admin'],
  publishReceptions: ['unitLeader', 'admin'],
  readReceptionSchedule: ['clerk', 'handler', 'unitLeader', 'packageLeader', 'supervisor', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSION_ROLES;

export const PERMISSION_LABELS: Readonly<Record<Permission, string>> = {
  readCases: '查阅案件（列表、检索、详情、时间线、校验、脱敏信访人）',
  exportTimeline: '导出时间线 CSV',
  revealPersonalData: '查看完整个人信息（须说明理由）',
  readMetrics: '查看统计指标',
  readInbox: '本人提醒与升级',
  administer: '管理单位、用户与角色',
  attachFiles: '上传案件附件',
  readUnitDirectory: '查看本系统单位目录（登记、转送、交办时选择单位）',
  readStaffDirectory:
    '查看本单位上下级的工作人员（姓名、角色、单位；选择承办人、包案领导、履职人员、接待领导）',
  publishReceptions: '发布领导接待日安排',
  readReceptionSchedule: '查看领导接待日安排',
};

export function mayUse(roles: readonly string[], allowed: readonly (Role | 'system')[]): boolean {
  return roles.some((role) => (allowed as readonly string[]).includes(role));
}

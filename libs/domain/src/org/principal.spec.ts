import { assertPrincipal } from './principal';
import { isLeaderRole, ROLE_LABELS, ROLES } from './roles';

describe('roles and principals', () => {
  it('labels every role in Chinese and knows the leader roles', () => {
    expect(ROLES.map((role) => ROLE_LABELS[role])).toEqual([
      '登记员',
      '承办人',
      '单位负责人',
      '包案领导',
      '督查员',
      '管理员',
    ]);
    expect(ROLES.filter(isLeaderRole)).toEqual(['unitLeader', 'packageLeader']);
  });

  it('accepts a well-formed principal and names the first bad field otherwise', () => {
    expect(() => assertPrincipal({ userId: 'u', name: 'n', role: 'clerk', unitCode: 'D' })).not.toThrow();
    expect(() => assertPrincipal({ userId: 'u', name: 'n', role: 'boss', unitCode: 'D' }, 'actor')).toThrow(
      expect.objectContaining({ code: 'PRINCIPAL_INVALID', kind: 'invalid', field: 'actor.role' }),
    );
  });
});

import { HttpStatus } from '@nestjs/common';
import { refusalOf, type RefusalTable } from '../http/api-error';

/** The stable codes of administrative refusals, each with its status and a bilingual message. */
export const ADMIN_ERRORS = {
  UNIT_OUT_OF_SCOPE: [HttpStatus.FORBIDDEN, '单位不在你的管辖范围内 / the unit is outside your scope'],
  UNIT_UNKNOWN: [HttpStatus.UNPROCESSABLE_ENTITY, '单位不存在 / unknown unit'],
  UNIT_CODE_TAKEN: [HttpStatus.CONFLICT, '单位编码已存在 / the unit code is taken'],
  USERNAME_TAKEN: [HttpStatus.CONFLICT, '登录名已被使用 / the username is taken'],
  USER_NOT_FOUND: [HttpStatus.NOT_FOUND, '用户不存在 / no such user'],
  USER_ALREADY_INACTIVE: [HttpStatus.CONFLICT, '该用户已停用 / the user is already deactivated'],
  USER_ALREADY_ACTIVE: [HttpStatus.CONFLICT, '该用户已启用 / the user is already active'],
  CANNOT_DEACTIVATE_SELF: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '不能停用自己的账户 / you cannot deactivate yourself',
  ],
  CANNOT_CHANGE_OWN_ROLES: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '不能修改自己的角色，请由另一位管理员操作 / you cannot change your own roles; another administrator must',
  ],
  ADMIN_WITH_CASE_ROLES: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '管理员不能兼任办案角色（职责分离）/ an administrator cannot also hold a case-handling role (separation of duties)',
  ],
  CANNOT_RESET_OWN_CREDENTIALS: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '不能重置自己的凭据，请修改密码 / you cannot reset your own credentials; change your password instead',
  ],
  NOTICE_NUMBER_PATTERN_INVALID: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '文号格式只能使用 {unitShort}、{unitCode}、{year}、{seq}，且须含 {seq} / the pattern may use only {unitShort}, {unitCode}, {year}, {seq} and must contain {seq}',
  ],
} as const satisfies RefusalTable;

export type AdminErrorCode = keyof typeof ADMIN_ERRORS;

export const adminError = refusalOf(ADMIN_ERRORS);

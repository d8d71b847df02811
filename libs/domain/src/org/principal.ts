import { DomainError } from '../errors';
import { isRole, Role } from './roles';

/**
 * Who acts: a user, in one role, belonging to one unit. The same shape names the people a case
 * refers to (handler, package leader), so it is also exported as `PersonRef`.
 */
export interface Principal {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly unitCode: string;
}

export type PersonRef = Principal;

/** Checks an untrusted value (e.g. an Update argument) is a well-formed principal; throws `invalid`. */
export function assertPrincipal(value: unknown, field = 'principal'): asserts value is Principal {
  const candidate = (value ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of ['userId', 'name', 'unitCode'] as const) {
    if (typeof candidate[key] !== 'string' || (candidate[key] as string).trim() === '') problems.push(key);
  }
  if (!isRole(candidate.role)) problems.push('role');
  if (problems.length > 0) {
    throw new DomainError(
      'PRINCIPAL_INVALID',
      `人员信息不完整：${problems.join('、')} / person reference invalid: ${problems.join(', ')}`,
      { field: `${field}.${problems[0]}`, details: { problems } },
    );
  }
}

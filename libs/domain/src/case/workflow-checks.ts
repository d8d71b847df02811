/**
 * What the case workflow checks before it accepts an Update that is not a lifecycle action: pure rules,
 * thrown as DomainErrors (the workflow turns them into Update failures with the same code).
 */
import { DomainError } from '../errors';
import { parsePolicy } from '../policy/parse-policy';
import { type CaseState } from './case-state';
import { isFinalStatus } from './status';

/** A case is registered once, when its workflow starts: `register` never arrives through `act`. */
export function checkNotRegistration(action: { type: string }): void {
  if (action.type === 'register') {
    throw new DomainError('CASE_STATE_CONFLICT', '案件已登记 / the case is already registered');
  }
}

/** A repeat visit lands only on an open case, registered by a clerk, with the visit's id. */
export function checkRepeatVisit(
  state: CaseState | null,
  request: { actor?: { role?: string }; visitId?: unknown },
): void {
  if (!state || isFinalStatus(state.status)) {
    throw new DomainError('CASE_STATE_CONFLICT', '案件已结束 / the case has ended');
  }
  if (request.actor?.role !== 'clerk') {
    throw new DomainError('ROLE_NOT_ALLOWED', '仅登记员登记来访 / only a clerk registers a visit');
  }
  if (typeof request.visitId !== 'string' || request.visitId.trim() === '') {
    throw new DomainError('FIELD_REQUIRED', '缺少来访编号 / visitId is required', { field: 'visitId' });
  }
}

/** A policy migration: by an administrator, to a valid policy, with a reason, on a case not yet ended. */
export function checkPolicyMigration(
  state: CaseState | null,
  migration: { actor: { role: string }; policy: unknown; reason?: string },
): void {
  if (migration.actor.role !== 'admin') {
    throw new DomainError('ROLE_NOT_ALLOWED', '仅管理员可迁移策略 / only an administrator migrates policies');
  }
  parsePolicy(migration.policy);
  if (!migration.reason?.trim()) {
    throw new DomainError('FIELD_REQUIRED', '须说明迁移原因 / a reason is required', { field: 'reason' });
  }
  if (state && isFinalStatus(state.status)) {
    throw new DomainError('CASE_STATE_CONFLICT', '案件已结束 / the case has ended');
  }
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AdminAction,
  findManagedUserForUpdate,
  insertUser,
  listUsersInSubtree,
  type ManagedUser,
  recordAdminAudit,
  replaceUserRoles,
  setUserActive,
} from '../../../../libs/persistence/src';
import {
  issueOneTimeCredentials,
  revokeSessionsOf,
  spendPendingChallengesOf,
} from '../../../../libs/persistence/src/auth';
import { type StaffSession } from '../auth/staff-session';
import { type CreateUserDto } from './admin.dto';
import { adminError } from './admin-errors';
import { requireUnitInScope } from './admin-scope';

/** A new account or a reset one: the one-time password is shown here once and stored only as a hash. */
export interface IssuedCredentials {
  user: ManagedUser;
  oneTimePassword: string;
}

interface UserChange<T> {
  /** What to record; none when nothing changed. `details` never holds a password or a secret. */
  audit?: { action: AdminAction; details: Record<string, unknown> };
  result: T;
}

/**
 * Staff accounts within the administrator's unit subtree. Every change runs in one transaction with
 * its admin_audit row; the account is locked meanwhile, so concurrent changes happen one after another.
 */
@Injectable()
export class AdminUsersService {
  constructor(private readonly db: DataSource) {}

  async list(admin: StaffSession, unitCode = admin.unitCode): Promise<{ items: ManagedUser[] }> {
    await requireUnitInScope(this.db, admin, unitCode, 'unit');
    return { items: await listUsersInSubtree(this.db, unitCode) };
  }

  /** No TOTP yet and a password to change: the first login goes through both, like the seeded admin's. */
  async create(
    admin: StaffSession,
    body: CreateUserDto,
    clientAddress: string | undefined,
  ): Promise<IssuedCredentials> {
    return this.db.transaction(async (tx) => {
      await requireUnitInScope(tx, admin, body.unitCode);
      const id = `u-${randomUUID()}`;
      const roles = separatedDuties([...body.roles].sort());
      const created = await insertUser(tx, { ...body, id, roles });
      if (!created) throw adminError('USERNAME_TAKEN', 'username');
      const oneTimePassword = await issueOneTimeCredentials(tx, id);
      await recordAdminAudit(tx, {
        actorId: admin.userId,
        action: 'user.create',
        target: id,
        unitCode: body.unitCode,
        details: { username: body.username, name: body.name, unitCode: body.unitCode, roles },
        clientAddress,
      });
      return { user: (await findManagedUserForUpdate(tx, id))!, oneTimePassword };
    });
  }

  /** Takes effect at the user's next request: sessions read the roles afresh every time. */
  setRoles(admin: StaffSession, userId: string, roles: string[], clientAddress: string | undefined) {
    // Nobody widens or narrows their own powers: another administrator must.
    if (userId === admin.userId) throw adminError('CANNOT_CHANGE_OWN_ROLES', 'roles');
    const after = separatedDuties([...roles].sort());
    return this.change(admin, userId, clientAddress, async (tx, user) => {
      if (user.roles.join() === after.join()) return { result: {} };
      await replaceUserRoles(tx, userId, after);
      return { audit: { action: 'user.roles', details: { before: user.roles, after } }, result: {} };
    });
  }

  /** Logins are refused from now on and every session of the account ends. */
  deactivate(admin: StaffSession, userId: string, clientAddress: string | undefined) {
    if (userId === admin.userId) throw adminError('CANNOT_DEACTIVATE_SELF');
    return this.change(admin, userId, clientAddress, async (tx, user) => {
      if (!user.active) throw adminError('USER_ALREADY_INACTIVE');
      await setUserActive(tx, userId, false);
      const sessionsRevoked = await revokeSessionsOf(tx, userId, 'deactivated');
      await spendPendingChallengesOf(tx, userId);
      return {
        audit: { action: 'user.deactivate', details: { sessionsRevoked } },
        result: { sessionsRevoked },
      };
    });
  }

  reactivate(admin: StaffSession, userId: string, clientAddress: string | undefined) {
    return this.change(admin, userId, clientAddress, async (tx, user) => {
      if (user.active) throw adminError('USER_ALREADY_ACTIVE');
      await setUserActive(tx, userId, true);
      return { audit: { action: 'user.reactivate', details: {} }, result: {} };
    });
  }

  /** A new one-time password; TOTP and lockout cleared; sessions and half-finished logins ended. */
  resetCredentials(admin: StaffSession, userId: string, clientAddress: string | undefined) {
    if (userId === admin.userId) throw adminError('CANNOT_RESET_OWN_CREDENTIALS');
    return this.change(admin, userId, clientAddress, async (tx) => {
      const oneTimePassword = await issueOneTimeCredentials(tx, userId);
      const sessionsRevoked = await revokeSessionsOf(tx, userId, 'credentialsReset');
      await spendPendingChallengesOf(tx, userId);
      return {
        audit: { action: 'user.resetCredentials', details: { sessionsRevoked } },
        result: { oneTimePassword, sessionsRevoked },
      };
    });
  }

  /**
   * Loads and locks the user, checks it is within scope, applies the change and records it (a change
   * that changes nothing records nothing). Answers the user as it is now, with the change's result.
   */
  private async change<T extends object>(
    admin: StaffSession,
    userId: string,
    clientAddress: string | undefined,
    apply: (tx: EntityManager, user: ManagedUser) => Promise<UserChange<T>>,
  ): Promise<T & { user: ManagedUser }> {
    return this.db.transaction(async (tx) => {
      const user = await findManagedUserForUpdate(tx, userId);
      if (!user) throw adminError('USER_NOT_FOUND');
      await requireUnitInScope(tx, admin, user.unitCode);
      const { audit, result } = await apply(tx, user);
      if (audit) {
        await recordAdminAudit(tx, {
          actorId: admin.userId,
          action: audit.action,
          target: userId,
          unitCode: user.unitCode,
          details: { username: user.username, ...audit.details },
          clientAddress,
        });
      }
      return { ...result, user: (await findManagedUserForUpdate(tx, userId))! };
    });
  }
}

/** An administrator manages accounts and reads no petition: the admin role stands alone. */
function separatedDuties(roles: string[]): string[] {
  if (roles.includes('admin') && roles.length > 1) throw adminError('ADMIN_WITH_CASE_ROLES', 'roles');
  return roles;
}

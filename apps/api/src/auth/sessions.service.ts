import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  findSessionByTokenHash,
  insertSession,
  isSessionLive,
  revokeSession,
  revokeSessionsOf,
  touchLiveSession,
} from '../../../../libs/persistence/src/auth';
import { authError } from './auth-errors';
import { AUTH_SETTINGS, type AuthSettings } from './auth-settings';
import { type StaffSession } from './staff-session';
import { hashToken, newOpaqueToken } from './tokens';

export interface IssuedSession {
  accessToken: string;
  expiresAt: string;
}

/**
 * Access tokens: opaque, stored as SHA-256 only, with an absolute lifetime and an idle timeout measured
 * on the database clock (the same for every API instance); every use refreshes the idle window.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly db: DataSource,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  async create(userId: string, clientAddress: string | undefined): Promise<IssuedSession> {
    const { token, hash } = newOpaqueToken();
    const row = await insertSession(this.db, {
      tokenHash: hash,
      userId,
      lifetimeHours: this.settings.sessionLifetimeHours,
      clientAddress,
    });
    return { accessToken: token, expiresAt: new Date(row.expires_at).toISOString() };
  }

  /** The signed-in staff member of a live session; 401 with the reason otherwise. Refreshes the idle window. */
  async authenticate(token: string | undefined): Promise<StaffSession> {
    if (!token) throw authError('AUTH_REQUIRED');
    const idleMinutes = this.settings.sessionIdleMinutes;
    const row = await findSessionByTokenHash(this.db, hashToken(token), idleMinutes);
    if (!row) throw authError('AUTH_REQUIRED');
    if (row.revoked || !row.active) throw authError('SESSION_REVOKED');
    if (row.expired) throw authError('SESSION_EXPIRED');
    if (row.idle) throw authError('SESSION_IDLE_TIMEOUT');
    // Refresh only a session still live at this instant, so a concurrent logout or idle expiry wins.
    const touched = await touchLiveSession(this.db, row.id, idleMinutes);
    if (!touched) throw authError('SESSION_REVOKED');
    return {
      userId: row.user_id,
      username: row.username,
      name: row.name,
      unitCode: row.unit_code,
      roles: row.roles,
      sessionId: row.id,
    };
  }

  /** Whether the session still stands — not revoked, expired or idle, its user active — without using it. */
  async isLive(sessionId: string): Promise<boolean> {
    return isSessionLive(this.db, sessionId, this.settings.sessionIdleMinutes);
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await revokeSession(this.db, sessionId, reason);
  }

  /** Ends every other session of the user (after a password change). */
  async revokeOthers(userId: string, keepSessionId: string | undefined, reason: string): Promise<void> {
    await revokeSessionsOf(this.db, userId, reason, keepSessionId);
  }
}

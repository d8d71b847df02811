import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { revokeSessionsOf } from '../../../../libs/persistence/src/auth';
import { authError } from './auth-errors';
import { AUTH_SETTINGS, type AuthSettings } from './auth-settings';
import { type Principal } from './principal';
import { hashToken, newOpaqueToken } from './tokens';

export interface IssuedSession {
  accessToken: string;
  expiresAt: string;
}

interface SessionRow {
  id: string;
  user_id: string;
  username: string;
  name: string;
  unit_code: string;
  active: boolean;
  roles: string[];
  revoked: boolean;
  expired: boolean;
  idle: boolean;
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
    const [row] = await this.db.query(
      `INSERT INTO sessions (token_hash, user_id, expires_at, client_address)
       VALUES ($1, $2, now() + $3::float8 * interval '1 hour', $4) RETURNING expires_at`,
      [hash, userId, this.settings.sessionLifetimeHours, clientAddress ?? null],
    );
    return { accessToken: token, expiresAt: new Date(row.expires_at).toISOString() };
  }

  /** The principal of a live session; 401 with the reason otherwise. Refreshes the idle window. */
  async authenticate(token: string | undefined): Promise<Principal> {
    if (!token) throw authError('AUTH_REQUIRED');
    const idleMinutes = this.settings.sessionIdleMinutes;
    const rows: SessionRow[] = await this.db.query(
      `SELECT s.id::text AS id, s.user_id, u.username, u.name, u.unit_code, u.active,
              coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '{}') AS roles,
              s.revoked_at IS NOT NULL AS revoked,
              s.expires_at <= now() AS expired,
              s.last_used_at <= now() - $2::float8 * interval '1 minute' AS idle
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1`,
      [hashToken(token), idleMinutes],
    );
    const row = rows[0];
    if (!row) throw authError('AUTH_REQUIRED');
    if (row.revoked || !row.active) throw authError('SESSION_REVOKED');
    if (row.expired) throw authError('SESSION_EXPIRED');
    if (row.idle) throw authError('SESSION_IDLE_TIMEOUT');
    // Refresh only a session still live at this instant, so a concurrent logout or idle expiry wins.
    const [, touched] = await this.db.query(
      `UPDATE sessions SET last_used_at = now()
       WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()
         AND last_used_at > now() - $2::float8 * interval '1 minute'`,
      [row.id, idleMinutes],
    );
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
    const [row] = await this.db.query(
      `SELECT s.revoked_at IS NULL AND s.expires_at > now() AND u.active
              AND s.last_used_at > now() - $2::float8 * interval '1 minute' AS live
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
      [sessionId, this.settings.sessionIdleMinutes],
    );
    return row?.live === true;
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    );
  }

  /** Ends every other session of the user (after a password change). */
  async revokeOthers(userId: string, keepSessionId: string | undefined, reason: string): Promise<void> {
    await revokeSessionsOf(this.db, userId, reason, keepSessionId);
  }
}

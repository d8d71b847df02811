import { type EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** Ends the user's live sessions (all, or all but `keepSessionId`); returns how many ended. */
export async function revokeSessionsOf(
  db: Queryable,
  userId: string,
  reason: string,
  keepSessionId?: string,
): Promise<number> {
  const [, revoked] = await db.query(
    `UPDATE sessions SET revoked_at = now(), revoked_reason = $3
     WHERE user_id = $1 AND revoked_at IS NULL AND ($2::bigint IS NULL OR id <> $2::bigint)`,
    [userId, keepSessionId ?? null, reason],
  );
  return Number(revoked);
}

/** Spends the user's half-finished logins, so none continues against credentials that changed. */
export async function spendPendingChallengesOf(db: Queryable, userId: string): Promise<void> {
  await db.query(`UPDATE auth_challenges SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
    userId,
  ]);
}

/** Stores a new session under its token hash; returns when it expires. */
export async function insertSession(
  db: Queryable,
  session: { tokenHash: string; userId: string; lifetimeHours: number; clientAddress: string | undefined },
): Promise<{ expires_at: Date | string }> {
  const [row] = await db.query(
    `INSERT INTO sessions (token_hash, user_id, expires_at, client_address)
       VALUES ($1, $2, now() + $3::float8 * interval '1 hour', $4) RETURNING expires_at`,
    [session.tokenHash, session.userId, session.lifetimeHours, session.clientAddress ?? null],
  );
  return row as { expires_at: Date | string };
}

/** A session with its user and whether it is revoked, expired or idle, on the database clock. */
export interface SessionByToken {
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

/** The session with this token hash and its user, if any. */
export async function findSessionByTokenHash(
  db: Queryable,
  tokenHash: string,
  idleMinutes: number,
): Promise<SessionByToken | undefined> {
  const rows: SessionByToken[] = await db.query(
    `SELECT s.id::text AS id, s.user_id, u.username, u.name, u.unit_code, u.active,
              coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '{}') AS roles,
              s.revoked_at IS NOT NULL AS revoked,
              s.expires_at <= now() AS expired,
              s.last_used_at <= now() - $2::float8 * interval '1 minute' AS idle
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1`,
    [tokenHash, idleMinutes],
  );
  return rows[0];
}

/** Refreshes the idle window of a session still live at this instant; returns rows updated. */
export async function touchLiveSession(
  db: Queryable,
  sessionId: string,
  idleMinutes: number,
): Promise<number> {
  const [, touched] = await db.query(
    `UPDATE sessions SET last_used_at = now()
       WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()
         AND last_used_at > now() - $2::float8 * interval '1 minute'`,
    [sessionId, idleMinutes],
  );
  return touched;
}

/** Whether the session is neither revoked, expired nor idle and its user active. */
export async function isSessionLive(db: Queryable, sessionId: string, idleMinutes: number): Promise<boolean> {
  const [row] = await db.query(
    `SELECT s.revoked_at IS NULL AND s.expires_at > now() AND u.active
              AND s.last_used_at > now() - $2::float8 * interval '1 minute' AS live
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
    [sessionId, idleMinutes],
  );
  return row?.live === true;
}

/** Ends one session, unless already ended. */
export async function revokeSession(db: Queryable, sessionId: string, reason: string): Promise<void> {
  await db.query(
    `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
    [sessionId, reason],
  );
}

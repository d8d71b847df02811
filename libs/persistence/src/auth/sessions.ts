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

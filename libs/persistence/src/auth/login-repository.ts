import { type EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** A login step, as `login_attempts` records it. */
export type LoginAttemptStage = 'password' | 'totp' | 'enrol' | 'changePassword';

/** How a login step ended, as `login_attempts` records it. */
export type LoginAttemptOutcome =
  | 'ok'
  | 'badPassword'
  | 'badCode'
  | 'unknownUser'
  | 'inactive'
  | 'noCredentials'
  | 'locked'
  | 'rateLimited'
  | 'challengeInvalid';

/** A user with their credentials, as a login step checks them. */
export interface LoginAccount {
  id: string;
  username: string;
  active: boolean;
  roles: string[];
  password_hash: string | null;
  must_change_password: boolean;
  totp_secret_enc: string | null;
  totp_last_step: string | null;
  locked: boolean;
}

/** A spent login challenge: whose, for which step, and whether it was still live when spent. */
export interface SpentAuthChallenge {
  user_id: string;
  stage: 'totp' | 'enrol' | 'changePassword';
  totp_verified: boolean;
  pending_totp_secret_enc: string | null;
  live: boolean;
}

const ACCOUNT_COLUMNS = `u.id, u.username, u.active,
  coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '{}') AS roles,
  c.password_hash, coalesce(c.must_change_password, false) AS must_change_password, c.totp_secret_enc,
  c.totp_last_step::text AS totp_last_step, coalesce(c.locked_until > now(), false) AS locked`;

async function loginAccountWhere(
  db: Queryable,
  where: string,
  value: string,
): Promise<LoginAccount | undefined> {
  const [account] = await db.query(
    `SELECT ${ACCOUNT_COLUMNS} FROM users u LEFT JOIN credentials c ON c.user_id = u.id WHERE ${where}`,
    [value],
  );
  return account as LoginAccount | undefined;
}

/** The account with this username and its credentials, if any. */
export function findLoginAccountByUsername(
  db: Queryable,
  username: string,
): Promise<LoginAccount | undefined> {
  return loginAccountWhere(db, 'u.username = $1', username);
}

/** The account with this user id and its credentials, if any. */
export function findLoginAccountById(db: Queryable, userId: string): Promise<LoginAccount | undefined> {
  return loginAccountWhere(db, 'u.id = $1', userId);
}

/** Records a used TOTP time step, only if later than the last one (no code replays); returns rows updated. */
export async function recordTotpStepIfLater(db: Queryable, userId: string, step: number): Promise<number> {
  const [, recorded] = await db.query(
    `UPDATE credentials SET totp_last_step = $2
             WHERE user_id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
    [userId, step],
  );
  return recorded;
}

/** Stores the enrolled TOTP secret unless one was enrolled meanwhile; returns rows updated. */
export async function enrolTotpSecret(
  db: Queryable,
  userId: string,
  secretEnc: string | null,
  step: number,
): Promise<number> {
  const [, enrolled] = await db.query(
    `UPDATE credentials SET totp_secret_enc = $2, totp_enrolled_at = now(), totp_last_step = $3
       WHERE user_id = $1 AND totp_enrolled_at IS NULL`,
    [userId, secretEnc, step],
  );
  return enrolled;
}

/** Whose unspent, unexpired change-password challenge this is, without spending it. */
export async function findLiveChangePasswordChallenge(
  db: Queryable,
  tokenHash: string,
): Promise<{ user_id: string } | undefined> {
  const [peek] = await db.query(
    `SELECT user_id FROM auth_challenges
       WHERE token_hash = $1 AND stage = 'changePassword' AND used_at IS NULL AND expires_at > now()`,
    [tokenHash],
  );
  return peek as { user_id: string } | undefined;
}

/** Stores a new password hash, ending any forced change. */
export async function storePasswordHash(db: Queryable, userId: string, passwordHash: string): Promise<void> {
  await db.query(
    `UPDATE credentials SET password_hash = $2, must_change_password = false, password_changed_at = now()
       WHERE user_id = $1`,
    [userId, passwordHash],
  );
}

/** Stores a challenge for the next login step; returns when it expires. */
export async function insertAuthChallenge(
  db: Queryable,
  challenge: {
    tokenHash: string;
    userId: string;
    stage: SpentAuthChallenge['stage'];
    totpVerified: boolean;
    pendingTotpSecretEnc: string | null;
    lifetimeMinutes: number;
  },
): Promise<{ expires_at: Date | string }> {
  const [created] = await db.query(
    `INSERT INTO auth_challenges (token_hash, user_id, stage, totp_verified, pending_totp_secret_enc, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + $6::float8 * interval '1 minute') RETURNING expires_at`,
    [
      challenge.tokenHash,
      challenge.userId,
      challenge.stage,
      challenge.totpVerified,
      challenge.pendingTotpSecretEnc,
      challenge.lifetimeMinutes,
    ],
  );
  return created as { expires_at: Date | string };
}

/** Drops challenges expired more than a day ago. */
export async function pruneExpiredAuthChallenges(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM auth_challenges WHERE expires_at < now() - interval '1 day'`);
}

/** Spends a challenge (single use, whatever comes next); the challenge as it was, if it existed unspent. */
export async function spendAuthChallenge(
  db: Queryable,
  tokenHash: string,
): Promise<SpentAuthChallenge | undefined> {
  const [rows] = await db.query(
    `UPDATE auth_challenges SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL
       RETURNING user_id, stage, totp_verified, pending_totp_secret_enc, expires_at > now() AS live`,
    [tokenHash],
  );
  return (rows as SpentAuthChallenge[])[0];
}

/**
 * Counts a failed password or code, restarting the count when the window since the first failure
 * has passed; returns the count now, if the user has credentials.
 */
export async function countLoginFailure(
  db: Queryable,
  userId: string,
  windowMinutes: number,
): Promise<{ failed_count: number } | undefined> {
  const fresh = `first_failed_at IS NULL OR first_failed_at <= now() - $2::float8 * interval '1 minute'`;
  const [[counted]] = await db.query(
    `UPDATE credentials SET
         failed_count = CASE WHEN ${fresh} THEN 1 ELSE failed_count + 1 END,
         first_failed_at = CASE WHEN ${fresh} THEN now() ELSE first_failed_at END
       WHERE user_id = $1 RETURNING failed_count`,
    [userId, windowMinutes],
  );
  return counted as { failed_count: number } | undefined;
}

/** Locks the account for `minutes` and resets its failure count. */
export async function lockCredentials(db: Queryable, userId: string, minutes: number): Promise<void> {
  await db.query(
    `UPDATE credentials SET locked_until = now() + $2::float8 * interval '1 minute',
           failed_count = 0, first_failed_at = NULL
         WHERE user_id = $1`,
    [userId, minutes],
  );
}

/** Resets the failure count after a successful step. */
export async function clearLoginFailures(db: Queryable, userId: string): Promise<void> {
  await db.query(
    `UPDATE credentials SET failed_count = 0, first_failed_at = NULL WHERE user_id = $1 AND failed_count <> 0`,
    [userId],
  );
}

/** Records one login step's attempt and outcome. */
export async function recordLoginAttempt(
  db: Queryable,
  attempt: {
    userId: string | null;
    username: string;
    stage: LoginAttemptStage;
    outcome: LoginAttemptOutcome;
    clientAddress: string | undefined;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO login_attempts (user_id, username, stage, outcome, client_address) VALUES ($1, $2, $3, $4, $5)`,
    [
      attempt.userId,
      attempt.username.slice(0, 128),
      attempt.stage,
      attempt.outcome,
      attempt.clientAddress?.slice(0, 64) ?? null,
    ],
  );
}

import { randomBytes } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { hashPassword } from './password-hash';

/** 18 random bytes in base64url: 24 characters from all four character classes most of the time. */
export function newOneTimePassword(): string {
  for (;;) {
    const candidate = randomBytes(18).toString('base64url');
    if (/[a-z]/.test(candidate) && /[A-Z]/.test(candidate) && /\d/.test(candidate)) return candidate;
  }
}

/**
 * Gives the user a fresh one-time password, to be changed at the next login, and clears the second
 * factor and any lockout, so that login goes through the password change and TOTP enrolment again.
 * Returns the password: the caller hands it over once and never stores it.
 */
export async function issueOneTimeCredentials(
  db: Pick<EntityManager, 'query'>,
  userId: string,
): Promise<string> {
  const password = newOneTimePassword();
  await db.query(
    `INSERT INTO credentials (user_id, password_hash, must_change_password) VALUES ($1, $2, true)
     ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, must_change_password = true,
       totp_secret_enc = NULL, totp_enrolled_at = NULL, totp_last_step = NULL,
       failed_count = 0, first_failed_at = NULL, locked_until = NULL`,
    [userId, await hashPassword(password)],
  );
  return password;
}

import { randomBytes } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { DEFAULT_TOP_UNIT } from '../default-units';
import { hashPassword } from './password-hash';

export const INITIAL_ADMIN_USERNAME = 'admin';

/** 18 random bytes in base64url: 24 characters from all four character classes most of the time. */
function randomInitialPassword(): string {
  for (;;) {
    const candidate = randomBytes(18).toString('base64url');
    if (/[a-z]/.test(candidate) && /[A-Z]/.test(candidate) && /\d/.test(candidate)) return candidate;
  }
}

/**
 * On a system where no administrator can log in, creates `admin` (role admin, top unit) with a random
 * password to be changed at first login. Returns that password once, for the launcher to print; returns
 * undefined when an administrator with a password already exists.
 */
export async function ensureInitialAdministrator(
  db: DataSource,
): Promise<{ username: string; password: string } | undefined> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('ensureInitialAdministrator'))`);
    const existing = await tx.query(
      `SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin'
       JOIN credentials c ON c.user_id = u.id WHERE u.active LIMIT 1`,
    );
    if (existing.length > 0) return undefined;
    const password = randomInitialPassword();
    const passwordHash = await hashPassword(password);
    await tx.query(
      `INSERT INTO users (id, username, name, unit_code) VALUES ($1, $1, '系统管理员', $2)
       ON CONFLICT (id) DO NOTHING`,
      [INITIAL_ADMIN_USERNAME, DEFAULT_TOP_UNIT.code],
    );
    await tx.query(`UPDATE users SET active = true WHERE id = $1`, [INITIAL_ADMIN_USERNAME]);
    await tx.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'admin') ON CONFLICT DO NOTHING`, [
      INITIAL_ADMIN_USERNAME,
    ]);
    await tx.query(
      `INSERT INTO credentials (user_id, password_hash, must_change_password) VALUES ($1, $2, true)
       ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, must_change_password = true,
         totp_secret_enc = NULL, totp_enrolled_at = NULL, totp_last_step = NULL,
         failed_count = 0, first_failed_at = NULL, locked_until = NULL`,
      [INITIAL_ADMIN_USERNAME, passwordHash],
    );
    return { username: INITIAL_ADMIN_USERNAME, password };
  });
}

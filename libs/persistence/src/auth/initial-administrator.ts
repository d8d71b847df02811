import { type DataSource } from 'typeorm';
import { DEFAULT_TOP_UNIT } from '../default-units';
import { issueOneTimeCredentials } from './one-time-credentials';

export const INITIAL_ADMIN_USERNAME = 'admin';

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
    await tx.query(
      `INSERT INTO users (id, username, name, unit_code) VALUES ($1, $1, '系统管理员', $2)
       ON CONFLICT (id) DO NOTHING`,
      [INITIAL_ADMIN_USERNAME, DEFAULT_TOP_UNIT.code],
    );
    await tx.query(`UPDATE users SET active = true WHERE id = $1`, [INITIAL_ADMIN_USERNAME]);
    await tx.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'admin') ON CONFLICT DO NOTHING`, [
      INITIAL_ADMIN_USERNAME,
    ]);
    const password = await issueOneTimeCredentials(tx, INITIAL_ADMIN_USERNAME);
    return { username: INITIAL_ADMIN_USERNAME, password };
  });
}

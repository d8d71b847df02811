import { type EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** A staff account as an administrator manages it: never its password hash or TOTP secret. */
export interface ManagedUser {
  id: string;
  username: string;
  name: string;
  unitCode: string;
  roles: string[];
  active: boolean;
  /** A TOTP secret is enrolled. */
  totpEnrolled: boolean;
  /** Locked after repeated login failures, until the lockout ends or an administrator resets it. */
  locked: boolean;
  /** The next login must set a new password (a one-time password is in force). */
  mustChangePassword: boolean;
  createdAt: string;
}

interface ManagedUserRow {
  id: string;
  username: string;
  name: string;
  unit_code: string;
  roles: string[];
  active: boolean;
  totp_enrolled: boolean;
  locked: boolean;
  must_change_password: boolean;
  created_at: Date;
}

const MANAGED_USER_COLUMNS = `u.id, u.username, u.name, u.unit_code, u.active, u.created_at,
  coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '{}') AS roles,
  coalesce(c.totp_enrolled_at IS NOT NULL, false) AS totp_enrolled,
  coalesce(c.locked_until > now(), false) AS locked,
  coalesce(c.must_change_password, false) AS must_change_password`;

function toManagedUser(row: ManagedUserRow): ManagedUser {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    unitCode: row.unit_code,
    roles: row.roles,
    active: row.active,
    totpEnrolled: row.totp_enrolled,
    locked: row.locked,
    mustChangePassword: row.must_change_password,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Every user of the unit and the units below it, by unit then username. */
export async function listUsersInSubtree(db: Queryable, rootCode: string): Promise<ManagedUser[]> {
  const rows: ManagedUserRow[] = await db.query(
    `WITH RECURSIVE subtree AS (
       SELECT code FROM units WHERE code = $1
       UNION ALL SELECT u.code FROM units u JOIN subtree s ON u.parent_code = s.code
     )
     SELECT ${MANAGED_USER_COLUMNS}
     FROM users u LEFT JOIN credentials c ON c.user_id = u.id
     WHERE u.unit_code IN (SELECT code FROM subtree)
     ORDER BY u.unit_code, u.username`,
    [rootCode],
  );
  return rows.map(toManagedUser);
}

/**
 * The user, locked for the rest of the transaction so concurrent administrative changes to the same
 * account happen one after the other.
 */
export async function findManagedUserForUpdate(
  db: Queryable,
  userId: string,
): Promise<ManagedUser | undefined> {
  const locked: unknown[] = await db.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [userId]);
  if (locked.length === 0) return undefined;
  const [row]: ManagedUserRow[] = await db.query(
    `SELECT ${MANAGED_USER_COLUMNS} FROM users u LEFT JOIN credentials c ON c.user_id = u.id WHERE u.id = $1`,
    [userId],
  );
  return row && toManagedUser(row);
}

/** Inserts the user with its roles; false when the username is taken. */
export async function insertUser(
  db: Queryable,
  user: { id: string; username: string; name: string; unitCode: string; roles: readonly string[] },
): Promise<boolean> {
  const inserted = await db.query(
    `INSERT INTO users (id, username, name, unit_code) VALUES ($1, $2, $3, $4)
     ON CONFLICT (username) DO NOTHING RETURNING id`,
    [user.id, user.username, user.name, user.unitCode],
  );
  if (inserted.length === 0) return false;
  await replaceUserRoles(db, user.id, user.roles);
  return true;
}

export async function replaceUserRoles(
  db: Queryable,
  userId: string,
  roles: readonly string[],
): Promise<void> {
  await db.query(`DELETE FROM user_roles WHERE user_id = $1 AND NOT (role = ANY($2))`, [userId, roles]);
  await db.query(
    `INSERT INTO user_roles (user_id, role) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
    [userId, roles],
  );
}

export async function setUserActive(db: Queryable, userId: string, active: boolean): Promise<void> {
  await db.query(`UPDATE users SET active = $2 WHERE id = $1`, [userId, active]);
}

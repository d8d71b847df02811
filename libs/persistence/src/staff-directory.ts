import { type EntityManager } from 'typeorm';
import { type Role } from '../../domain/src/org/roles';
import { unitLineCtes } from './unit-tree';

type Queryable = Pick<EntityManager, 'query'>;

/** One person staff may name on a case: name, roles and unit only (no username, no contact data). */
export interface StaffEntry {
  id: string;
  name: string;
  roles: Role[];
  unitCode: string;
  unitName: string;
}

export interface StaffFilter {
  /** Only people of this unit (it must lie on the caller's line). */
  unitCode?: string;
  role?: Role;
  /** A part of the person's name or of their unit's name. */
  q?: string;
  limit: number;
}

/**
 * The active staff on the caller's unit line: the caller's unit, every unit above it (where package
 * leaders and reception leaders sit) and every unit below it (where handlers sit). Sibling units and
 * other trees stay out; administrators are not offered (they handle no case).
 */
export async function listStaffOnLine(
  db: Queryable,
  callerUnitCode: string,
  filter: StaffFilter,
): Promise<StaffEntry[]> {
  const rows: { id: string; name: string; roles: Role[]; unit_code: string; unit_name: string }[] =
    await db.query(
      `${unitLineCtes('$1')}
       SELECT p.id, p.name, p.unit_code, un.name AS unit_name,
              array_agg(r.role ORDER BY r.role) AS roles
       FROM users p
       JOIN line ON line.code = p.unit_code
       JOIN units un ON un.code = p.unit_code
       JOIN user_roles r ON r.user_id = p.id AND r.role <> 'admin'
       WHERE p.active
         AND ($2::text IS NULL OR p.unit_code = $2)
         AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM user_roles x WHERE x.user_id = p.id AND x.role = $3))
         AND ($4::text IS NULL OR strpos(p.name, $4) > 0 OR strpos(un.name, $4) > 0)
       GROUP BY p.id, p.name, p.unit_code, un.name
       ORDER BY p.unit_code, p.name, p.id
       LIMIT $5`,
      [callerUnitCode, filter.unitCode ?? null, filter.role ?? null, filter.q?.trim() || null, filter.limit],
    );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    roles: row.roles,
    unitCode: row.unit_code,
    unitName: row.unit_name,
  }));
}

/** An active person holding one of `roles`: their name, unit and the first of those roles they hold. */
export async function findActivePersonInRoles(
  db: Queryable,
  userId: string,
  roles: readonly Role[],
): Promise<{ name: string; unit_code: string; role: Role } | undefined> {
  const rows: { name: string; unit_code: string; role: Role }[] = await db.query(
    `SELECT u.name, u.unit_code, r.role FROM users u JOIN user_roles r ON r.user_id = u.id
       WHERE u.id = $1 AND u.active AND r.role = ANY($2) ORDER BY array_position($2, r.role) LIMIT 1`,
    [userId, roles],
  );
  return rows[0];
}

import { type EntityManager } from 'typeorm';
import { type DirectorySnapshot } from '../../domain/src/org/directory';
import { type Role } from '../../domain/src/org/roles';

/**
 * Who holds which post in these units, and the acting deputies in force now: the snapshot a case
 * workflow resolves escalation recipients against. A user holding several roles appears once per role.
 */
export async function loadDirectory(
  db: EntityManager,
  unitCodes: readonly string[],
  at: Date = new Date(),
): Promise<DirectorySnapshot> {
  const people: { id: string; name: string; unit_code: string; role: Role; active: boolean }[] =
    await db.query(
      `SELECT u.id, u.name, u.unit_code, r.role, u.active
     FROM users u JOIN user_roles r ON r.user_id = u.id
     WHERE u.unit_code = ANY($1) ORDER BY u.id, r.role`,
      [unitCodes],
    );
  const delegations: {
    holder_user_id: string;
    deputy_id: string;
    deputy_name: string;
    deputy_unit: string;
    deputy_role: Role;
  }[] = await db.query(
    `SELECT d.holder_user_id, u.id AS deputy_id, u.name AS deputy_name, u.unit_code AS deputy_unit,
              (SELECT min(role) FROM user_roles WHERE user_id = u.id) AS deputy_role
       FROM delegations d JOIN users u ON u.id = d.deputy_user_id
       JOIN users h ON h.id = d.holder_user_id
       WHERE h.unit_code = ANY($1) AND d.valid_from <= $2 AND (d.valid_until IS NULL OR d.valid_until > $2) AND u.active`,
    [unitCodes, at],
  );
  return {
    people: people.map((p) => ({
      userId: p.id,
      name: p.name,
      role: p.role,
      unitCode: p.unit_code,
      inPost: p.active,
    })),
    delegations: delegations.map((d) => ({
      holderUserId: d.holder_user_id,
      deputy: { userId: d.deputy_id, name: d.deputy_name, role: d.deputy_role, unitCode: d.deputy_unit },
    })),
  };
}

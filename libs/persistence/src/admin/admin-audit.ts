import { type EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

export const ADMIN_ACTIONS = [
  'user.create',
  'user.roles',
  'user.deactivate',
  'user.reactivate',
  'user.resetCredentials',
  'unit.create',
  'unit.noticeNumbering',
  'calendar.publish',
  'policy.publish',
  'receptionSession.publish',
  'noticeTemplate.update',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/**
 * The admin audit's actor id for a change made by the system itself, or by a script run without `--by`
 * (the audit's own id, not a case actor: case events record `RECORDED_SYSTEM_ACTOR`, system:engine).
 */
export const ADMIN_AUDIT_SYSTEM_ID = 'system';

export interface AdminAuditEntry {
  actorId: string;
  action: AdminAction;
  /** What changed: a user id, a unit code, a calendar or policy version. */
  target: string;
  /** The unit the change concerns; omitted for system-wide changes. */
  unitCode?: string;
  /** What an auditor needs to know; never a password or a secret. */
  details: Record<string, unknown>;
  clientAddress?: string;
}

export interface AdminAuditRecord {
  id: string;
  occurredAt: string;
  actorId: string;
  actorName: string | null;
  action: AdminAction;
  target: string;
  unitCode: string | null;
  details: Record<string, unknown>;
  clientAddress: string | null;
}

/** Appends one row; call it inside the transaction that makes the change, so both or neither happen. */
export async function recordAdminAudit(db: Queryable, entry: AdminAuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO admin_audit (actor_id, action, target, unit_code, details, client_address)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      entry.actorId,
      entry.action,
      entry.target,
      entry.unitCode ?? null,
      entry.details,
      entry.clientAddress?.slice(0, 64) ?? null,
    ],
  );
}

/**
 * The trail of the changes concerning the subtree of `scopeUnitCode`, newest first, `limit` rows older
 * than row `beforeId`. System-wide changes (no unit) belong to the scope of a top unit only.
 */
export async function listAdminAudit(
  db: Queryable,
  scopeUnitCode: string,
  page: { limit: number; beforeId?: string },
): Promise<{ items: AdminAuditRecord[]; nextCursor: string | null }> {
  const rows: {
    id: string;
    occurred_at: Date;
    actor_id: string;
    actor_name: string | null;
    action: AdminAction;
    target: string;
    unit_code: string | null;
    details: Record<string, unknown>;
    client_address: string | null;
  }[] = await db.query(
    `WITH RECURSIVE subtree AS (
       SELECT code, parent_code IS NULL AS top FROM units WHERE code = $1
       UNION ALL SELECT u.code, false FROM units u JOIN subtree s ON u.parent_code = s.code
     )
     SELECT a.id::text AS id, a.occurred_at, a.actor_id, u.name AS actor_name, a.action, a.target,
            a.unit_code, a.details, a.client_address
     FROM admin_audit a LEFT JOIN users u ON u.id = a.actor_id
     WHERE (a.unit_code IN (SELECT code FROM subtree)
            OR (a.unit_code IS NULL AND EXISTS (SELECT 1 FROM subtree WHERE top)))
       AND ($2::bigint IS NULL OR a.id < $2::bigint)
     ORDER BY a.id DESC LIMIT $3`,
    [scopeUnitCode, page.beforeId ?? null, page.limit + 1],
  );
  const items = rows.slice(0, page.limit).map((row) => ({
    id: row.id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    target: row.target,
    unitCode: row.unit_code,
    details: row.details,
    clientAddress: row.client_address,
  }));
  return { items, nextCursor: rows.length > page.limit ? items[items.length - 1]!.id : null };
}

import { type DataSource, type EntityManager } from 'typeorm';
import { recordAdminAudit, ADMIN_AUDIT_SYSTEM_ID } from './admin-audit';

export type PublicationKind = 'calendar' | 'policy';

const TABLES: Record<PublicationKind, string> = { calendar: 'calendars', policy: 'policies' };

export class PublicationError extends Error {
  override readonly name = 'PublicationError';
}

/**
 * Who publishes: `system` when nobody is named, otherwise an active user holding the admin role
 * (so the trail never names someone who could not have done it).
 */
export async function resolvePublisher(db: Pick<EntityManager, 'query'>, userId?: string): Promise<string> {
  if (userId === undefined) return ADMIN_AUDIT_SYSTEM_ID;
  const [found] = await db.query(
    `SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin' WHERE u.id = $1 AND u.active`,
    [userId],
  );
  if (!found) {
    throw new PublicationError(
      `发布人须为在职管理员 / the publisher ${userId} is not an active user with the admin role`,
    );
  }
  return userId;
}

/**
 * Stores a calendar or policy version (a version names one content: the same version with another
 * content is refused) and records `<kind>.publish` in the administrative audit, in one transaction.
 * Publishing a stored version again is recorded again, since it is sent to the cases again.
 */
export async function recordPublication(
  db: DataSource,
  publication: {
    kind: PublicationKind;
    version: string;
    document: object;
    actorId: string;
    details?: Record<string, unknown>;
    /** Make it the version new registrations start with: in a unit's subtree, or everywhere (null). */
    inForceFor?: { unitCode: string | null };
    clientAddress?: string;
  },
): Promise<{ firstPublication: boolean }> {
  const table = TABLES[publication.kind];
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO ${table} (version, document, created_by) VALUES ($1, $2, $3)
       ON CONFLICT (version) DO NOTHING RETURNING version`,
      [publication.version, publication.document, publication.actorId],
    );
    const firstPublication = inserted.length === 1;
    if (!firstPublication) {
      const [same] = await tx.query(`SELECT 1 FROM ${table} WHERE version = $1 AND document = $2::jsonb`, [
        publication.version,
        publication.document,
      ]);
      if (!same) {
        throw new PublicationError(
          `版本 ${publication.version} 已以不同内容发布 / version ${publication.version} was published with other content; give the new content a new version`,
        );
      }
    }
    const inForceFor = publication.inForceFor;
    if (inForceFor) {
      await tx.query(
        `INSERT INTO publications_in_force (kind, unit_code, version, set_by) VALUES ($1, $2, $3, $4)`,
        [publication.kind, inForceFor.unitCode, publication.version, publication.actorId],
      );
    }
    await recordAdminAudit(tx, {
      actorId: publication.actorId,
      action: `${publication.kind}.publish`,
      target: publication.version,
      ...(inForceFor?.unitCode ? { unitCode: inForceFor.unitCode } : {}),
      details: {
        version: publication.version,
        firstPublication,
        ...(inForceFor ? { inForceFor: inForceFor.unitCode ?? 'everywhere' } : {}),
        ...publication.details,
      },
      clientAddress: publication.clientAddress,
    });
    return { firstPublication };
  });
}

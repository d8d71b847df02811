import { type EntityManager } from 'typeorm';
import { type PublicationKind } from './publications';

type Queryable = Pick<EntityManager, 'query'>;

export interface PublicationInForce {
  version: string;
  /** The unit whose subtree it was made in force for; null when in force everywhere. */
  unitCode: string | null;
  since: string;
  document: Record<string, unknown>;
}

export interface PublishedVersion {
  version: string;
  document: Record<string, unknown>;
  createdAt: string;
  createdBy: string;
  createdByName: string | null;
}

/**
 * The published policy and calendar in force at a unit, in one query: the latest of each kind set for
 * the nearest unit on the way up (the unit itself first), else the latest set for everywhere. A kind
 * with neither is absent: the built-in applies.
 */
export async function publicationsInForceAt(
  db: Queryable,
  unitCode: string,
): Promise<Partial<Record<PublicationKind, PublicationInForce>>> {
  const rows: {
    kind: PublicationKind;
    version: string;
    unit_code: string | null;
    since: Date;
    document: Record<string, unknown>;
  }[] = await db.query(
    `WITH RECURSIVE up AS (
       SELECT code, parent_code, 0 AS depth FROM units WHERE code = $1
       UNION ALL SELECT u.code, u.parent_code, up.depth + 1 FROM units u JOIN up ON u.code = up.parent_code
     ), chosen AS (
       SELECT DISTINCT ON (f.kind) f.kind, f.version, f.unit_code, f.since
       FROM publications_in_force f LEFT JOIN up ON up.code = f.unit_code
       WHERE f.unit_code IS NULL OR up.code IS NOT NULL
       ORDER BY f.kind, COALESCE(up.depth, 2147483647), f.id DESC
     )
     SELECT c.kind, c.version, c.unit_code, c.since, COALESCE(p.document, k.document) AS document
     FROM chosen c
     LEFT JOIN policies p ON c.kind = 'policy' AND p.version = c.version
     LEFT JOIN calendars k ON c.kind = 'calendar' AND k.version = c.version`,
    [unitCode],
  );
  return Object.fromEntries(
    rows.map((row) => [
      row.kind,
      {
        version: row.version,
        unitCode: row.unit_code,
        since: row.since.toISOString(),
        document: row.document,
      },
    ]),
  );
}

/** Every stored version of a kind, newest first, with who published it. */
export async function listPublishedVersions(
  db: Queryable,
  kind: PublicationKind,
): Promise<PublishedVersion[]> {
  const table = kind === 'policy' ? 'policies' : 'calendars';
  const rows: {
    version: string;
    document: Record<string, unknown>;
    created_at: Date;
    created_by: string;
    name: string | null;
  }[] = await db.query(
    `SELECT v.version, v.document, v.created_at, v.created_by, u.name
     FROM ${table} v LEFT JOIN users u ON u.id = v.created_by
     ORDER BY v.created_at DESC, v.version`,
  );
  return rows.map((row) => ({
    version: row.version,
    document: row.document,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    createdByName: row.name,
  }));
}

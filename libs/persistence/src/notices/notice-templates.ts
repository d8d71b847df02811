import { type DataSource, type EntityManager } from 'typeorm';
import { type NoticeKind } from '../../../notices/src/notice-fields';
import { recordAdminAudit } from '../admin/admin-audit';

type Queryable = Pick<EntityManager, 'query'>;

export interface NoticeTemplateVersion {
  kind: NoticeKind;
  version: number;
  template: string;
  createdAt: string;
  createdBy: string;
}

interface TemplateRow {
  kind: NoticeKind;
  version: number;
  template: string;
  created_at: Date;
  created_by: string;
}

function toVersion(row: TemplateRow): NoticeTemplateVersion {
  return {
    kind: row.kind,
    version: Number(row.version),
    template: row.template,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
  };
}

/** The template in force for new notices of this kind: its latest version (version 1 is the default). */
export async function currentNoticeTemplate(db: Queryable, kind: NoticeKind): Promise<NoticeTemplateVersion> {
  const [row] = await db.query(
    `SELECT kind, version, template, created_at, created_by FROM notice_templates
     WHERE kind = $1 ORDER BY version DESC LIMIT 1`,
    [kind],
  );
  if (!row) throw new Error(`no notice template for ${kind}: run the migrations`);
  return toVersion(row);
}

export async function noticeTemplateVersion(
  db: Queryable,
  kind: NoticeKind,
  version: number,
): Promise<NoticeTemplateVersion> {
  const [row] = await db.query(
    `SELECT kind, version, template, created_at, created_by FROM notice_templates WHERE kind = $1 AND version = $2`,
    [kind, version],
  );
  if (!row) throw new Error(`notice template ${kind} v${version} not found`);
  return toVersion(row);
}

/**
 * Stores an administrator's (already checked) template as the next version of its kind and records
 * `noticeTemplate.update` in the administrative audit, in one transaction. Notices already issued keep theirs.
 */
export async function saveNoticeTemplate(
  db: DataSource,
  change: { kind: NoticeKind; template: string; actorId: string; clientAddress?: string },
): Promise<NoticeTemplateVersion> {
  return db.transaction(async (tx) => {
    // Two administrators saving at once queue here, so versions never collide.
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `notice-template:${change.kind}`,
    ]);
    const [row] = await tx.query(
      `INSERT INTO notice_templates (kind, version, template, created_by)
       SELECT $1::varchar, COALESCE(MAX(version), 0) + 1, $2, $3 FROM notice_templates WHERE kind = $1::varchar
       RETURNING kind, version, template, created_at, created_by`,
      [change.kind, change.template, change.actorId],
    );
    const saved = toVersion(row);
    await recordAdminAudit(tx, {
      actorId: change.actorId,
      action: 'noticeTemplate.update',
      target: change.kind,
      details: { kind: change.kind, version: saved.version },
      clientAddress: change.clientAddress,
    });
    return saved;
  });
}

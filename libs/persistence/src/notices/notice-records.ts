import { type EntityManager } from 'typeorm';
import { type NoticeKind } from '../../../notices/src/notice-fields';
import { type NoticeSnapshot } from './notice-snapshot';

type Queryable = Pick<EntityManager, 'query'>;

export interface IssuedNotice {
  id: string;
  kind: NoticeKind;
  title: string;
  seq: number;
  issuedAt: string;
  /** The 文号, e.g. 东湖信告〔2026〕7号 (null on notices issued before numbering). */
  documentNumber: string | null;
}

export interface StoredNotice extends IssuedNotice {
  caseNumber: string;
  data: NoticeSnapshot;
  templateVersion: number;
  template: string;
}

interface NoticeRow {
  id: string;
  case_number: string;
  kind: NoticeKind;
  title: string;
  event_seq: number;
  issued_at: Date;
  data: NoticeSnapshot;
  template_version: number;
  template: string;
  document_number: string | null;
}

function toIssued(row: NoticeRow): IssuedNotice {
  return {
    id: String(row.id),
    kind: row.kind,
    title: row.title,
    seq: Number(row.event_seq),
    issuedAt: new Date(row.issued_at).toISOString(),
    documentNumber: row.document_number ?? null,
  };
}

/** A case's notices in the order they were issued. */
export async function caseNotices(db: Queryable, caseNumber: string): Promise<IssuedNotice[]> {
  const rows: NoticeRow[] = await db.query(
    `SELECT id, kind, title, event_seq, issued_at, document_number FROM notices WHERE case_number = $1 ORDER BY event_seq, id`,
    [caseNumber],
  );
  return rows.map(toIssued);
}

/** One notice of the case with its snapshot and the template version it was issued with; null if none. */
export async function storedNotice(
  db: Queryable,
  caseNumber: string,
  id: string,
): Promise<StoredNotice | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const [row]: NoticeRow[] = await db.query(
    `SELECT n.id, n.case_number, n.kind, n.title, n.event_seq, n.issued_at, n.document_number, n.data, n.template_version, t.template
     FROM notices n JOIN notice_templates t ON t.kind = n.kind AND t.version = n.template_version
     WHERE n.case_number = $1 AND n.id = $2`,
    [caseNumber, id],
  );
  if (!row) return null;
  return {
    ...toIssued(row),
    caseNumber: row.case_number,
    data: row.data,
    templateVersion: Number(row.template_version),
    template: row.template,
  };
}

import { createHash } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { type AttachmentSummary } from '../../domain/src/attachments/attachment-summary';
import { type PersonalDataProtector } from './personal-data';

export type { AttachmentSummary };

export interface NewAttachment {
  caseNumber: string;
  fileName: string;
  contentType: string;
  content: Buffer;
  uploadedBy: string;
}

const SELECT_SUMMARY = `SELECT a.id, a.case_number, a.file_name, a.content_type, a.size_bytes, a.sha256,
  a.uploaded_by, u.name AS uploaded_by_name, a.uploaded_at`;
const FROM_ATTACHMENTS = `FROM case_attachments a LEFT JOIN users u ON u.id = a.uploaded_by`;

interface SummaryRow {
  id: string;
  case_number: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_by_name: string | null;
  uploaded_at: Date;
}

export const attachmentRef = (id: string, sha256: string): string => `attachment:${id}#sha256=${sha256}`;

export const isAttachmentRef = (ref: unknown): boolean =>
  typeof ref === 'string' && ref.startsWith('attachment:');

function summaryOf(row: SummaryRow): AttachmentSummary {
  return {
    id: row.id,
    caseNumber: row.case_number,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256.trim(),
    ref: attachmentRef(row.id, row.sha256.trim()),
    uploadedBy: row.uploaded_by,
    uploadedByName: row.uploaded_by_name,
    uploadedAt: row.uploaded_at.toISOString(),
  };
}

/**
 * Stores a file on a case, sealed at rest. The same content sent again to the same case (a retried
 * upload) is the attachment already stored, so a retry never doubles it.
 */
export async function storeAttachment(
  db: DataSource,
  protector: PersonalDataProtector,
  file: NewAttachment,
): Promise<AttachmentSummary> {
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  await db.query(
    `INSERT INTO case_attachments (case_number, file_name, content_type, size_bytes, sha256, sealed_content, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (case_number, sha256) DO NOTHING`,
    [
      file.caseNumber,
      file.fileName,
      file.contentType,
      file.content.length,
      sha256,
      protector.encryptBytes(file.content),
      file.uploadedBy,
    ],
  );
  const [row]: SummaryRow[] = await db.query(
    `${SELECT_SUMMARY} ${FROM_ATTACHMENTS} WHERE a.case_number = $1 AND a.sha256 = $2`,
    [file.caseNumber, sha256],
  );
  return summaryOf(row!);
}

export async function caseAttachments(db: DataSource, caseNumber: string): Promise<AttachmentSummary[]> {
  const rows: SummaryRow[] = await db.query(
    `${SELECT_SUMMARY} ${FROM_ATTACHMENTS} WHERE a.case_number = $1 ORDER BY a.uploaded_at, a.id`,
    [caseNumber],
  );
  return rows.map(summaryOf);
}

/** One attachment with its content unsealed, or undefined when the case has no such attachment. */
export async function attachmentContent(
  db: DataSource,
  protector: PersonalDataProtector,
  caseNumber: string,
  id: string,
): Promise<{ attachment: AttachmentSummary; content: Buffer } | undefined> {
  const [row]: (SummaryRow & { sealed_content: string })[] = await db.query(
    `${SELECT_SUMMARY}, a.sealed_content ${FROM_ATTACHMENTS} WHERE a.case_number = $1 AND a.id::text = $2`,
    [caseNumber, id],
  );
  if (!row) return undefined;
  return { attachment: summaryOf(row), content: protector.decryptBytes(row.sealed_content) };
}

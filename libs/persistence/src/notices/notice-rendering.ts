import { type EntityManager } from 'typeorm';
import { type NoticeData, type NoticeKind } from '../../../notices/src/notice-fields';
import { type NoticeFont } from '../../../notices/src/notice-font';
import { renderNoticePdf } from '../../../notices/src/notice-pdf';
import { type PersonalDataProtector } from '../personal-data';
import { printedQueryCode } from '../query-codes';
import { type StoredNotice } from './notice-records';

/**
 * Renders a notice as issued: its snapshot with the template version it was issued with, dated by its
 * issue time, so the same notice always gives the same bytes. The acceptance notice's query code is
 * decrypted only here, for printing.
 */
export async function renderStoredNotice(
  db: Pick<EntityManager, 'query'>,
  protector: PersonalDataProtector,
  font: NoticeFont,
  notice: StoredNotice,
): Promise<Buffer> {
  const data: Record<string, string | number> = { ...notice.data };
  if (notice.kind === 'acceptance') {
    data.queryCode = (await printedQueryCode(db, protector, notice.caseNumber)) ?? '—';
  }
  return renderNoticePdf(
    font,
    {
      kind: notice.kind,
      template: notice.template,
      data: data as unknown as NoticeData<NoticeKind>,
      documentNumber: notice.documentNumber,
      sealArea: true,
    },
    { createdAt: new Date(notice.issuedAt) },
  );
}

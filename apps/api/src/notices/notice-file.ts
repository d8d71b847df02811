import { StreamableFile } from '@nestjs/common';
import { NoticeFontUnavailableError, type NoticeRenderer } from '../../../../libs/nest/src';
import { type StoredNotice } from '../../../../libs/persistence/src';
import { ApiError } from '../http/api-error';

/** RFC 5987 ext-value: UTF-8, percent-encoded beyond attr-char (encodeURIComponent leaves '()* as they are). */
export function rfc5987(value: string): string {
  return `UTF-8''${encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )}`;
}

/**
 * How a notice downloads: `<case number>-<notice title>.pdf` (RFC 5987 filename*), with an ASCII name
 * for old clients that still starts with the case number.
 */
export function noticeDisposition(notice: Pick<StoredNotice, 'caseNumber' | 'title' | 'id'>): string {
  const ascii = `${notice.caseNumber}-notice-${notice.id}.pdf`.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=${rfc5987(`${notice.caseNumber}-${notice.title}.pdf`)}`;
}

/** A stored notice as a PDF download named after the case and the notice. */
export async function renderedNoticeFile(
  renderer: NoticeRenderer,
  notice: StoredNotice,
): Promise<StreamableFile> {
  try {
    const pdf = await renderer.render(notice);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: noticeDisposition(notice),
      length: pdf.length,
    });
  } catch (error) {
    if (!(error instanceof NoticeFontUnavailableError)) throw error;
    throw new ApiError(
      'NOTICE_FONT_UNAVAILABLE',
      `文书字体未安装，暂不能生成告知书 / the notice font is not installed: ${error.message}`,
    );
  }
}

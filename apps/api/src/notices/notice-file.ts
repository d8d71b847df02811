import { HttpStatus, StreamableFile } from '@nestjs/common';
import { NoticeFontUnavailableError, type NoticeRenderer } from '../../../../libs/nest/src';
import { type StoredNotice } from '../../../../libs/persistence/src';
import { ApiError } from '../http/api-error';

/** A stored notice as a PDF download named after the case and the notice. */
export async function renderedNoticeFile(
  renderer: NoticeRenderer,
  notice: StoredNotice,
): Promise<StreamableFile> {
  try {
    const pdf = await renderer.render(notice);
    const name = encodeURIComponent(`${notice.caseNumber}-${notice.title}.pdf`);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="notice-${notice.id}.pdf"; filename*=UTF-8''${name}`,
      length: pdf.length,
    });
  } catch (error) {
    if (!(error instanceof NoticeFontUnavailableError)) throw error;
    throw new ApiError(
      HttpStatus.SERVICE_UNAVAILABLE,
      'NOTICE_FONT_UNAVAILABLE',
      `文书字体未安装，暂不能生成告知书 / the notice font is not installed: ${error.message}`,
    );
  }
}

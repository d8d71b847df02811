import PDFDocument from 'pdfkit';
import { DomainError } from '../../domain/src/errors';
import { NOTICE_KINDS, type NoticeData, type NoticeKind } from './notice-fields';
import { charactersMissingFrom, type NoticeFont } from './notice-font';
import { composeNoticeText, type NoticeText } from './notice-text';

/**
 * Lays a notice out on A4 in the manner of official documents (GB/T 9704): title centred, body in
 * 三号 (15.75 pt) at 28 characters and 22 lines a page, the issuing unit and date at the bottom right,
 * page numbers when there is more than one page. Chinese line breaking (no line starting with 。，）
 * and the like) comes from pdfkit's Unicode line-break rules.
 */
const MM = 72 / 25.4;
const LAYOUT = {
  margins: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
  titleSize: 22,
  bodySize: 15.75,
  /** 225 mm of body height holds 22 lines. */
  linePitch: (225 * MM) / 22,
  /** The issuing unit and date end this many characters before the right margin. */
  signatureRightIndent: 2,
};
const FONT_NAME = 'notice';
const PAGE_NUMBER_DASH = '—';

export interface NoticeToRender<K extends NoticeKind> {
  kind: K;
  /** The administrator's template (or DEFAULT_NOTICE_TEMPLATES[kind]). */
  template: string;
  data: NoticeData<K>;
}

export interface RenderOptions {
  /** The PDF's creation date; the output is byte-for-byte the same for the same notice and date. */
  createdAt?: Date;
}

function refuseUnprintable(font: NoticeFont, text: NoticeText): void {
  const printed = [
    text.title,
    ...text.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')),
    text.issuingUnit,
    text.issuedOn,
  ];
  const missing = charactersMissingFrom(font.font, printed.join('\n'));
  if (missing.length === 0) return;
  throw new DomainError(
    'NOTICE_CHARACTERS_NOT_IN_FONT',
    `文书字体缺少这些字符，无法打印：${missing.join(' ')} / the notice font cannot print: ${missing.join(' ')}`,
    { kind: 'rule', details: { characters: missing } },
  );
}

function bodyOptions(doc: PDFKit.PDFDocument, width: number): PDFKit.Mixins.TextOptions {
  return { width, lineGap: Math.max(0, LAYOUT.linePitch - doc.currentLineHeight()) };
}

/** Leading full-width spaces become pdfkit's first-line indent, so wrapping never drops them. */
function writeParagraph(doc: PDFKit.PDFDocument, paragraph: string, width: number): void {
  const indentChars = /^\u3000*/.exec(paragraph)![0].length;
  doc.text(paragraph.slice(indentChars), doc.page.margins.left, doc.y, {
    ...bodyOptions(doc, width),
    indent: indentChars * LAYOUT.bodySize,
  });
}

function writeBody(doc: PDFKit.PDFDocument, text: NoticeText, width: number): void {
  doc.fontSize(LAYOUT.titleSize).text(text.title, { width, align: 'center' });
  doc.fontSize(LAYOUT.bodySize).moveDown(1);
  for (const block of text.blocks) {
    if (block.kind === 'gap') doc.moveDown(0.5);
    else writeParagraph(doc, block.text, width);
  }
  doc.moveDown(2);
  const signatureWidth = width - LAYOUT.signatureRightIndent * LAYOUT.bodySize;
  for (const line of [text.issuingUnit, text.issuedOn]) {
    doc.text(line, doc.page.margins.left, doc.y, { ...bodyOptions(doc, signatureWidth), align: 'right' });
  }
}

function writePageNumbers(doc: PDFKit.PDFDocument, width: number): void {
  const { start, count } = doc.bufferedPageRange();
  if (count < 2) return;
  for (let page = start; page < start + count; page += 1) {
    doc.switchToPage(page);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a new page
    doc.text(
      `${PAGE_NUMBER_DASH} ${page - start + 1} ${PAGE_NUMBER_DASH}`,
      doc.page.margins.left,
      doc.page.height - bottomMargin / 2,
      {
        width,
        align: 'center',
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = bottomMargin;
  }
}

function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Renders one notice to an A4 PDF with the notice font embedded (as a subset of the glyphs used). */
export async function renderNoticePdf<K extends NoticeKind>(
  font: NoticeFont,
  notice: NoticeToRender<K>,
  options: RenderOptions = {},
): Promise<Buffer> {
  const text = composeNoticeText(notice.kind, notice.template, notice.data);
  refuseUnprintable(font, text);
  const doc = new PDFDocument({
    size: 'A4',
    margins: LAYOUT.margins,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: text.title,
      Subject: `${NOTICE_KINDS[notice.kind].label} ${notice.data.caseNumber}`,
      Author: text.issuingUnit,
      CreationDate: options.createdAt ?? new Date(),
    },
  });
  const output = toBuffer(doc);
  // pdfkit also takes an already parsed fontkit face (its types say only file or bytes): no re-parse per notice.
  doc.registerFont(FONT_NAME, font.font as unknown as Buffer);
  doc.font(FONT_NAME);
  const width = doc.page.width - LAYOUT.margins.left - LAYOUT.margins.right;
  writeBody(doc, text, width);
  writePageNumbers(doc, width);
  doc.end();
  return output;
}

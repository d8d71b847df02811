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
  /** The 文号 printed above the title (notices issued before numbering have none). */
  documentNumber?: string | null;
  /** Leaves a marked place for the issuing unit's seal (盖章处) over the signature, as issued notices do. */
  sealArea?: boolean;
}

const SEAL_LABEL = '（盖章处）';
/** An official seal is 42 mm across (GB/T 9704: the seal sits over the unit name and date). */
const SEAL_RADIUS = 21 * MM;

export interface RenderOptions {
  /** The PDF's creation date; the output is byte-for-byte the same for the same notice and date. */
  createdAt?: Date;
}

function refuseUnprintable(font: NoticeFont, text: NoticeText, extra: readonly string[]): void {
  const printed = [
    ...extra,
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
    { details: { characters: missing } },
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

function writeBody(
  doc: PDFKit.PDFDocument,
  text: NoticeText,
  width: number,
  extras: { documentNumber?: string | null; sealArea?: boolean },
): void {
  if (extras.documentNumber) {
    doc.fontSize(LAYOUT.bodySize).text(extras.documentNumber, { width, align: 'center' });
    doc.moveDown(1);
  }
  doc.fontSize(LAYOUT.titleSize).text(text.title, { width, align: 'center' });
  doc.fontSize(LAYOUT.bodySize).moveDown(1);
  for (const block of text.blocks) {
    if (block.kind === 'gap') doc.moveDown(0.5);
    else writeParagraph(doc, block.text, width);
  }
  doc.moveDown(2);
  const signatureWidth = width - LAYOUT.signatureRightIndent * LAYOUT.bodySize;
  if (extras.sealArea) writeSealArea(doc, text, signatureWidth);
  for (const line of [text.issuingUnit, text.issuedOn]) {
    doc.text(line, doc.page.margins.left, doc.y, { ...bodyOptions(doc, signatureWidth), align: 'right' });
  }
}

/**
 * A dashed circle over the signature where the unit's seal goes, labelled 盖章处 in small grey text; the
 * signature keeps its place on the page (a page is opened first when the seal would not fit).
 */
function writeSealArea(doc: PDFKit.PDFDocument, text: NoticeText, signatureWidth: number): void {
  const signatureHeight = 2 * LAYOUT.linePitch;
  if (doc.y + signatureHeight + SEAL_RADIUS > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const longest = Math.max(doc.widthOfString(text.issuingUnit), doc.widthOfString(text.issuedOn));
  const centreX = doc.page.margins.left + signatureWidth - longest / 2;
  const centreY = doc.y + signatureHeight / 2;
  const top = doc.y;
  doc.save().circle(centreX, centreY, SEAL_RADIUS).dash(4, { space: 3 }).lineWidth(0.6).stroke('#999999');
  doc.restore();
  doc
    .fillColor('#999999')
    .fontSize(9)
    .text(SEAL_LABEL, centreX - SEAL_RADIUS, centreY - SEAL_RADIUS + 6, {
      width: 2 * SEAL_RADIUS,
      align: 'center',
      lineBreak: false,
    });
  doc.fillColor('black').fontSize(LAYOUT.bodySize);
  doc.x = doc.page.margins.left;
  doc.y = top;
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
  refuseUnprintable(font, text, [notice.documentNumber ?? '', notice.sealArea ? SEAL_LABEL : '']);
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
  writeBody(doc, text, width, notice);
  writePageNumbers(doc, width);
  doc.end();
  return output;
}

import Handlebars from 'handlebars';
import { isLocalDate, type LocalDate } from '../../domain/src/clock/local-date';
import { DomainError } from '../../domain/src/errors';
import {
  NOTICE_FIELDS,
  type NoticeData,
  type NoticeFieldName,
  type NoticeKind,
  noticeFieldsOf,
} from './notice-fields';
import { assertNoticeTemplate } from './template-check';

/** A notice as text, laid out by the PDF renderer: title, body blocks, and the issuing unit and date. */
export interface NoticeText {
  title: string;
  blocks: NoticeBlock[];
  issuingUnit: string;
  issuedOn: string;
}

export type NoticeBlock = { kind: 'paragraph'; text: string } | { kind: 'gap' };

/** Continuation paragraphs of a multi-paragraph value (an opinion's text) start indented like the first. */
const PARAGRAPH_INDENT = '\u3000\u3000';

/** 2026-11-29 → 2026年11月29日, as printed on notices. */
export function formatNoticeDate(date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function invalidData(field: string, message: string): DomainError {
  return new DomainError('NOTICE_DATA_INVALID', message, { field: `data.${field}` });
}

function printable(field: NoticeFieldName, value: unknown): string {
  const { type } = NOTICE_FIELDS[field];
  if (type === 'date') {
    if (!isLocalDate(value)) {
      throw invalidData(field, `${field} 须为 YYYY-MM-DD 日期 / ${field} must be a YYYY-MM-DD date`);
    }
    return formatNoticeDate(value);
  }
  if (type === 'days') {
    if (!Number.isInteger(value) || (value as number) < 1) {
      throw invalidData(field, `${field} 须为正整数 / ${field} must be a positive whole number`);
    }
    return String(value);
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidData(field, `${field} 不能为空 / ${field} must be non-empty text`);
  }
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(`\n${PARAGRAPH_INDENT}`);
}

/** Every field the template may print, as printed; an absent optional field is empty text. */
function templateContext(kind: NoticeKind, data: Record<string, unknown>): Record<string, string> {
  const { required, optional } = noticeFieldsOf(kind);
  const allowed = new Set<string>([...required, ...optional]);
  const unknown = Object.keys(data).filter((key) => !allowed.has(key));
  if (unknown.length > 0) {
    throw invalidData(
      unknown[0]!,
      `${kind} 通知没有字段 ${unknown.join(', ')} / unknown field(s) ${unknown.join(', ')}`,
    );
  }
  const context: Record<string, string> = {};
  for (const field of required) {
    if (data[field] === undefined) throw invalidData(field, `缺少 ${field} / ${field} is required`);
    context[field] = printable(field, data[field]);
  }
  for (const field of optional) {
    context[field] = data[field] === undefined ? '' : printable(field, data[field]);
  }
  return context;
}

/** Strips ASCII spaces and tabs at both ends; full-width spaces (the paragraph indent) stay. */
function trimAsciiSpace(line: string): string {
  return line.replace(/^[ \t]+|[ \t]+$/g, '');
}

function layoutText(text: string): Pick<NoticeText, 'title' | 'blocks'> {
  const lines = text.split(/\r?\n/).map(trimAsciiSpace);
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  if (titleIndex < 0) {
    throw new DomainError('NOTICE_TEMPLATE_EMPTY', '模板没有内容 / the template prints nothing', {
      field: 'template',
    });
  }
  const blocks: NoticeBlock[] = [];
  for (const line of lines.slice(titleIndex + 1)) {
    if (line.trim() !== '') blocks.push({ kind: 'paragraph', text: line });
    else if (blocks.length > 0 && blocks.at(-1)!.kind !== 'gap') blocks.push({ kind: 'gap' });
  }
  if (blocks.at(-1)?.kind === 'gap') blocks.pop();
  return { title: lines[titleIndex]!.trim(), blocks };
}

/** Checks the template and the data, fills in the placeholders and splits the result into title and blocks. */
export function composeNoticeText<K extends NoticeKind>(
  kind: K,
  template: string,
  data: NoticeData<K>,
): NoticeText {
  assertNoticeTemplate(kind, template);
  const context = templateContext(kind, data as Record<string, unknown>);
  const render = Handlebars.create().compile(template, {
    noEscape: true,
    strict: true,
    knownHelpersOnly: true,
  });
  return { ...layoutText(render(context)), issuingUnit: context.issuingUnit!, issuedOn: context.issuedOn! };
}

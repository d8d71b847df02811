import Handlebars from 'handlebars';
import { DomainError } from '../../domain/src/errors';
import { type NoticeFieldName, type NoticeKind, noticeFieldsOf } from './notice-fields';

/**
 * Checks an administrator's template before it is saved or used. Allowed: plain text, `{{field}}` for a
 * field of the notice's kind, `{{#if field}}…{{else}}…{{/if}}` / `{{#unless field}}…{{/unless}}`, and
 * `{{! comments }}`. Anything else (unknown fields, helpers, partials, paths such as a.b or ../x) is refused.
 */
export interface NoticeTemplateIssue {
  code: 'NOTICE_TEMPLATE_SYNTAX' | 'NOTICE_TEMPLATE_UNKNOWN_FIELD' | 'NOTICE_TEMPLATE_UNSUPPORTED';
  message: string;
  line?: number;
  placeholder?: string;
}

const CONDITIONALS = new Set(['if', 'unless']);

type Node = hbs.AST.Node;

function fieldNameOf(expression: hbs.AST.Expression): string | undefined {
  if (expression.type !== 'PathExpression') return undefined;
  const path = expression as hbs.AST.PathExpression;
  if (path.data || path.depth !== 0 || path.parts.length !== 1 || path.original.includes('/'))
    return undefined;
  return path.parts[0];
}

function sourceOf(node: Node): string {
  const path = (node as hbs.AST.MustacheStatement).path as hbs.AST.PathExpression | undefined;
  return path?.original !== undefined ? String(path.original) : node.type;
}

class TemplateWalker {
  readonly issues: NoticeTemplateIssue[] = [];

  constructor(
    private readonly kind: NoticeKind,
    private readonly known: ReadonlySet<string>,
  ) {}

  walk(program: hbs.AST.Program | undefined): void {
    for (const node of program?.body ?? []) this.visit(node);
  }

  private visit(node: Node): void {
    switch (node.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        if (mustache.params.length > 0 || mustache.hash) return this.unsupported(node);
        return this.field(mustache.path as hbs.AST.Expression, node);
      }
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        const helper = fieldNameOf(block.path);
        if (!helper || !CONDITIONALS.has(helper) || block.params.length !== 1 || block.hash) {
          return this.unsupported(node);
        }
        this.field(block.params[0]!, node);
        this.walk(block.program);
        this.walk(block.inverse);
        return;
      }
      default:
        return this.unsupported(node);
    }
  }

  private field(expression: hbs.AST.Expression, node: Node): void {
    const name = fieldNameOf(expression);
    if (name === undefined) return this.unsupported(node);
    if (this.known.has(name)) return;
    const line = node.loc.start.line;
    this.issues.push({
      code: 'NOTICE_TEMPLATE_UNKNOWN_FIELD',
      placeholder: name,
      line,
      message:
        `第${line}行的占位符 {{${name}}} 不是${this.kind}可用的字段 / ` +
        `line ${line}: {{${name}}} is not a field of ${this.kind} notices; known: ${[...this.known].join(', ')}`,
    });
  }

  private unsupported(node: Node): void {
    const line = node.loc.start.line;
    const source = sourceOf(node);
    this.issues.push({
      code: 'NOTICE_TEMPLATE_UNSUPPORTED',
      placeholder: source,
      line,
      message:
        `第${line}行的 ${source} 不受支持，只能使用 {{字段}}、{{#if 字段}} 和 {{#unless 字段}} / ` +
        `line ${line}: ${source} is not supported; use {{field}}, {{#if field}} or {{#unless field}}`,
    });
  }
}

/** Every problem of the template, in order; an empty list means it may be saved. */
export function checkNoticeTemplate(kind: NoticeKind, template: string): NoticeTemplateIssue[] {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(template);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return [{ code: 'NOTICE_TEMPLATE_SYNTAX', message: `模板语法错误 / template syntax error: ${detail}` }];
  }
  const { required, optional } = noticeFieldsOf(kind);
  const walker = new TemplateWalker(kind, new Set<NoticeFieldName>([...required, ...optional]));
  walker.walk(program);
  return walker.issues;
}

/** Throws the first problem as a DomainError (field `template`, every issue in `details.issues`). */
export function assertNoticeTemplate(kind: NoticeKind, template: string): void {
  const issues = checkNoticeTemplate(kind, template);
  if (issues.length === 0) return;
  const first = issues[0]!;
  throw new DomainError(first.code, first.message, { field: 'template', details: { issues } });
}

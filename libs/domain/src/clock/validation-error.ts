/**
 * Turns a zod validation failure into a DomainError whose message names every offending field,
 * Chinese first with English beside: "日历格式错误 / invalid calendar: holidays[3] 不是有效日期 / is not a date".
 * Schemas write their own bilingual messages ("中文 / English"); zod's built-in English messages for
 * structural problems (missing field, wrong type, unknown key) get a Chinese counterpart here.
 */
import type { z } from 'zod';
import { DomainError, type ErrorCode } from '../errors';

type Issue = z.core.$ZodIssue;

export interface FieldProblem {
  field: string;
  message: string;
}

/** 'clocks.handling.days', 'holidays[3]', 'escalationLadder[1].after'. */
export function fieldPathOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function isBilingual(message: string): boolean {
  return message.includes(' / ');
}

function describeIssue(issue: Issue): string {
  if (isBilingual(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message)
        ? '缺少必填项 / is required'
        : `类型错误 / must be of type ${issue.expected}`;
    case 'invalid_value':
      return `取值无效 / must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_small':
      return `过小或过短 / must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `过大或过长 / must be at most ${String(issue.maximum)}`;
    default:
      return `无效 / ${issue.message}`;
  }
}

/** One problem per field; an unknown key is reported at its own path. */
export function fieldProblemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: fieldPathOf([...issue.path, key]),
          message: '未知字段 / unknown field',
        }))
      : [{ field: fieldPathOf(issue.path), message: describeIssue(issue) }],
  );
}

/** `what` is the bilingual name of the thing validated, e.g. '日历格式错误 / invalid calendar'. */
export function domainErrorFromZod(code: ErrorCode, what: string, error: z.ZodError): DomainError {
  const problems = fieldProblemsOf(error);
  const text = problems.map((problem) => `${problem.field || '(root)'} ${problem.message}`).join('; ');
  return new DomainError(code, `${what}: ${text}`, {
    field: problems[0]?.field || undefined,
    details: { problems },
  });
}

/**
 * The `deadline` command, as a function of its arguments (scripts/deadline.ts is the thin wrapper that
 * supplies the file reader and the process streams):
 *
 *   deadline --calendar <file.json> --mode calendar|working --days N --from <ISO instant> [--pause <from>/<to>]…
 *
 * prints exactly one line `{"lastDay":"YYYY-MM-DD","endsAt":"<UTC ISO instant>"}`; bad arguments give one
 * line on stderr and exit code 2. Uses node:util, so it is not exported to workflow code.
 */
import { parseArgs } from 'node:util';
import { isDomainError } from '../errors';
import { parseCalendar } from './calendar';
import { DEADLINE_MODES, DeadlineMode, computeDeadline } from './deadline';
import { Pause } from './pauses';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const USAGE =
  'deadline --calendar <file.json> --mode calendar|working --days N --from <ISO instant> [--pause <from>/<to>]';

export const EXIT_BAD_ARGS = 2;

class UsageError extends Error {}

function fail(message: string): CliResult {
  return { code: EXIT_BAD_ARGS, stdout: '', stderr: `${message.replace(/\s*\n\s*/g, ' ')}\n` };
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '')
    throw new UsageError(`缺少参数 / missing --${name}. 用法 / usage: ${USAGE}`);
  return value;
}

function daysOf(text: string): number {
  if (!/^\d+$/.test(text))
    throw new UsageError(`--days 必须为正整数 / --days must be a positive integer: ${text}`);
  return Number(text);
}

function modeOf(text: string): DeadlineMode {
  if (!(DEADLINE_MODES as readonly string[]).includes(text)) {
    throw new UsageError(`--mode 必须为 calendar 或 working / --mode must be calendar or working: ${text}`);
  }
  return text as DeadlineMode;
}

function pauseOf(text: string): Pause {
  const parts = text.split('/');
  if (parts.length !== 2)
    throw new UsageError(`--pause 格式为 <from>/<to> / --pause must be <from>/<to>: ${text}`);
  return { from: parts[0], to: parts[1] };
}

function calendarJsonOf(path: string, readFile: (path: string) => string): unknown {
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    throw new UsageError(`无法读取日历文件 / cannot read calendar file ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `日历文件不是合法 JSON / calendar file ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

/** node:util's own errors (checked by code: under jest they come from another realm than our TypeError). */
function isParseArgsError(error: unknown): error is Error {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

export function runDeadlineCli(argv: readonly string[], readFile: (path: string) => string): CliResult {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        calendar: { type: 'string' },
        mode: { type: 'string' },
        days: { type: 'string' },
        from: { type: 'string' },
        pause: { type: 'string', multiple: true },
      },
      strict: true,
      allowPositionals: false,
    });
    const mode = modeOf(required(values.mode, 'mode'));
    const days = daysOf(required(values.days, 'days'));
    const from = required(values.from, 'from');
    const pauses = (values.pause ?? []).map(pauseOf);
    const calendar = parseCalendar(calendarJsonOf(required(values.calendar, 'calendar'), readFile));
    const { lastDay, endsAt } = computeDeadline({ calendar, mode, days, from, pauses });
    return { code: 0, stdout: `${JSON.stringify({ lastDay, endsAt })}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof UsageError || isDomainError(error)) return fail(error.message);
    if (isParseArgsError(error))
      return fail(`参数错误 / bad arguments: ${error.message}. 用法 / usage: ${USAGE}`);
    throw error;
  }
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  defaultMessageOf,
  ERROR_CODES,
  type ErrorCode,
  HTTP_STATUS_BY_KIND,
  httpStatusOf,
  isErrorCode,
} from './error-codes';

const ROOT = join(__dirname, '../../..');
const REGISTRY = 'libs/domain/src/error-codes.ts';

/** Every TypeScript source file (not a test) under apps/ and libs/, as [path from the root, text]. */
function sources(): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (
        /\.tsx?$/.test(entry.name) &&
        !/\.(spec|test)\.tsx?$/.test(entry.name) &&
        !entry.name.endsWith('.d.ts')
      )
        found.push([relative(ROOT, path), readFileSync(path, 'utf8')]);
    }
  };
  walk(join(ROOT, 'apps'));
  walk(join(ROOT, 'libs'));
  return found;
}

/** The functions that raise a code given as their first argument. */
const RAISERS = [
  'new DomainError',
  'caseError',
  'new ApiError',
  'errorBodyOf',
  'refusal',
  'refuse',
  'refuseRating',
  'adminError',
  'authError',
  'receptionError',
  'attachmentRefusal',
  'publicationError',
  'domainErrorFromZod',
  'invalidTree',
];
const RAISED = new RegExp(`(?:${RAISERS.join('|')})\\(\\s*'([A-Z][A-Z0-9_]*)'`, 'g');
/** `export const INVALID_POLICY = 'INVALID_POLICY'`: a code named by a constant. */
const CODE_CONSTANT = /\bconst ([A-Z][A-Z0-9_]*) = '\1'/g;

function raisedCodes(): Array<{ file: string; code: string }> {
  const raised: Array<{ file: string; code: string }> = [];
  for (const [file, text] of sources()) {
    if (file === REGISTRY) continue;
    for (const match of text.matchAll(RAISED)) raised.push({ file, code: match[1]! });
    for (const match of text.matchAll(CODE_CONSTANT)) raised.push({ file, code: match[1]! });
  }
  return raised;
}

describe('the error-code registry (ERROR_CODES)', () => {
  it('gives each kind one HTTP status: worked examples', () => {
    expect(httpStatusOf('VALIDATION_FAILED')).toBe(400);
    expect(httpStatusOf('AUTH_REQUIRED')).toBe(401);
    expect(httpStatusOf('ROLE_NOT_ALLOWED')).toBe(403);
    expect(httpStatusOf('CASE_NOT_FOUND')).toBe(404);
    expect(httpStatusOf('ACTION_UNKNOWN')).toBe(404);
    expect(httpStatusOf('CASE_STATE_CONFLICT')).toBe(409);
    expect(httpStatusOf('ATTACHMENT_TOO_LARGE')).toBe(413);
    expect(httpStatusOf('ATTACHMENT_TYPE_NOT_ALLOWED')).toBe(415);
    expect(httpStatusOf('UNIT_UNKNOWN')).toBe(422);
    expect(httpStatusOf('INVALID_POLICY')).toBe(422);
    expect(httpStatusOf('ACCOUNT_LOCKED')).toBe(423);
    expect(httpStatusOf('RATE_LIMITED')).toBe(429);
    expect(httpStatusOf('NOTICE_FONT_UNAVAILABLE')).toBe(503);
    expect(defaultMessageOf('CASE_NOT_FOUND')).toBe('案件不存在 / case not found');
    expect(isErrorCode('CASE_NOT_FOUND')).toBe(true);
    expect(isErrorCode('NO_SUCH_CODE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });

  it('has for every code a kind with a status, and a message Chinese first with English beside', () => {
    for (const [code, [kind, zh, en]] of Object.entries(ERROR_CODES)) {
      expect([code, HTTP_STATUS_BY_KIND[kind]]).toEqual([code, expect.any(Number)]);
      expect([code, /[\u4e00-\u9fff]/.test(zh), /^[\x20-\x7e\u2018-\u201d\u2013]+$/.test(en)]).toEqual([
        code,
        true,
        true,
      ]);
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });

  it('declares each code once in the registry', () => {
    const keys = [...readFileSync(join(ROOT, REGISTRY), 'utf8').matchAll(/^ {2}([A-Z][A-Z0-9_]*): \[/gm)].map(
      (match) => match[1]!,
    );
    expect(keys.length).toBe(Object.keys(ERROR_CODES).length);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('knows every code raised in apps/ and libs/', () => {
    const unknown = raisedCodes().filter(({ code }) => !isErrorCode(code));
    expect(unknown).toEqual([]);
    // The scan does see the raise sites: a few known ones, from the domain, the API and the public app.
    const seen = new Set(raisedCodes().map(({ code }) => code));
    for (const code of ['CASE_STATE_CONFLICT', 'CASE_NOT_FOUND', 'INVALID_POLICY', 'PROGRESS_NOT_FOUND'])
      expect([code, seen.has(code)]).toEqual([code, true]);
  });

  it('is the only place that gives a code a status or a kind', () => {
    const secondDeclarations: string[] = [];
    for (const [file, text] of sources()) {
      if (file === REGISTRY) continue;
      // a table of codes with statuses or kinds (`CODE: [HttpStatus.X, …]`, `CODE: 'conflict'`)
      for (const match of text.matchAll(
        /^\s*([A-Z][A-Z0-9_]*): \[?\s*(?:HttpStatus\.\w+|'(?:invalid|forbidden|conflict|rule|notFound)')/gm,
      ))
        secondDeclarations.push(`${file}: ${match[1]}`);
      // a status beside a code (`new ApiError(HttpStatus.X, …)`), or a kind given at a raise site
      for (const match of text.matchAll(/new (?:ApiError|DomainError)\(\s*(HttpStatus\.\w+|\d{3})/g))
        secondDeclarations.push(`${file}: ${match[0]}`);
      for (const match of text.matchAll(/\bkind: '(?:invalid|forbidden|conflict|rule)'/g))
        secondDeclarations.push(`${file}: ${match[0]}`);
      // an error body built by hand
      for (const match of text.matchAll(/statusCode: \d{3}/g))
        secondDeclarations.push(`${file}: ${match[0]}`);
    }
    expect(secondDeclarations).toEqual([]);
  });

  it('builds the validation-failed body in one place', () => {
    const builders = sources()
      .filter(([file, text]) => file !== REGISTRY && /'VALIDATION_FAILED'/.test(text))
      .map(([file]) => file);
    expect(builders).toEqual(['apps/api/src/http/api-error.ts']);
  });
});

// A compile-time check: a code outside the registry does not type.
// @ts-expect-error — not a registered code
const notACode: ErrorCode = 'NO_SUCH_CODE';
void notACode;

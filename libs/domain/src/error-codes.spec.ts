import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONFIG_VARIABLES } from '../../config/src/config';
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

/** Every TypeScript source file (not a test) under apps/, libs/ and workflows/, as [path from the root, text]. */
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
  walk(join(ROOT, 'workflows'));
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

/** An upper-snake string literal: the form every code takes, however it is raised. */
const UPPER_SNAKE = /(['"])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\1/g;
/** A code put together at run time (`'HTTP_' + status`, `` `${area}_NOT_FOUND` ``): the registry cannot list it. */
const COMPOSED =
  /(['"])[A-Z][A-Z0-9_]*_\1\s*\+|\+\s*(['"])_[A-Z][A-Z0-9_]*\2|`[A-Z][A-Z0-9]*_\$\{|\}_[A-Z][A-Z0-9_]*`/g;
/** Upper-snake strings that are not error codes: configuration variables, DI tokens, other systems' names. */
const NOT_CODES = new Set<string>([
  ...CONFIG_VARIABLES,
  'USE_EXISTING', // Temporal's workflowIdConflictPolicy
  'ALLOW_DUPLICATE_FAILED_ONLY', // Temporal's workflowIdReusePolicy
  'PG_VERSION', // a file of a PostgreSQL data directory
  'ERR_PARSE_ARGS', // the prefix of node:util parseArgs errors
  'LIMIT_FILE_SIZE', // multer's error for an upload over the limit
  // environment variables the backup and restore commands read themselves (not the apps' configuration)
  'BACKUP_PASSPHRASE',
  'PG_DUMP_PATH',
  'PG_RESTORE_PATH',
]);

/** Where a composed name is not a code: the console naming a response that is not the API's (a proxy's page). */
const COMPOSED_ELSEWHERE = new Set(['apps/web/src/api/errors.ts: `HTTP_${']);

/** Upper-snake strings in the sources that are neither a registered code nor a known non-code. */
function unregisteredCodeLikeStrings(text: string): string[] {
  const withoutSymbols = text.replace(/\bSymbol\(\s*'[A-Z0-9_]+'\s*\)/g, '');
  return [...withoutSymbols.matchAll(UPPER_SNAKE)]
    .map((match) => match[2]!)
    .filter((value) => !isErrorCode(value) && !NOT_CODES.has(value));
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

  it('knows every code raised in apps/, libs/ and workflows/', () => {
    const unknown = raisedCodes().filter(({ code }) => !isErrorCode(code));
    expect(unknown).toEqual([]);
    // The scan does see the raise sites: a few known ones, from the domain, the API and the public app.
    const seen = new Set(raisedCodes().map(({ code }) => code));
    for (const code of ['CASE_STATE_CONFLICT', 'CASE_NOT_FOUND', 'INVALID_POLICY', 'PROGRESS_NOT_FOUND'])
      expect([code, seen.has(code)]).toEqual([code, true]);
  });

  it('names no code outside the registry in any other form (field errors, tables, comparisons)', () => {
    // Worked example: what the scan catches, and what it lets pass.
    const sample = [
      "throw new ApiFailure(400, 'INVALID_JSON', message);",
      "fields.push({ field, code: 'UNIT_NOT_FOUND', message });",
      "export const APP_CONFIG = Symbol('APP_CONFIG');",
      "read(config, 'PAYLOAD_KEYS_FILE');",
    ].join('\n');
    expect(unregisteredCodeLikeStrings(sample)).toEqual(['INVALID_JSON']);
    expect("code: 'HTTP_' + status".match(COMPOSED)).not.toBeNull();
    expect('code: `${area}_NOT_FOUND`'.match(COMPOSED)).not.toBeNull();

    const strays: string[] = [];
    for (const [file, text] of sources()) {
      if (file === REGISTRY) continue;
      for (const value of unregisteredCodeLikeStrings(text)) strays.push(`${file}: ${value}`);
      for (const match of text.matchAll(COMPOSED)) strays.push(`${file}: ${match[0]}`);
    }
    expect(strays.filter((stray) => !COMPOSED_ELSEWHERE.has(stray))).toEqual([]);
    // the one exemption is still there to be exempted (else it goes from the list)
    expect(strays).toEqual([...COMPOSED_ELSEWHERE]);
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

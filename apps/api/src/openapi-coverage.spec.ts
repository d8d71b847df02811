import * as fs from 'node:fs';
import * as path from 'node:path';
import { ERROR_CODES, httpStatusOf, isErrorCode } from '../../../libs/domain/src/error-codes';
import { OPENAPI_FILE } from '../../../scripts/openapi';

interface Response {
  content?: Record<string, { schema?: unknown }>;
  'x-error-codes'?: string[];
}
interface Operation {
  responses: Record<string, Response>;
}

const document = JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  'x-error-codes': Record<string, { status: number }>;
};

const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    name: `${method.toUpperCase()} ${path}`,
    operation,
  })),
);

/** Operations that take no input and need no login: nothing a client sends can make them answer 4xx. */
const CANNOT_FAIL_WITH_4XX = new Set(['GET /api/health']);

const codesOf = (response: Response): string[] => response['x-error-codes'] ?? [];

/** The `code` enum of an error response's body schema (allOf: the common body, then this status's codes). */
function bodyCodeEnum(response: Response): unknown {
  const schema = response.content?.['application/json']?.schema as
    { allOf?: { properties?: { code?: { enum?: unknown } } }[] } | undefined;
  return schema?.allOf?.[1]?.properties?.code?.enum;
}

describe('the OpenAPI document describes every operation for clients', () => {
  it('has operations to check', () => {
    expect(operations.length).toBeGreaterThan(40);
  });

  it.each(operations)('$name documents its 2xx body', ({ operation }) => {
    const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
    expect(success.length).toBeGreaterThan(0);
    for (const [status, response] of success) {
      if (status === '204') continue;
      const media = Object.values(response.content ?? {});
      expect(media.length).toBeGreaterThan(0);
      for (const { schema } of media) expect(schema).toBeDefined();
    }
  });

  it.each(operations.filter(({ name }) => !CANNOT_FAIL_WITH_4XX.has(name)))(
    '$name lists the error codes it answers, each from the registry and under its own status',
    ({ operation }) => {
      const failures = Object.entries(operation.responses).filter(([status]) => /^[45]/.test(status));
      const clientCodes = failures
        .filter(([status]) => status.startsWith('4'))
        .flatMap(([, r]) => codesOf(r));
      expect(clientCodes.length).toBeGreaterThan(0);
      for (const [status, response] of failures) {
        const codes = codesOf(response);
        if (codes.length === 0) continue; // e.g. the health check's 503, described by @nestjs/terminus
        expect(bodyCodeEnum(response)).toEqual(codes);
        for (const code of codes) {
          expect(isErrorCode(code) && httpStatusOf(code)).toBe(Number(status));
        }
      }
    },
  );

  it('lists the whole registry at the top, each code with its status', () => {
    expect(Object.keys(document['x-error-codes']).sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it('names each schema after one class only (@nestjs/swagger merges two classes of one name into one schema)', () => {
    const names = new Map<string, string[]>();
    const visit = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(file);
        else if (file.endsWith('.ts') && !file.endsWith('.spec.ts')) {
          for (const [, name] of fs.readFileSync(file, 'utf8').matchAll(/^export class (\w+)/gm))
            names.set(name!, [...(names.get(name!) ?? []), path.relative(__dirname, file)]);
        }
      }
    };
    visit(__dirname);
    const twice = [...names].filter(([, files]) => files.length > 1);
    expect(twice).toEqual([]);
  });
});

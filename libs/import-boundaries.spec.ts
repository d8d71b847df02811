import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The arrows run one way: apps and workflows use libs, never the reverse. A lib that imports from
 * `workflows/` or `apps/` would pull workflow or app code into every lib's consumer (issue 14, point 3).
 */
const ROOT = resolve(__dirname, '..');
const LIBS = join(ROOT, 'libs');
const FORBIDDEN = ['workflows', 'apps'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier in a file: static and dynamic imports, re-exports, require(). */
export function specifiersOf(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** The top folder of the repository a relative specifier lands in, or null for a package. */
export function topFolderOf(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return relative(ROOT, resolve(dirname(file), specifier)).split(sep)[0];
}

describe('import boundaries: libs never import from workflows/ or apps/', () => {
  it('finds specifiers of every import form (worked example)', () => {
    const file = join(LIBS, 'persistence', 'src', 'x.ts');
    const source = [
      "import { a } from '../../../workflows/case-events';",
      "export { b } from '../../domain/src';",
      "const c = require('../../../apps/api/src/main');",
      "await import('typeorm');",
    ].join('\n');
    const specifiers = specifiersOf(source);
    expect(specifiers).toEqual([
      '../../../workflows/case-events',
      '../../domain/src',
      '../../../apps/api/src/main',
      'typeorm',
    ]);
    expect(specifiers.map((s) => topFolderOf(file, s))).toEqual(['workflows', 'libs', 'apps', null]);
  });

  it('holds for every file under libs/', () => {
    const crossings = sourceFiles(LIBS).flatMap((file) =>
      specifiersOf(readFileSync(file, 'utf8'))
        .filter((specifier) => FORBIDDEN.includes(topFolderOf(file, specifier) ?? ''))
        .map((specifier) => `${relative(ROOT, file)} → ${specifier}`),
    );
    expect(crossings).toEqual([]);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { RECORDED_EVENT_TYPES } from './domain/src/case/event-types';

/**
 * Event types are spelt once, in libs/domain (event-types.ts, CASE_EVENT_TYPES); the code that records
 * or reacts to one names it by `EVENT_TYPES.x` (issue 14, point 3). This scan finds a bare quoted event
 * type in the workflow, persistence, the worker, the API and the console. Migrations (frozen history),
 * tests and the defining files are exempt; a value that merely shares a name (`cause: 'policyMigrated'`,
 * the recomputation's cause) is allowed by its key.
 */
const ROOT = resolve(__dirname, '..');
const SCANNED = ['workflows', 'libs/persistence/src', 'apps/worker/src', 'apps/api/src', 'apps/web/src'];
const EXEMPT = /(\/migrations\/|\.spec\.tsx?$|\.test\.tsx?$|\.d\.ts$)/;
const SAME_NAME_VALUES = /\bcause:\s*'policyMigrated'/g;
/** Files whose other vocabulary shares names with event types: metric occurrence kinds (stored values). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  'libs/persistence/src/metric-facts.ts': ['supervisionOrdered', 'reminderSent'],
  'libs/persistence/src/metrics.ts': ['supervisionOrdered', 'reminderSent'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !EXEMPT.test(path) ? [path] : [];
  });
}

/** Each bare quoted event type in a source text, as `type@line`. */
export function bareEventTypes(source: string): string[] {
  const found: string[] = [];
  const types = new Set<string>(RECORDED_EVENT_TYPES);
  const text = source.replace(SAME_NAME_VALUES, '');
  for (const match of text.matchAll(/'(\w+)'/g)) {
    if (types.has(match[1])) found.push(`${match[1]}@${text.slice(0, match.index).split('\n').length}`);
  }
  return found;
}

describe('event types are named by their constants outside libs/domain', () => {
  it('finds a bare one (the scan can fail)', () => {
    expect(bareEventTypes("if (event.type === 'deadlineEscalated') return;\n")).toEqual([
      'deadlineEscalated@1',
    ]);
    expect(bareEventTypes('if (event.type === EVENT_TYPES.deadlineEscalated) return;')).toEqual([]);
    expect(bareEventTypes("record(x, { cause: 'policyMigrated' })")).toEqual([]);
    expect(bareEventTypes("const kind = 'acceptance';")).toEqual([]);
  });

  it('none in the workflow, persistence, worker, API or console', () => {
    const offenders = SCANNED.flatMap((dir) =>
      sourceFiles(join(ROOT, dir)).flatMap((file) =>
        bareEventTypes(readFileSync(file, 'utf8'))
          .filter((hit) => !ALLOWED[relative(ROOT, file)]?.includes(hit.split('@')[0]))
          .map((hit) => `${relative(ROOT, file)}: ${hit}`),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

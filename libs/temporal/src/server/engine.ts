import { parseArgs } from 'node:util';

/** Which Temporal the tests, benches and drills run on: the dev server (SQLite, one process) or the real server. */
export type TemporalEngine = 'dev' | 'server';

const TEMPORAL_ENGINES: readonly TemporalEngine[] = ['dev', 'server'];

/** `--engine dev|server` or TEMPORAL_TARGET; unset means the dev server. `source` names the setting in the error. */
export function parseEngine(value: string | undefined, source: string): TemporalEngine {
  if (value === undefined || value === '') return 'dev';
  if ((TEMPORAL_ENGINES as readonly string[]).includes(value)) return value as TemporalEngine;
  throw new Error(`${source} must be one of ${TEMPORAL_ENGINES.join(', ')}; got ${JSON.stringify(value)}`);
}

export function engineLabel(engine: TemporalEngine): string {
  return engine === 'server'
    ? 'Temporal 服务器 / real Temporal server (PostgreSQL persistence and visibility)'
    : 'Temporal 开发服务器 / Temporal dev server (SQLite)';
}

/** `--engine dev|server` for a script's own strict parseArgs options (spread into them). */
export const ENGINE_OPTION = { engine: { type: 'string', default: 'dev' } } as const;

/** The `--engine` of a command line, whatever other options it has. */
export function engineFromArgs(args: string[]): TemporalEngine {
  const { values } = parseArgs({ args, options: ENGINE_OPTION, strict: false, allowPositionals: true });
  return parseEngine(typeof values.engine === 'string' ? values.engine : undefined, '--engine');
}

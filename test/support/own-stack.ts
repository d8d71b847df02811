import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../libs/config/src';

/**
 * For tests that run a stack of their own (scripts/bench/bench-stack.ts) and the project's commands
 * against it: the apps compiled into a folder of the test's own, so a concurrent `npm run build` never
 * rewrites a file one of them is loading.
 */
export function compileForOwnStack(name: string): string {
  const distDir = path.join(PROJECT_ROOT, 'dist', name);
  execFileSync(
    path.join(PROJECT_ROOT, 'node_modules/.bin/swc'),
    ['apps', 'libs', 'workflows', 'scripts', '-d', distDir, '--quiet', '--ignore', '**/*.spec.ts'],
    { cwd: PROJECT_ROOT, stdio: 'inherit' },
  );
  return distDir;
}

/** The environment without what points at the shared test servers or their keys. */
export function envWithoutSharedServers(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const {
    DATABASE_URL: _d,
    MIGRATION_DATABASE_URL: _m,
    TEMPORAL_ADDRESS: _t,
    PAYLOAD_KEYS: _k,
    PAYLOAD_KEYS_FILE: _f,
    BLIND_INDEX_KEY: _b,
    BLIND_INDEX_KEY_FILE: _bf,
    ...rest
  } = env;
  return rest;
}

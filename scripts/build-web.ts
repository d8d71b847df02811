import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../libs/config/src';

/**
 * Part of `npm run build`: builds the web console into dist/web with Vite, unless the last build is
 * newer than every source it was made from (the other scripts build before they run, and the console
 * changes far less often than they run).
 */
const WEB_SOURCES = ['apps/web', 'package-lock.json'];
const STAMP = path.join(PROJECT_ROOT, 'dist', 'web', '.built-at');

function newestChange(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .map((name) => newestChange(path.join(entry, name)))
    .reduce((newest, time) => Math.max(newest, time), stat.mtimeMs);
}

export function webBuildIsCurrent(): boolean {
  if (!fs.existsSync(STAMP)) return false;
  const built = fs.statSync(STAMP).mtimeMs;
  return WEB_SOURCES.every((source) => newestChange(path.join(PROJECT_ROOT, source)) <= built);
}

const VITE_BUILD = [
  path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
  'build',
  '--config',
  'apps/web/vite.config.mts',
  '--logLevel',
  'warn',
];

function finishBuild(exit: number | null, signal: NodeJS.Signals | null): void {
  if (exit !== 0) throw new Error(`vite build failed (exit ${exit ?? signal})`);
  fs.writeFileSync(STAMP, new Date().toISOString());
}

export function buildWeb(): void {
  if (webBuildIsCurrent()) return;
  const vite = spawnSync(process.execPath, VITE_BUILD, { cwd: PROJECT_ROOT, stdio: 'inherit' });
  finishBuild(vite.status, vite.signal);
}

/** The same build without blocking the caller, for the test setup that starts servers meanwhile. */
export async function buildWebInBackground(): Promise<void> {
  if (webBuildIsCurrent()) return;
  const vite = spawn(process.execPath, VITE_BUILD, { cwd: PROJECT_ROOT, stdio: 'inherit' });
  const [exit, signal] = (await once(vite, 'exit')) as [number | null, NodeJS.Signals | null];
  finishBuild(exit, signal);
}

if (require.main === module) {
  try {
    buildWeb();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

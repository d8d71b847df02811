import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Pinned: a new release may add checks or change its output; bump it on purpose. */
export const SCHEMATHESIS_VERSION = '4.32.5';

/** Where the project keeps what it installs outside node_modules (PCE_CACHE_DIR overrides). */
export function cacheDir(): string {
  return process.env.PCE_CACHE_DIR || path.join(os.homedir(), '.cache', 'petition-case-engine');
}

function venvDir(): string {
  return path.join(cacheDir(), 'venv-schemathesis');
}

function installedVersion(executable: string): string | undefined {
  if (!fs.existsSync(executable)) return undefined;
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8' });
  return /version (\S+)/.exec(result.stdout ?? '')?.[1];
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

/**
 * The schemathesis CLI at the pinned version, in a Python venv of the project's own (created, or the
 * version replaced, when needed; needs python3 with venv and PyPI the first time). Answers its path.
 */
export function ensureSchemathesis(): string {
  const venv = venvDir();
  const executable = path.join(venv, 'bin', 'schemathesis');
  if (installedVersion(executable) === SCHEMATHESIS_VERSION) return executable;
  fs.mkdirSync(path.dirname(venv), { recursive: true });
  if (!fs.existsSync(path.join(venv, 'bin', 'python'))) run('python3', ['-m', 'venv', venv]);
  run(path.join(venv, 'bin', 'pip'), ['install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`]);
  const installed = installedVersion(executable);
  if (installed !== SCHEMATHESIS_VERSION)
    throw new Error(`schemathesis ${SCHEMATHESIS_VERSION} expected in ${venv}, found ${installed ?? 'none'}`);
  return executable;
}

if (require.main === module) {
  process.stdout.write(`${ensureSchemathesis()}\n`);
}

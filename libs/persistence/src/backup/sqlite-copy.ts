import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../../config/src';
import { installDebianPackageWithMissingDependencies } from '../../../notices/src/debian-package';

/**
 * A consistent copy of a SQLite file that a running server keeps writing (the Temporal dev server's
 * store, WAL mode): SQLite's online backup API through the `sqlite3` command-line shell (`.backup`),
 * which copies one snapshot page by page without stopping the writer. Chosen over the better-sqlite3
 * package because that needs a native build (its prebuilt binaries are fetched from outside the npm
 * registry) and over copying the file, which can catch a half-checkpointed WAL.
 */
export interface SqliteShell {
  path: string;
  version: string;
  env: NodeJS.ProcessEnv;
}

/** Where Debian's sqlite3 is unpacked when the machine has no shell of its own (no root install). */
const SQLITE_DIR = path.join(PROJECT_ROOT, '.tools', 'sqlite3');

function probe(program: string, env: NodeJS.ProcessEnv): SqliteShell | undefined {
  const run = spawnSync(program, ['-version'], { encoding: 'utf8', env });
  return run.status === 0 ? { path: program, version: run.stdout.trim().split(' ')[0]!, env } : undefined;
}

function projectCopy(): SqliteShell | undefined {
  const program = path.join(SQLITE_DIR, 'usr', 'bin', 'sqlite3');
  if (!fs.existsSync(program)) return undefined;
  const libraries = path.join(SQLITE_DIR, 'usr', 'lib', 'x86_64-linux-gnu');
  const ldPath = [libraries, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return probe(program, { ...process.env, LD_LIBRARY_PATH: ldPath });
}

/** The machine's sqlite3, else the project's copy, else Debian's unpacked into .tools/ now. */
export function sqliteShell(): SqliteShell {
  const found = probe('sqlite3', process.env) ?? projectCopy();
  if (found) return found;
  fs.rmSync(SQLITE_DIR, { recursive: true, force: true });
  installDebianPackageWithMissingDependencies('sqlite3', SQLITE_DIR);
  const installed = projectCopy();
  if (!installed) {
    throw new Error(
      `未能准备 sqlite3 命令 / sqlite3 unpacked into ${SQLITE_DIR} does not run: apt-get install -y sqlite3 (it takes the online copy of the Temporal store)`,
    );
  }
  return installed;
}

export function copySqliteOnline(shell: SqliteShell, source: string, target: string): void {
  execFileSync(shell.path, [source], {
    input: `.timeout 30000\n.backup '${target.replaceAll("'", "''")}'\n`,
    stdio: ['pipe', 'ignore', 'pipe'],
    env: shell.env,
  });
  const check = execFileSync(shell.path, [target, 'PRAGMA integrity_check;'], {
    encoding: 'utf8',
    env: shell.env,
  }).trim();
  if (check !== 'ok')
    throw new Error(
      `Temporal 存储副本未通过完整性检查 / the copy of ${source} fails its integrity check: ${check}`,
    );
}

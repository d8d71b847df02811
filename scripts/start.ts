import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type AppConfig, ConfigError, loadConfig, PROJECT_ROOT, WORKER_NODE_ARGS } from '../libs/config/src';
import { Client, Connection } from '@temporalio/client';
import {
  createDataSource,
  type DatabaseUrls,
  ensureBlindIndexKeyFile,
  loadBlindIndexKey,
  migrateDatabase,
  PersonalDataProtector,
  provisionDatabase,
} from '../libs/persistence/src';
import { ensureNoticeFont } from '../libs/notices/src/notice-font';
import { seedDemoData } from './demo-data';
import { DEMO_PASSWORD, demoTotpSecret } from './demo-sessions';
import { prepareInitialAdministrator } from './initial-administrator';
import { type ClusterCredentials } from '../libs/persistence/src/embedded-postgres';
import {
  ensureBinary,
  type ManagedProcess,
  startDevServer,
  TEMPORAL_CLI,
  temporalConnectionOptions,
} from '../libs/temporal/src';
import {
  ensureTemporalServerBuild,
  startTemporalServer,
  TEMPORAL_SERVER_BUILD,
} from '../libs/temporal/src/server';
import {
  dataConverterFromConfig,
  ensurePayloadKeyRingFile,
  loadPayloadKeyRing,
} from '../libs/temporal/src/codec';

/**
 * `npm start`: brings up PostgreSQL and Temporal (embedded unless DATABASE_URL / TEMPORAL_ADDRESS are set),
 * migrates, starts the worker and the API, prints the URLs, and on Ctrl-C or SIGTERM stops everything.
 * `npm run cluster` (`--cluster`): the same with the real Temporal server (built into the cache folder
 * when missing) on the embedded PostgreSQL, two workers and two API instances; data in ./var/cluster.
 */
interface PostgresHost {
  port: number;
  superuserUrl: string;
  credentials: ClusterCredentials;
  process: ChildProcess;
}

interface Stack {
  postgres?: PostgresHost;
  temporal?: { address: string; uiUrl?: string; process: ManagedProcess };
  apps: ChildProcess[];
}

const HEALTH_TIMEOUT_MS = 90_000;
const CLUSTER = process.argv.includes('--cluster');
/** Worker processes and API instances: one each, or two each in cluster mode (same database, same task queue). */
const INSTANCES = CLUSTER ? 2 : 1;
/** The second API instance listens this far above PORT (PORT + 1 is the progress query's default). */
const SECOND_API_PORT_OFFSET = 2;
const stack: Stack = { apps: [] };
let stopping = false;

function say(line: string): void {
  process.stdout.write(`[start] ${line}\n`);
}

async function startDatabase(config: AppConfig): Promise<DatabaseUrls> {
  if (config.DATABASE_URL) {
    say('使用外部 PostgreSQL / using external PostgreSQL from DATABASE_URL');
    return { appUrl: config.DATABASE_URL, ownerUrl: config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL };
  }
  stack.postgres = await startPostgresHost(config);
  stack.postgres.process.once('exit', () => {
    if (!stopping) {
      say('PostgreSQL 意外退出 / exited unexpectedly; stopping everything');
      void shutdown(1);
    }
  });
  say(
    `PostgreSQL 已启动 / embedded PostgreSQL on 127.0.0.1:${stack.postgres.port} (data: ${config.dataDir}/postgres)`,
  );
  return provisionDatabase(stack.postgres.superuserUrl, stack.postgres.credentials);
}

function startPostgresHost(config: AppConfig): Promise<PostgresHost> {
  const args = [path.join(PROJECT_ROOT, 'dist/scripts/postgres-host.js'), config.dataDir];
  if (config.PG_PORT) args.push(String(config.PG_PORT));
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) =>
      resolve({ ...(message as Omit<PostgresHost, 'process'>), process: child }),
    );
    child.once('exit', (code) =>
      reject(
        new Error(
          `embedded PostgreSQL failed to start (exit ${code}); see ${config.dataDir}/logs/postgres.log`,
        ),
      ),
    );
  });
}

async function startTemporal(config: AppConfig, logDir: string): Promise<string> {
  if (config.TEMPORAL_ADDRESS) {
    say(`使用外部 Temporal / using Temporal at ${config.TEMPORAL_ADDRESS}`);
    return config.TEMPORAL_ADDRESS;
  }
  stack.temporal = await startDevServer({
    cliPath: ensureBinary(TEMPORAL_CLI),
    dataDir: path.join(config.dataDir, 'temporal'),
    logFile: path.join(logDir, 'temporal.log'),
    namespace: config.TEMPORAL_NAMESPACE,
    port: config.TEMPORAL_PORT,
    uiPort: config.TEMPORAL_UI_PORT,
    headless: config.TEMPORAL_HEADLESS,
  });
  say(`Temporal 开发服务器已启动 / Temporal dev server on ${stack.temporal.address}`);
  return stack.temporal.address;
}

/** Cluster mode: the real Temporal server with its own databases in the embedded PostgreSQL. */
async function startRealTemporalServer(config: AppConfig, logDir: string): Promise<string> {
  if (config.TEMPORAL_ADDRESS || config.DATABASE_URL) {
    throw new ConfigError(
      'npm run cluster 自带 PostgreSQL 与 Temporal 服务器 / runs its own PostgreSQL and Temporal server: unset TEMPORAL_ADDRESS and DATABASE_URL (npm start uses external ones)',
    );
  }
  const binaries = ensureTemporalServerBuild(process.env, say);
  say(
    `Temporal 服务器构建已校验 / Temporal server v${TEMPORAL_SERVER_BUILD.version} verified (sha256): ${binaries.dir}`,
  );
  const server = await startTemporalServer({
    binaries,
    dataDir: path.join(config.dataDir, 'temporal-server'),
    logFile: path.join(logDir, 'temporal.log'),
    superuserUrl: stack.postgres!.superuserUrl,
    namespace: config.TEMPORAL_NAMESPACE,
    frontendPort: config.TEMPORAL_PORT ?? 7233,
    say,
  });
  stack.temporal = server;
  server.process.child.once('exit', () => {
    if (!stopping) {
      say('Temporal 服务器意外退出 / Temporal server exited unexpectedly; stopping everything');
      void shutdown(1);
    }
  });
  say(
    `Temporal 服务器已启动 / real Temporal server on ${server.address} (PostgreSQL persistence and visibility, config ${server.prepared.configFile})`,
  );
  return server.address;
}

/**
 * The payload encryption keys the apps share. Configured keys (PAYLOAD_KEYS / PAYLOAD_KEYS_FILE) are checked
 * here so a bad ring stops start-up in one line. With the embedded Temporal and none configured, a ring is
 * generated once into <DATA_DIR>/keys (0700, file 0600) and reused afterwards. External Temporal without
 * keys: refused, never plain text.
 */
function payloadKeysEnv(config: AppConfig): NodeJS.ProcessEnv {
  if (config.PAYLOAD_KEYS || config.PAYLOAD_KEYS_FILE) {
    const ring = loadPayloadKeyRing(config);
    say(`载荷加密密钥 / payload keys from configuration (active key ${ring.activeKeyId})`);
    return {};
  }
  if (config.TEMPORAL_ADDRESS) loadPayloadKeyRing(config); // throws the one-line ConfigError
  const { file, created, ring } = ensurePayloadKeyRingFile(config.dataDir);
  say(
    `载荷加密密钥 / payload keys ${created ? 'generated in' : 'from'} ${file} (active key ${ring.activeKeyId}; back this file up)`,
  );
  return { PAYLOAD_KEYS_FILE: file };
}

/** On the embedded database the blind index key is generated once beside it; otherwise it must be configured. */
function blindIndexKeyEnv(config: AppConfig): NodeJS.ProcessEnv {
  if (config.BLIND_INDEX_KEY || config.BLIND_INDEX_KEY_FILE || config.DATABASE_URL) {
    loadBlindIndexKey(config); // one clear line when missing or bad
    return {};
  }
  const { file, created } = ensureBlindIndexKeyFile(config.dataDir);
  say(`盲索引密钥 / blind index key ${created ? 'generated in' : 'from'} ${file} (back this file up)`);
  return { BLIND_INDEX_KEY_FILE: file };
}

function startApp(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  nodeArgs: readonly string[] = [],
): ChildProcess {
  // Own process group: a terminal's Ctrl-C reaches only this launcher, which stops the apps first.
  const child = spawn(process.execPath, [...nodeArgs, path.join(PROJECT_ROOT, 'dist', entry)], {
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} 意外退出 / exited unexpectedly (code ${code}, signal ${signal}); stopping everything`);
      void shutdown(1);
    }
  });
  stack.apps.push(child);
  return child;
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`API not healthy within ${HEALTH_TIMEOUT_MS / 1000} s: ${last}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function shutdown(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('正在停止 / stopping …');
  await Promise.all(stack.apps.map(stopChild));
  await stack.temporal?.process.stop('SIGTERM');
  if (stack.postgres) await stopChild(stack.postgres.process);
  say('已停止 / stopped');
  process.exit(exitCode);
}

async function main(): Promise<void> {
  if (CLUSTER) process.env.DATA_DIR ??= path.join('var', 'cluster');
  const config = loadConfig();
  const logDir = path.join(config.dataDir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const keysEnv = { ...payloadKeysEnv(config), ...blindIndexKeyEnv(config) };
  say(`文书字体 / notice font: ${ensureNoticeFont(config)}`);
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  // Both settle before going on, so a failure of one never leaves the other running unnoticed.
  const databaseStarted = startDatabase(config);
  const [database, temporal] = await Promise.allSettled([
    databaseStarted,
    CLUSTER
      ? databaseStarted.then(() => startRealTemporalServer(config, logDir))
      : startTemporal(config, logDir),
  ]);
  if (database.status === 'rejected') throw database.reason;
  if (temporal.status === 'rejected') throw temporal.reason;
  const urls = database.value;
  const temporalAddress = temporal.value;
  await migrateDatabase(urls);
  say('数据库迁移完成 / migrations applied');
  // Printed last, after the apps' start-up logs, framed.
  const administratorLines = await prepareInitialAdministrator(urls);

  // The apps connect as the application role only; the owner's URL stays with this launcher.
  const { MIGRATION_DATABASE_URL: _ownerUrl, ...inherited } = process.env;
  const env = {
    ...inherited,
    ...keysEnv,
    DATABASE_URL: urls.appUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    // On a terminal the apps' log lines are for reading; piped (a service manager, a collector) they stay JSON.
    LOG_FORMAT: inherited.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
  };
  const workersReady = Promise.all(
    Array.from({ length: INSTANCES }, (_, k) => {
      const worker = startApp(instanceName('worker', k), 'apps/worker/src/main.js', env, WORKER_NODE_ARGS);
      return new Promise((resolve) => worker.once('message', resolve));
    }),
  );
  const apiPorts = Array.from({ length: INSTANCES }, (_, k) => config.PORT + k * SECOND_API_PORT_OFFSET);
  apiPorts.forEach((port, k) =>
    startApp(instanceName('api', k), 'apps/api/src/main.js', { ...env, PORT: String(port) }),
  );
  // The petitioners' progress query: its own app and port (deployed apart from the staff API in production).
  const { TEMPORAL_ADDRESS: _temporal, ...publicEnv } = env;
  startApp('public', 'apps/public/src/main.js', publicEnv);

  const apiUrls = apiPorts.map((port) => `http://${config.HOST}:${port}`);
  const apiUrl = apiUrls[0]!;
  const publicUrl = `http://${config.PUBLIC_HOST}:${config.PUBLIC_PORT}`;
  await Promise.all([
    ...apiUrls.map((url) => waitForHealth(`${url}/api/health`)),
    waitForHealth(`${publicUrl}/public/health`),
    workersReady,
  ]);
  say(CLUSTER ? `就绪 / ready: ${INSTANCES} workers, ${INSTANCES} API instances` : '就绪 / ready');
  say(`  控制台 console: ${apiUrls.map((url) => `${url}/`).join('  ')}`);
  say(`  API:          ${apiUrls.map((url) => `${url}/api`).join('  ')}`);
  say(`  API 文档 docs: ${apiUrl}/api/docs`);
  say(`  进度查询 public progress query: ${publicUrl}/`);
  if (stack.temporal?.uiUrl) say(`  Temporal UI:  ${stack.temporal.uiUrl}`);
  if (CLUSTER) say(`  Temporal:     ${temporalAddress} (TEMPORAL_ADDRESS)`);
  if (process.argv.includes('--demo')) await loadDemoData(urls, temporalAddress, apiUrl, env);
  say('按 Ctrl-C 停止 / press Ctrl-C to stop');
  for (const line of administratorLines) say(line);
}

/** `worker`, `worker-2` …: names in the exit messages. */
function instanceName(app: string, index: number): string {
  return index === 0 ? app : `${app}-${index + 1}`;
}

/** `npm run demo`: the same start, then a living system to look at (idempotent across restarts). */
async function loadDemoData(
  urls: DatabaseUrls,
  temporalAddress: string,
  apiUrl: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const config = loadConfig(env);
  const owner = await createDataSource({ url: urls.ownerUrl, poolSize: 2 }).initialize();
  const connection = await Connection.connect(temporalConnectionOptions(config, temporalAddress));
  try {
    const temporal = new Client({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      dataConverter: dataConverterFromConfig(config),
    });
    const cases = Number(process.env.DEMO_CASES ?? 300);
    say(`正在生成演示数据 / loading demo data (${cases} cases through their workflows) …`);
    const protector = new PersonalDataProtector(loadPayloadKeyRing(config), loadBlindIndexKey(config));
    await seedDemoData({
      owner,
      apiUrl,
      temporal,
      protector,
      cases,
      onProgress: (line) => say(`  ${line}`),
    });
    say('演示数据已就绪 / demo data ready');
    say(
      `演示账号密码 / demo accounts' password: ${DEMO_PASSWORD}; TOTP 密钥 / secrets (add to an authenticator app):`,
    );
    for (const userId of ['qx-clerk-1', 'qx-unitleader-1', 'qx-packageleader-1', 'qx-supervisor-1']) {
      say(`  ${userId}: ${await demoTotpSecret(owner.manager, userId, protector)}`);
    }
  } finally {
    await connection.close();
    await owner.destroy();
  }
}

main().catch(async (error) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`[start] 启动失败 / start failed: ${message}\n`);
  await shutdown(1);
});

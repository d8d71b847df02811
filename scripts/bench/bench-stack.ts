import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import getPort from 'get-port';
import { type DataSource } from 'typeorm';
import { type AppConfig, loadConfig, WORKER_NODE_ARGS } from '../../libs/config/src';
import {
  createDataSource,
  type DatabaseUrls,
  ensureBlindIndexKeyFile,
  loadBlindIndexKey,
  migrateDatabase,
  PersonalDataProtector,
  provisionDatabase,
} from '../../libs/persistence/src';
import {
  ensureBinary,
  type ManagedProcess,
  startDevServer,
  TEMPORAL_CLI,
  temporalConnectionOptions,
} from '../../libs/temporal/src';
import {
  ensureTemporalServerBuild,
  launchTemporalServer,
  type PreparedTemporalServer,
  prepareTemporalServer,
  type TemporalEngine,
} from '../../libs/temporal/src/server';
import {
  bundleWithFailureConverter,
  dataConverterFromConfig,
  ensurePayloadKeyRingFile,
  loadPayloadKeyRing,
} from '../../libs/temporal/src/codec';
import { seedDemoData } from '../demo-data';
import { DemoSessions } from '../demo-sessions';

/**
 * The embedded stack as `npm start` runs it (PostgreSQL in its own host process, the Temporal dev
 * server on a SQLite file with the same pragmas, the worker and API as separate processes with the
 * same configuration), on a data folder and ports of its own, with the demo organisation and accounts.
 * Benches and drills drive it over HTTP and can kill or restart each part.
 */
export interface BenchStackOptions {
  /** Where the compiled apps live (`<dist>/apps/…`, `<dist>/scripts/postgres-host.js`). */
  distDir?: string;
  /** A prebuilt workflow bundle; without one, the stack bundles once into its data folder. */
  workflowBundlePath?: string;
  /** Extra environment for the worker and API (settings under test). */
  env?: NodeJS.ProcessEnv;
  /** Prints progress lines. */
  say?: (line: string) => void;
  /** The Temporal dev server (default) or the real server on the stack's PostgreSQL. */
  engine?: TemporalEngine;
  /** Worker processes on the one task queue (default 1). */
  workers?: number;
  /** An existing data folder (a restored one) instead of a new temporary folder; removed on stop all the same. */
  dataDir?: string;
}

interface PostgresHost {
  port: number;
  superuserUrl: string;
  credentials: { superuserPassword: string; ownerPassword: string; appPassword: string };
  process: ChildProcess;
}

type AppName = 'worker' | 'api';
/** One running app process: `worker` (the first worker), `worker-2` …, `api`. */
type InstanceName = AppName | `worker-${number}`;

const HEALTH_TIMEOUT_MS = 120_000;

export class BenchStack {
  readonly apiUrl: string;
  private postgres?: PostgresHost;
  private temporalProcess?: ManagedProcess;
  private preparedServer?: PreparedTemporalServer;
  private readonly apps = new Map<InstanceName, ChildProcess>();
  private readonly supervised = new Set<InstanceName>();
  private stopping = false;
  urls!: DatabaseUrls;
  appEnv!: NodeJS.ProcessEnv;
  config!: AppConfig;
  owner!: DataSource;
  temporal!: Client;
  private temporalConnection!: Connection;
  sessions!: DemoSessions;
  protector!: PersonalDataProtector;

  private constructor(
    readonly dataDir: string,
    readonly ports: { api: number; postgres: number; temporal: number },
    private readonly options: BenchStackOptions,
  ) {
    this.apiUrl = `http://127.0.0.1:${ports.api}`;
  }

  get engine(): TemporalEngine {
    return this.options.engine ?? 'dev';
  }

  private get workerNames(): InstanceName[] {
    const count = this.options.workers ?? 1;
    return Array.from({ length: count }, (_, k): InstanceName => (k === 0 ? 'worker' : `worker-${k + 1}`));
  }

  private get distDir(): string {
    return this.options.distDir ?? path.resolve(__dirname, '../..');
  }

  private say(line: string): void {
    this.options.say?.(line);
  }

  get logDir(): string {
    return path.join(this.dataDir, 'logs');
  }

  /** Starts everything and logs nothing in: answers once the API is healthy and the worker polls. */
  static async start(options: BenchStackOptions = {}): Promise<BenchStack> {
    const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pce-bench-'));
    fs.chmodSync(dataDir, 0o755); // PostgreSQL runs as the `postgres` user when we are root
    const ports = { api: await getPort(), postgres: await getPort(), temporal: await getPort() };
    const stack = new BenchStack(dataDir, ports, options);
    try {
      await stack.boot();
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  private async boot(): Promise<void> {
    fs.mkdirSync(this.logDir, { recursive: true });
    const base = loadConfig({ DATA_DIR: this.dataDir });
    const keys = ensurePayloadKeyRingFile(base.dataDir).file;
    const blindIndex = ensureBlindIndexKeyFile(base.dataDir).file;
    const postgres = this.startPostgres();
    const [urls, , bundle] = await Promise.all([
      postgres.then(() => provisionDatabase(this.postgres!.superuserUrl, this.postgres!.credentials)),
      // The real server keeps its databases in the stack's PostgreSQL; the dev server needs none.
      this.engine === 'server' ? postgres.then(() => this.startTemporal()) : this.startTemporal(),
      this.workflowBundle(),
    ]);
    this.urls = urls;
    await migrateDatabase(urls);
    this.appEnv = {
      ...withoutStackVariables(process.env),
      LOG_LEVEL: 'warn',
      ...this.options.env,
      DATA_DIR: this.dataDir,
      PORT: String(this.ports.api),
      HOST: '127.0.0.1',
      DATABASE_URL: urls.appUrl,
      TEMPORAL_ADDRESS: `127.0.0.1:${this.ports.temporal}`,
      PAYLOAD_KEYS_FILE: keys,
      BLIND_INDEX_KEY_FILE: blindIndex,
      WORKFLOW_BUNDLE_PATH: bundle,
    };
    this.config = loadConfig(this.appEnv);
    this.owner = await createDataSource({ url: urls.ownerUrl, poolSize: 4 }).initialize();
    this.temporalConnection = await Connection.connect(
      temporalConnectionOptions(this.config, this.appEnv.TEMPORAL_ADDRESS!),
    );
    this.temporal = new Client({
      connection: this.temporalConnection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      dataConverter: dataConverterFromConfig(this.config),
    });
    await Promise.all([...this.workerNames, 'api' as const].map((name) => this.startApp(name)));
    this.protector = new PersonalDataProtector(
      loadPayloadKeyRing(this.config),
      loadBlindIndexKey(this.config),
    );
    await this.seedDemoCases(0);
    this.sessions = new DemoSessions(this.apiUrl, this.owner.manager, this.protector);
    this.say(
      `stack ready in ${this.dataDir} (API ${this.apiUrl}, ${this.engine === 'server' ? 'real Temporal server' : 'Temporal dev server'} ${this.appEnv.TEMPORAL_ADDRESS}, ${this.workerNames.length} worker(s))`,
    );
  }

  /** The demo organisation and accounts (idempotent), and `cases` demo cases worked through their workflows. */
  async seedDemoCases(cases: number, onProgress?: (line: string) => void): Promise<void> {
    await seedDemoData({
      owner: this.owner,
      apiUrl: this.apiUrl,
      temporal: this.temporal,
      protector: this.protector,
      cases,
      onProgress,
    });
  }

  private async workflowBundle(): Promise<string> {
    if (this.options.workflowBundlePath) return this.options.workflowBundlePath;
    const file = path.join(this.dataDir, 'workflow-bundle.js');
    fs.writeFileSync(file, await bundleWithFailureConverter(path.join(this.distDir, 'workflows')));
    return file;
  }

  // ── PostgreSQL ──────────────────────────────────────────────────────────────────────────────

  async startPostgres(): Promise<void> {
    const child = spawn(
      process.execPath,
      [path.join(this.distDir, 'scripts/postgres-host.js'), this.dataDir, String(this.ports.postgres)],
      { detached: true, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
    );
    this.postgres = await new Promise<PostgresHost>((resolve, reject) => {
      child.once('message', (message) =>
        resolve({ ...(message as Omit<PostgresHost, 'process'>), process: child }),
      );
      child.once('exit', (code) => reject(new Error(`embedded PostgreSQL failed to start (exit ${code})`)));
    });
  }

  /** Stops PostgreSQL (fast shutdown, as a service restart does) and starts it again on the same folder and port. */
  async restartPostgres(downMs = 0): Promise<void> {
    if (this.postgres) await stopChild(this.postgres.process, 'SIGTERM');
    if (downMs) await sleep(downMs);
    await this.startPostgres();
  }

  // ── Temporal ────────────────────────────────────────────────────────────────────────────────

  private async startTemporal(): Promise<void> {
    const namespace = loadConfig({}).TEMPORAL_NAMESPACE;
    const logFile = path.join(this.logDir, 'temporal.log');
    if (this.engine === 'dev') {
      const server = await startDevServer({
        cliPath: ensureBinary(TEMPORAL_CLI),
        dataDir: path.join(this.dataDir, 'temporal'),
        logFile,
        namespace,
        port: this.ports.temporal,
        headless: true,
      });
      this.temporalProcess = server.process;
      return;
    }
    this.preparedServer ??= await prepareTemporalServer({
      binaries: ensureTemporalServerBuild(process.env, (line) => this.say(line)),
      dataDir: path.join(this.dataDir, 'temporal-server'),
      logFile,
      superuserUrl: this.postgres!.superuserUrl,
      namespace,
      frontendPort: this.ports.temporal,
    });
    this.ports.temporal = this.preparedServer.ports.frontend;
    this.temporalProcess = (await launchTemporalServer(this.preparedServer)).process;
  }

  /** Stops Temporal (SIGTERM) and starts it again on the same store and ports. */
  async restartTemporal(downMs = 0): Promise<void> {
    await this.temporalProcess?.stop('SIGTERM');
    if (downMs) await sleep(downMs);
    await this.startTemporal();
  }

  /** SIGKILLs the Temporal process (no shutdown of any kind), then starts it again on the same store and ports. */
  async killTemporal(downMs = 0): Promise<void> {
    await this.temporalProcess?.stop('SIGKILL');
    if (downMs) await sleep(downMs);
    await this.startTemporal();
  }

  // ── worker and API ──────────────────────────────────────────────────────────────────────────

  /** Starts an app and keeps it running: an unexpected exit is followed by a restart, as a process manager does. */
  async startApp(name: InstanceName): Promise<void> {
    this.supervised.add(name);
    const app = appOf(name);
    const entry = app === 'worker' ? 'apps/worker/src/main.js' : 'apps/api/src/main.js';
    const log = fs.openSync(path.join(this.logDir, `${name}.log`), 'a');
    const child = spawn(process.execPath, [...nodeArgsFor(app), path.join(this.distDir, entry)], {
      env: this.appEnv,
      stdio: ['ignore', log, log, 'ipc'],
      detached: true,
    });
    fs.closeSync(log);
    this.apps.set(name, child);
    child.once('exit', () => {
      if (this.stopping || this.apps.get(name) !== child || !this.supervised.has(name)) return;
      setTimeout(() => {
        if (!this.stopping && this.apps.get(name) === child) void this.startApp(name).catch(() => undefined);
      }, 1000);
    });
    if (app === 'worker') await waitForMessage(child, 'worker');
    else await this.waitForHealth();
  }

  pid(name: AppName | 'temporal' | 'postgres'): number | undefined {
    if (name === 'temporal') return this.temporalProcess?.child.pid;
    if (name === 'postgres') return this.postgres?.process.pid;
    return this.apps.get(name)?.pid;
  }

  /** SIGKILLs the (first) worker; the supervisor starts a new one a second later. Answers once it polls again. */
  async killWorker(): Promise<void> {
    const child = this.apps.get('worker');
    child?.kill('SIGKILL');
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    while (Date.now() < deadline && this.apps.get('worker') === child) await sleep(200);
    const next = this.apps.get('worker');
    if (next && next !== child) await waitForMessage(next, 'worker').catch(() => undefined);
  }

  async waitForHealth(): Promise<void> {
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    let last = '';
    while (Date.now() < deadline && !this.stopping) {
      try {
        const response = await fetch(`${this.apiUrl}/api/health`);
        if (response.ok) return;
        last = `${response.status}`;
      } catch (error) {
        last = String(error);
      }
      await sleep(300);
    }
    throw new Error(`API not healthy within ${HEALTH_TIMEOUT_MS / 1000} s: ${last}`);
  }

  /** Resident memory of an app process (the first worker) or the Temporal server, from /proc (Linux). */
  rssBytes(name: AppName | 'temporal'): number | undefined {
    const pid = this.pid(name);
    if (!pid) return undefined;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const match = /VmRSS:\s+(\d+) kB/.exec(status);
      return match ? Number(match[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** The settings the apps run with, for the report. */
  settings(): Record<string, unknown> {
    return {
      WORKER_MAX_CACHED_WORKFLOWS: this.config.WORKER_MAX_CACHED_WORKFLOWS,
      workerNodeArgs: nodeArgsFor('worker'),
      WORKER_MAX_CONCURRENT_ACTIVITIES: this.config.WORKER_MAX_CONCURRENT_ACTIVITIES,
      WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: this.config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      DATABASE_POOL_SIZE: this.config.DATABASE_POOL_SIZE,
      engine: this.engine,
      ...(this.engine === 'dev'
        ? { temporalDevServerSqlite: ['journal_mode=wal', 'synchronous=normal'] }
        : { temporalServer: 'v1.32.2, PostgreSQL persistence and SQL visibility, 4 history shards' }),
      workflowBundle: 'prebuilt',
      workers: this.workerNames.length,
      apiInstances: 1,
    };
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    await Promise.all([...this.apps.values()].map((child) => stopChild(child, 'SIGTERM')));
    await this.temporalConnection?.close().catch(() => undefined);
    await this.owner?.destroy().catch(() => undefined);
    await this.temporalProcess?.stop('SIGTERM');
    if (this.postgres) await stopChild(this.postgres.process, 'SIGTERM');
    if (!process.env.BENCH_KEEP_DATA) fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function appOf(name: InstanceName): AppName {
  return name === 'api' ? 'api' : 'worker';
}

/**
 * An app's node flags: the worker's as `npm start` gives them, then any of BENCH_<APP>_NODE_ARGS, for
 * profiling a bench run, e.g. BENCH_WORKER_NODE_ARGS="--prof --logfile=/tmp/worker.v8.log --no-logfile-per-isolate".
 */
function nodeArgsFor(name: AppName): string[] {
  return [
    ...(name === 'worker' ? WORKER_NODE_ARGS : []),
    ...(process.env[`BENCH_${name.toUpperCase()}_NODE_ARGS`]?.split(' ').filter(Boolean) ?? []),
  ];
}

/** The variables that would point the apps at other servers or another task queue. */
function withoutStackVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const {
    DATABASE_URL: _db,
    MIGRATION_DATABASE_URL: _m,
    TEMPORAL_ADDRESS: _t,
    TEMPORAL_TASK_QUEUE: _q,
    TEMPORAL_NAMESPACE: _n,
    WORKFLOW_BUNDLE_PATH: _w,
    PAYLOAD_KEYS: _k,
    BLIND_INDEX_KEY: _b,
    ...rest
  } = env;
  return rest;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function waitForMessage(child: ChildProcess, ready: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if ((message as { ready?: string })?.ready !== ready) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve();
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`${ready} exited (code ${code}) before it was ready`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

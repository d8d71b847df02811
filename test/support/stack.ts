import { type INestApplicationContext, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createPublicApp } from '../../apps/public/src/create-public-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createDataSource, UnitEntity } from '../../libs/persistence/src';
import { TEST_PAYLOAD_KEYS_ENV, testDataConverter, testServers } from './test-env';

/** TEST-ONLY blind index key (32 bytes), fixed so tests can compute expected indexes. */
export const TEST_BLIND_INDEX_KEY = Buffer.alloc(32, 'pce-test-blind-index').toString('base64');

/** A short unique suffix, so tests sharing the servers never see each other's data. */
export function uniqueId(length = 8): string {
  return randomBytes(length).toString('hex').slice(0, length).toUpperCase();
}

/** Points this test file's apps at the shared servers, on a task queue of its own, with the test key ring. */
export function useSharedServers(): { taskQueue: string } {
  const servers = testServers();
  const taskQueue = `test-${uniqueId()}`;
  Object.assign(process.env, {
    DATABASE_URL: servers.appDatabaseUrl,
    TEMPORAL_ADDRESS: servers.temporalAddress,
    TEMPORAL_NAMESPACE: servers.temporalNamespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    WORKFLOW_BUNDLE_PATH: servers.workflowBundlePath,
    PAYLOAD_KEYS: TEST_PAYLOAD_KEYS_ENV, // the apps encrypt payloads with the fixed test-only key ring
    PAYLOAD_KEYS_FILE: '',
    DATABASE_POOL_SIZE: '4',
    LOG_LEVEL: 'warn',
    BLIND_INDEX_KEY: TEST_BLIND_INDEX_KEY,
    // Every test file logs staff in from 127.0.0.1 against one shared counter; the limit itself is
    // tested in auth.test.ts with its own settings.
    LOGIN_RATE_LIMIT_PER_ADDRESS: '100000',
    // Timeline exports are counted per address too, in one row per minute that every file shares: a file
    // exporting hundreds of timelines (the access matrix) would otherwise use up another file's allowance.
    // A file testing the limit sets its own value before starting its stack.
    EXPORT_RATE_LIMIT: process.env.EXPORT_RATE_LIMIT ?? '100000',
  });
  return { taskQueue };
}

/** Tests keep the apps quiet; a test that inspects the logs asks for everything. */
const QUIET: LogLevel[] = ['error', 'warn'];
export const ALL_LOGS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export async function startWorkerApp(logger: LogLevel[] = QUIET): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule, { logger });
}

export interface RunningApi {
  app: NestExpressApplication;
  url: string;
}

export async function startApiApp(logger: LogLevel[] = QUIET): Promise<RunningApi> {
  const app = await createApiApp({ logger });
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') + '/api' };
}

/** The public progress query app on a free port; its URL has no prefix (the page is at `/`). */
export async function startPublicApp(logger: LogLevel[] = QUIET): Promise<RunningApi> {
  const app = await createPublicApp({ logger });
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

/** A privileged connection (the schema owner), for fixtures and for reading what the app wrote. */
export async function ownerDataSource(): Promise<DataSource> {
  return createDataSource({ url: testServers().ownerDatabaseUrl, poolSize: 2 }).initialize();
}

export async function createUnit(db: DataSource, name = '测试单位'): Promise<string> {
  const code = `T${uniqueId(7)}`;
  await db.manager.insert(UnitEntity, { code, name, level: 'district', parentCode: null });
  return code;
}

export interface TestStack {
  api: RunningApi;
  worker: INestApplicationContext;
  /** The schema owner's connection, for fixtures and for reading what the apps wrote. */
  db: DataSource;
  /** A client like the API's own (same codec), for driving workflows directly. */
  temporal: Client;
  close(): Promise<void>;
}

/** The API and the worker in this process on the shared servers, plus an owner connection and a client. */
export async function startTestStack(logger: LogLevel[] = QUIET): Promise<TestStack> {
  useSharedServers();
  // The apps' JSON logs (pino) follow LOG_LEVEL: a file asking for more of Nest's logs gets them there too.
  process.env.LOG_LEVEL = logger.includes('verbose') ? 'verbose' : logger.includes('log') ? 'log' : 'warn';
  const servers = testServers();
  const db = await ownerDataSource();
  const worker = await startWorkerApp(logger);
  const api = await startApiApp(logger);
  const temporal = new Client({
    connection: await Connection.connect({ address: servers.temporalAddress }),
    namespace: servers.temporalNamespace,
    dataConverter: testDataConverter(),
  });
  return {
    api,
    worker,
    db,
    temporal,
    close: async () => {
      await api.app.close();
      await worker.close();
      await temporal.connection.close();
      await db.destroy();
    },
  };
}

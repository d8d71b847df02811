import { Connection } from '@temporalio/client';
import getPort from 'get-port';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../libs/config/src';
import { ensureNoticeFont } from '../../libs/notices/src/notice-font';
import { migrateDatabase, provisionDatabase } from '../../libs/persistence/src';
import { type RunningPostgres, startEmbeddedPostgres } from '../../libs/persistence/src/embedded-postgres';
import {
  ensureTemporalBinaries,
  registerSearchAttributes,
  type RunningDevServer,
  type RunningTimeSkippingServer,
  startDevServer,
  startTimeSkippingServer,
} from '../../libs/temporal/src';
import { bundleWithFailureConverter } from '../../libs/temporal/src/codec';
import {
  engineLabel,
  ensureTemporalServerBuild,
  parseEngine,
  startTemporalServer,
} from '../../libs/temporal/src/server';
import { prepareConsoleAndBrowser } from './browser';
import { publishTestServers, TIME_SKIPPING_SLOTS } from './test-env';

export interface StartedServers {
  postgres: RunningPostgres;
  temporal: Pick<RunningDevServer, 'address' | 'process'>;
  timeSkipping: RunningTimeSkippingServer[];
  root: string;
}

declare global {
  var __PCE_SERVERS__: StartedServers | undefined;
}

const NAMESPACE = 'petition-test';

/**
 * Starts PostgreSQL, Temporal and the time-skipping servers once per run; bundles the workflows once.
 * Temporal is the dev server, or with TEMPORAL_TARGET=server the real server (built into the cache
 * folder when missing) on its own databases in the run's PostgreSQL.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const engine = parseEngine(process.env.TEMPORAL_TARGET, 'TEMPORAL_TARGET');
  const binaries = ensureTemporalBinaries();
  const serverBinaries =
    engine === 'server'
      ? ensureTemporalServerBuild(process.env, (line) => process.stdout.write(`\n[global-setup] ${line}\n`))
      : undefined;
  ensureNoticeFont(loadConfig(process.env));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-test-'));
  fs.chmodSync(root, 0o755); // PostgreSQL runs as the `postgres` user when we are root.
  const log = (name: string) => path.join(root, `${name}.log`);

  // Any free port, never the npm start default: parallel runs must not race for the same one.
  const postgresStarted = getPort().then((port) =>
    startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port, logFile: log('postgres') }),
  );
  const [postgres, temporal, timeSkipping, bundle] = await Promise.all([
    postgresStarted,
    serverBinaries
      ? postgresStarted.then((pg) =>
          startTemporalServer({
            binaries: serverBinaries,
            dataDir: path.join(root, 'temporal-server'),
            logFile: log('temporal'),
            superuserUrl: pg.superuserUrl,
            namespace: NAMESPACE,
            retentionDays: 1,
          }),
        )
      : startDevServer({
          cliPath: binaries.cli,
          logFile: log('temporal'),
          namespace: NAMESPACE,
          headless: true,
        }),
    Promise.all(
      TIME_SKIPPING_SLOTS.map((slot) =>
        startTimeSkippingServer(binaries.testServer, log(`time-skipping-${slot}`)),
      ),
    ),
    // Built with the encrypting failure converter, as Worker.create does from workflowsPath in production.
    bundleWithFailureConverter(require.resolve('../../workflows')),
    prepareConsoleAndBrowser(),
  ]);
  globalThis.__PCE_SERVERS__ = { postgres, temporal, timeSkipping, root };

  for (const server of timeSkipping) {
    const connection = await Connection.connect({ address: server.address });
    await registerSearchAttributes(connection, 'default');
    await connection.close();
  }
  const urls = await provisionDatabase(postgres.superuserUrl, postgres.credentials);
  await migrateDatabase(urls);
  const workflowBundlePath = path.join(root, 'workflow-bundle.js');
  fs.writeFileSync(workflowBundlePath, bundle);

  publishTestServers({
    root,
    appDatabaseUrl: urls.appUrl,
    ownerDatabaseUrl: urls.ownerUrl,
    superuserDatabaseUrl: postgres.superuserUrl.replace(/\/postgres$/, '/petition'),
    temporalAddress: temporal.address,
    temporalNamespace: NAMESPACE,
    temporalEngine: engine,
    timeSkippingAddresses: timeSkipping.map((server) => server.address),
    workflowBundlePath,
  });
  process.stdout.write(
    `\n[global-setup] servers ready in ${Date.now() - started} ms on the ${engineLabel(engine)} (logs in ${root})\n`,
  );
}

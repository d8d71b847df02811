import { NativeConnection, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { loadConfig } from '../../libs/config/src';
import { installTemporalRuntime } from '../../libs/temporal/src';
import { BASELINE_TABLE, type BaselineActivities } from './baseline-workflows';

/**
 * The baselines' own worker process, spawned by the intake bench: its own task queue and bundle,
 * the same worker settings and pool size as the product's worker, a plain pool writing the one row.
 * Environment: TEMPORAL_ADDRESS, BASELINE_TASK_QUEUE, BASELINE_DATABASE_URL and the WORKER_* settings.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const pool = new Pool({
    connectionString: process.env.BASELINE_DATABASE_URL,
    max: config.DATABASE_POOL_SIZE,
  });
  const activities: BaselineActivities = {
    insertRow: async (id) => {
      await pool.query(`INSERT INTO ${BASELINE_TABLE} (id) VALUES ($1) ON CONFLICT DO NOTHING`, [id]);
    },
  };
  installTemporalRuntime('warn');
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS! });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: process.env.BASELINE_TASK_QUEUE!,
    workflowsPath: require.resolve('./baseline-workflows'),
    activities,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
  });
  process.once('SIGTERM', () => worker.shutdown());
  const running = worker.run();
  process.send?.({ ready: 'baseline' });
  await running;
  await connection.close();
  await pool.end();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../libs/config/src';
import { runDrill } from '../scripts/chaos/drill';
import { testServers } from './support/test-env';

/**
 * The small fault drill (`npm run chaos` is the full one): 30 cases by 5 clients over HTTP on a
 * PostgreSQL, Temporal, worker(s) and API of its own (own ports and data folder, never the servers
 * other tests share). On the dev server: the worker is SIGKILLed once and Temporal restarted once.
 * Under TEMPORAL_TARGET=server, on the real server: one of two workers is SIGKILLed and the Temporal
 * server process SIGKILLed (then started again).
 */
jest.setTimeout(300_000);

const engine = testServers().temporalEngine;
const faultPlan =
  engine === 'server'
    ? { workers: 2, temporalRestartsAtProgress: [], temporalKillsAtProgress: [0.6] }
    : { workers: 1, temporalRestartsAtProgress: [0.6], temporalKillsAtProgress: [] };

describe(`fault drill (smoke) on the ${engine === 'server' ? 'real Temporal server' : 'Temporal dev server'}`, () => {
  it('loses nothing and doubles nothing when a worker is killed and Temporal restarted or killed', async () => {
    // The apps run as compiled processes: built into a folder of this test's own, so a concurrent
    // `npm run build` (the npm start test) never rewrites a file one of them is loading.
    const distDir = path.join(PROJECT_ROOT, 'dist', '.chaos-drill');
    execFileSync(
      path.join(PROJECT_ROOT, 'node_modules/.bin/swc'),
      ['apps', 'libs', 'workflows', 'scripts', '-d', distDir, '--quiet', '--ignore', '**/*.spec.ts'],
      { cwd: PROJECT_ROOT, stdio: 'inherit' },
    );
    const report = await runDrill({
      cases: 30,
      clients: 5,
      workerKillsAtProgress: [0.3],
      ...faultPlan,
      engine,
      postgresRestartsAtProgress: [],
      timeLimitMs: 200_000,
      distDir,
      workflowBundlePath: testServers().workflowBundlePath,
    });
    expect(report).toMatchObject({
      acknowledged: 30,
      lost: 0,
      duplicated: 0,
      wrongState: 0,
      brokenChains: 0,
      engine,
      workers: faultPlan.workers,
      faults: {
        workerKilled: 1,
        temporalRestarted: faultPlan.temporalRestartsAtProgress.length,
        temporalKilled: faultPlan.temporalKillsAtProgress.length,
        postgresRestarted: 0,
      },
      problems: [],
    });
  });
});

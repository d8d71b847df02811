import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ENGINE_OPTION, engineLabel, parseEngine } from '../libs/temporal/src/server/engine';
import { machine, progress, report } from './bench/load';
import { runDrill } from './chaos/drill';

/**
 * `npm run chaos -- [--cases 300] [--clients 10] [--minutes 15] [--engine dev|server]`
 * 10 clients register 300 cases over HTTP and take each to a planned state (registered, accepted,
 * not accepted, withdrawn), retrying with the same Idempotency-Key after errors, while a worker is
 * SIGKILLed every 30–60 s and at 10/35/60/85 % of the cases acknowledged, Temporal is restarted 3 times
 * and PostgreSQL once. On the real server (`--engine server`) two workers run (one is the one killed)
 * and Temporal is also SIGKILLed twice. Then every acknowledged case is checked; exits 1 unless 0 lost,
 * 0 duplicated, all in their planned state and every hash chain verified. Loopback only, own data
 * folder and ports, stops by itself.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '300' },
      clients: { type: 'string', default: '10' },
      minutes: { type: 'string', default: '15' },
      ...ENGINE_OPTION,
    },
  });
  const engine = parseEngine(values.engine, '--engine');
  progress(`engine: ${engineLabel(engine)}`);
  const result = await runDrill({
    cases: Number(values.cases),
    clients: Number(values.clients),
    workerKillEveryMs: [30_000, 60_000],
    // On a fast machine the clients may finish within a minute: a few kills tied to progress as well.
    workerKillsAtProgress: [0.1, 0.35, 0.6, 0.85],
    temporalRestartsAtProgress: [0.2, 0.45, 0.7],
    temporalKillsAtProgress: engine === 'server' ? [0.3, 0.65] : [],
    engine,
    workers: engine === 'server' ? 2 : 1,
    postgresRestartsAtProgress: [0.55],
    downMs: 2000,
    timeLimitMs: Number(values.minutes) * 60_000,
    say: progress,
  });
  report(
    { bench: 'chaos', machine: machine(), ...result },
    {
      header: [
        'acknowledged',
        'lost',
        'duplicated',
        'wrong state',
        'broken chains',
        'worker kills',
        'Temporal restarts',
        'Temporal kill -9',
        'PostgreSQL restarts',
        'client retries',
        'seconds',
        'passed',
      ],
      rows: [
        [
          `${result.acknowledged}/${result.cases}`,
          result.lost,
          result.duplicated,
          result.wrongState,
          result.brokenChains,
          result.faults.workerKilled,
          result.faults.temporalRestarted,
          result.faults.temporalKilled,
          result.faults.postgresRestarted,
          result.clientRetries,
          result.seconds,
          result.passed ? 'yes' : 'NO',
        ],
      ],
    },
  );
  for (const problem of result.problems) progress(`problem: ${problem}`);
  return result.passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(
      `[chaos] 失败 / failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);

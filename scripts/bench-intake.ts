import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from '@temporalio/client';
import { BASELINE_TABLE } from './bench/baseline-workflows';
import { type BenchStack } from './bench/bench-stack';
import { benchMain, ENGINE_OPTION } from './bench/bench-main';
import { cpuSecondsOfTrees } from './bench/cpu';
import { registerOverHttp, registrationBody } from './bench/intake-units';
import { type LoadResult, machine, progress, report, round, runInterleaved, runLoad } from './bench/load';

/**
 * `npm run bench:intake -- [--cases 1000] [--concurrency 16] [--warmup 30] [--engine dev|server]`
 * On one embedded stack (as `npm start` runs it, own data folder and ports): N registrations over HTTP
 * by C concurrent clients as a logged-in clerk, done when the API answers (the CaseRegistered event is
 * in PostgreSQL); then, against the same Temporal and PostgreSQL with the same load generator,
 * (a) N empty workflows, done when completed, and (b) N workflows running one activity that inserts
 * one row, done when completed (the row committed). Prints rates, ratios and latencies.
 */
const BASELINE_TASK_QUEUE = 'bench-baselines';

async function startBaselineWorker(stack: BenchStack): Promise<ChildProcess> {
  await stack.owner.query(
    `CREATE TABLE IF NOT EXISTS ${BASELINE_TABLE} (id varchar(64) PRIMARY KEY, inserted_at timestamptz NOT NULL DEFAULT now())`,
  );
  await stack.owner.query(`GRANT INSERT, SELECT ON ${BASELINE_TABLE} TO pce_app`);
  const child = spawn(process.execPath, [path.join(__dirname, 'bench/baseline-worker.js')], {
    env: {
      ...stack.appEnv,
      BASELINE_TASK_QUEUE,
      BASELINE_DATABASE_URL: stack.urls.appUrl,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`baseline worker exited (code ${code})`)));
  });
  return child;
}

benchMain(async (stack) => {
  const { values } = parseArgs({
    options: {
      ...ENGINE_OPTION,
      cases: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '16' },
      warmup: { type: 'string', default: '30' },
      rounds: { type: 'string', default: '3' },
      /** For tuning: run only some of the loads (ours, empty, oneRow). */
      loads: { type: 'string', default: 'ours,empty,oneRow' },
    },
  });
  const count = Number(values.cases);
  const concurrency = Number(values.concurrency);
  const warmup = Number(values.warmup);
  const rounds = Number(values.rounds);
  let baselineWorker: ChildProcess | undefined;
  try {
    baselineWorker = await startBaselineWorker(stack);
    const baselines = new Client({
      connection: stack.temporal.connection,
      namespace: stack.config.TEMPORAL_NAMESPACE,
    });
    const token = await stack.sessions.tokenFor('qx-clerk-1');
    const run = Date.now().toString(36);
    const units = {
      ours: async (i: number) => {
        const answer = await registerOverHttp(stack, token, `bench-${run}-${i}`, registrationBody(i, 'QX'));
        if (answer.status !== 201) throw new Error(`HTTP ${answer.status} ${answer.code ?? ''}`);
      },
      empty: (i: number) =>
        baselines.workflow.execute('emptyWorkflow', {
          taskQueue: BASELINE_TASK_QUEUE,
          workflowId: `bench-empty-${run}-${i}`,
        }),
      oneRow: (i: number) =>
        baselines.workflow.execute('oneRowWorkflow', {
          taskQueue: BASELINE_TASK_QUEUE,
          workflowId: `bench-row-${run}-${i}`,
          args: [`${run}-${i}`],
        }),
    };
    const selected = Object.fromEntries(
      Object.entries(units).filter(([name]) => values.loads!.split(',').includes(name)),
    );
    for (const [name, unit] of Object.entries(selected)) {
      progress(`${name}: warm-up ${warmup}`);
      await runLoad(warmup, concurrency, (i) => unit(count + i));
    }
    progress(`${count} of each with ${concurrency} clients, in ${rounds} interleaved rounds`);
    // Each part's process tree; the bench's own process alone (the stack's processes are its children).
    const meter = () => {
      const own = process.cpuUsage();
      return {
        ...cpuSecondsOfTrees({
          api: stack.pid('api'),
          worker: stack.pid('worker'),
          baselineWorker: baselineWorker?.pid,
          temporal: stack.pid('temporal'),
          postgres: stack.pid('postgres'),
        }),
        benchClient: (own.user + own.system) / 1e6,
      };
    };
    const results = await runInterleaved(selected, count, concurrency, rounds, meter);
    const [{ registered }] = await stack.owner.query(
      `SELECT count(*)::int AS registered FROM case_events WHERE type = 'caseRegistered'`,
    );
    const [{ baselineRows }] = await stack.owner.query(
      `SELECT count(*)::int AS "baselineRows" FROM ${BASELINE_TABLE}`,
    );
    const ours = results.ours;
    const ratio = (baseline?: LoadResult) => (ours && baseline ? round(ours.rate / baseline.rate) : null);
    const summary = {
      bench: 'intake',
      cases: count,
      concurrency,
      machine: machine(),
      settings: stack.settings(),
      ours,
      bareWorkflow: results.empty,
      oneRowWorkflow: results.oneRow,
      oursOverBare: ratio(results.empty),
      oursOverOneRow: ratio(results.oneRow),
      stored: { caseRegisteredEvents: registered, baselineRows },
    };
    const rows = [
      ['ours: POST /api/cases (case row + CaseRegistered in PostgreSQL)', ours, 1],
      ['(a) empty workflow', results.empty, summary.oursOverBare],
      ['(b) workflow + one-row activity', results.oneRow, summary.oursOverOneRow],
    ] as const;
    report(summary, {
      header: ['load', 'per second', 'ours ÷ this', 'p50 ms', 'p99 ms', 'errors'],
      rows: rows
        .filter(([, result]) => result)
        .map(([name, result, ratio]) => [
          name,
          result!.rate,
          String(ratio ?? '–'),
          result!.latencyMs.p50,
          result!.latencyMs.p99,
          result!.errors,
        ]),
    });
  } finally {
    baselineWorker?.kill('SIGTERM');
  }
});

import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DEFAULT_POLICY } from '../libs/domain/src/policy/default-policy';
import { sleep } from './bench/bench-stack';
import { benchMain, ENGINE_OPTION } from './bench/bench-main';
import {
  caseContext,
  type DirectCases,
  directCaseNumber,
  insertSubmissions,
  startDirectCase,
} from './bench/direct-cases';
import { machine, progress, report, round, runLoad, summarize } from './bench/load';

/**
 * `npm run bench:capacity -- [--cases 2000] [--concurrency 16] [--idle 60] [--samples 200] [--engine dev|server]`
 * (`--cases 100000` for the full size). N open cases (national policy, received now: nothing falls
 * due for days) idling on one worker with the `npm start` settings. Reports the worker's resident
 * memory while they idle (highest of samples every 5 s), the API's and the Temporal dev server's,
 * and the API's p50/p99 for a case's detail and for the staff list while they sit there.
 */
const MIB = 2 ** 20;

async function timedGets(
  samples: number,
  url: (i: number) => string,
  token: string,
): Promise<{ p50: number; p99: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i <= samples; i++) {
    const started = process.hrtime.bigint();
    const response = await fetch(url(i), { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url(i)}: HTTP ${response.status}`);
    if (i > 0) times.push(Number(process.hrtime.bigint() - started) / 1e6); // the first warms up
  }
  return summarize(times);
}

benchMain(async (stack) => {
  const { values } = parseArgs({
    options: {
      ...ENGINE_OPTION,
      cases: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '16' },
      idle: { type: 'string', default: '60' },
      samples: { type: 'string', default: '200' },
    },
  });
  const count = Number(values.cases);
  const samples = Number(values.samples);
  const idleWorkerRss = stack.rssBytes('worker') ?? NaN;
  const cases: DirectCases = {
    run: Date.now().toString(36),
    count,
    receivedAt: new Date(),
    policyOf: () => DEFAULT_POLICY,
  };
  await insertSubmissions(stack, cases);
  const context = await caseContext(stack);
  progress(`starting ${count} cases`);
  let peakWhileStarting = 0;
  const sampler = setInterval(
    () => (peakWhileStarting = Math.max(peakWhileStarting, stack.rssBytes('worker') ?? 0)),
    2000,
  );
  const starting = await runLoad(count, Number(values.concurrency), (i) =>
    startDirectCase(stack, cases, context, i),
  );
  clearInterval(sampler);
  progress(`started in ${starting.seconds} s (${starting.rate}/s); idling ${values.idle} s`);
  let idleWorker = 0;
  for (let waited = 0; waited < Number(values.idle); waited += 5) {
    await sleep(5000);
    idleWorker = Math.max(idleWorker, stack.rssBytes('worker') ?? 0);
  }
  const token = await stack.sessions.tokenFor('qx-supervisor-1');
  const detail = await timedGets(
    samples,
    (i) => `${stack.apiUrl}/api/cases/${encodeURIComponent(directCaseNumber(cases.run, (i * 7919) % count))}`,
    token,
  );
  const list = await timedGets(samples, () => `${stack.apiUrl}/api/cases?limit=20`, token);
  const listByStatus = await timedGets(
    samples,
    () => `${stack.apiUrl}/api/cases?limit=20&status=registered`,
    token,
  );
  const [{ open }] = await stack.owner.query(
    `SELECT count(*)::int AS open FROM cases WHERE status = 'registered'`,
  );
  const mib = (bytes: number | undefined) => round((bytes ?? NaN) / MIB, 0);
  const summary = {
    bench: 'capacity',
    cases: count,
    openCases: open,
    machine: machine(),
    settings: stack.settings(),
    starting: { seconds: starting.seconds, rate: starting.rate, errors: starting.errors },
    workerRssMiB: {
      beforeCases: mib(idleWorkerRss),
      peakWhileStarting: mib(peakWhileStarting),
      idleWithCases: mib(idleWorker),
    },
    apiRssMiB: mib(stack.rssBytes('api')),
    temporalDevServerRssMiB: mib(stack.rssBytes('temporal')),
    apiMs: { detail, list, listByStatus },
  };
  report(summary, {
    header: [
      'open cases',
      'worker RSS idle MiB',
      'worker RSS peak MiB',
      'detail p50/p99 ms',
      'list p50/p99 ms',
      'list by status p50/p99 ms',
    ],
    rows: [
      [
        open,
        summary.workerRssMiB.idleWithCases,
        summary.workerRssMiB.peakWhileStarting,
        `${detail.p50} / ${detail.p99}`,
        `${list.p50} / ${list.p99}`,
        `${listByStatus.p50} / ${listByStatus.p99}`,
      ],
    ],
  });
});

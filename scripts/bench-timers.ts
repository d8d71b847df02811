import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { clockDeadline } from '../libs/domain/src/policy/clock-schedule';
import { DEFAULT_POLICY } from '../libs/domain/src/policy/default-policy';
import { overridePolicy } from '../libs/domain/src/policy/override-policy';
import { type Policy } from '../libs/domain/src/policy/policy';
import { type BenchStack, sleep } from './bench/bench-stack';
import { benchMain, ENGINE_OPTION } from './bench/bench-main';
import {
  BENCH_CALENDAR,
  caseContext,
  type DirectCases,
  directCaseNumber,
  insertSubmissions,
  startDirectCase,
} from './bench/direct-cases';
import { machine, progress, report, round, runLoad, summarize } from './bench/load';

/**
 * `npm run bench:timers -- [--cases 1000] [--concurrency 16] [--lead <s>] [--grace 180] [--engine dev|server]`
 * A deadline storm: N open cases whose escalations all fall due within the same minute. Each case was
 * received 16 days ago, so its 15-day triage clock ran out at last midnight (Shanghai); a short test
 * policy (no warnings, one escalation level `after` that deadline) puts case i's escalation at
 * second i mod 60 of the storm minute, which begins `lead` seconds after the start (default: the time
 * to start every case at 80 % of the rate measured on 50 calibration cases, plus 30 s). Measures, per case, the lag from the escalation's due time
 * to its `deadlineEscalated` event being stored (`recorded_at`), and how many escalated.
 */
/** Cases started per second on this machine now: 50 cases with the national policy (they stay open, idle). */
async function calibrationRate(
  stack: BenchStack,
  context: Awaited<ReturnType<typeof caseContext>>,
  concurrency: number,
): Promise<number> {
  const calibration: DirectCases = {
    run: `c${Date.now().toString(36)}`,
    count: 50,
    receivedAt: new Date(),
    policyOf: () => DEFAULT_POLICY,
  };
  await insertSubmissions(stack, calibration);
  const { rate } = await runLoad(calibration.count, concurrency, (i) =>
    startDirectCase(stack, calibration, context, i),
  );
  progress(`calibration: ${rate} cases started per second`);
  return rate;
}

benchMain(async (stack) => {
  const { values } = parseArgs({
    options: {
      ...ENGINE_OPTION,
      cases: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '16' },
      lead: { type: 'string' },
      grace: { type: 'string', default: '180' },
    },
  });
  const count = Number(values.cases);
  const concurrency = Number(values.concurrency);
  const context = await caseContext(stack);
  const leadSeconds = values.lead
    ? Number(values.lead)
    : 30 + Math.ceil(count / (0.8 * (await calibrationRate(stack, context, concurrency))));
  const now = Date.now();
  const receivedAt = new Date(now - 16 * 24 * 3600_000);
  const deadline = Date.parse(
    clockDeadline(DEFAULT_POLICY, 'triage', BENCH_CALENDAR, receivedAt.toISOString()).endsAt,
  );
  const stormStart = Math.ceil((now + leadSeconds * 1000) / 60_000) * 60_000;
  const dueAt = (index: number) => stormStart + (index % 60) * 1000;
  const policies = new Map<number, Policy>();
  const policyFor = (index: number): Policy => {
    const afterSeconds = Math.round((dueAt(index) - deadline) / 1000);
    let policy = policies.get(afterSeconds);
    if (!policy) {
      policy = overridePolicy(DEFAULT_POLICY, {
        version: `bench-storm-${afterSeconds}`,
        clocks: { triage: { warnBefore: [] } },
        escalationLadder: [{ recipient: 'handler', after: `PT${afterSeconds}S` }],
      });
      policies.set(afterSeconds, policy);
    }
    return policy;
  };
  const cases: DirectCases = { run: now.toString(36), count, receivedAt, policyOf: policyFor };
  await insertSubmissions(stack, cases);
  progress(`starting ${count} cases; storm minute begins ${new Date(stormStart).toISOString()}`);
  const starting = await runLoad(count, concurrency, (i) => startDirectCase(stack, cases, context, i));
  const startedBeforeStorm = Date.now() < stormStart;
  progress(`started in ${starting.seconds} s (${starting.rate}/s), before the storm: ${startedBeforeStorm}`);

  const waitUntil = stormStart + 60_000 + Number(values.grace) * 1000;
  let escalated = 0;
  while (Date.now() < waitUntil) {
    [{ escalated }] = await stack.owner.query(
      `SELECT count(*)::int AS escalated FROM case_events WHERE type = 'deadlineEscalated'`,
    );
    if (escalated >= count) break;
    await sleep(2000);
  }
  const rows: { case_number: string; recorded_at: Date }[] = await stack.owner.query(
    `SELECT case_number, recorded_at FROM case_events WHERE type = 'deadlineEscalated'`,
  );
  const indexOf = new Map(Array.from({ length: count }, (_, i) => [directCaseNumber(cases.run, i), i]));
  const lags = rows.map((row) => (row.recorded_at.getTime() - dueAt(indexOf.get(row.case_number)!)) / 1000);
  const lag = summarize(lags);
  const early = lags.filter((value) => value < 0).length;
  const summary = {
    bench: 'timers',
    cases: count,
    machine: machine(),
    settings: stack.settings(),
    stormStart: new Date(stormStart).toISOString(),
    starting: {
      seconds: starting.seconds,
      rate: starting.rate,
      errors: starting.errors,
      startedBeforeStorm,
    },
    escalated: rows.length,
    early,
    lagSeconds: lag,
    workerRssMiB: round((stack.rssBytes('worker') ?? NaN) / 2 ** 20, 0),
  };
  report(summary, {
    header: [
      'open cases due in one minute',
      'escalated',
      'lag p50 s',
      'lag p99 s',
      'lag max s',
      'started before the storm',
    ],
    rows: [[count, rows.length, lag.p50, lag.p99, lag.max, startedBeforeStorm ? 'yes' : 'no']],
  });
});

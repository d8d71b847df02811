import { type TemporalEngine } from '../../libs/temporal/src/server/engine';
import { BenchStack, type BenchStackOptions, sleep } from '../bench/bench-stack';
import { checkDrill, type DrillFindings, waitForPlannedStates } from './drill-checks';
import { type ClientTally, runClients } from './drill-clients';

/**
 * The fault drill: clients register and act on cases over HTTP while a worker is SIGKILLed, Temporal
 * (the dev server or the real server) is restarted or SIGKILLed and PostgreSQL is restarted; then
 * every acknowledged case is checked. Loopback only, on a stack of its own; bounded by `timeLimitMs`,
 * it stops by itself. With `workers: 2`, one of the two is killed while the other keeps polling.
 */
export interface DrillOptions extends BenchStackOptions {
  cases: number;
  clients: number;
  /** SIGKILL the worker every this many ms (a random pick in the range) while clients work … */
  workerKillEveryMs?: [number, number];
  /** … and/or once each time this share of the cases has been acknowledged. */
  workerKillsAtProgress?: number[];
  /** Restart Temporal (SIGTERM, start again) when these shares of the cases are acknowledged … */
  temporalRestartsAtProgress: number[];
  /** … and SIGKILL it (then start it again) at these. */
  temporalKillsAtProgress?: number[];
  postgresRestartsAtProgress: number[];
  /** How long a server stays down when restarted. */
  downMs?: number;
  timeLimitMs: number;
}

export type FaultKind = 'workerKilled' | 'temporalRestarted' | 'temporalKilled' | 'postgresRestarted';

export interface DrillReport extends DrillFindings {
  cases: number;
  clients: number;
  seconds: number;
  engine: TemporalEngine;
  workers: number;
  faults: Record<FaultKind, number>;
  clientRetries: number;
  clientErrors: Record<string, number>;
  passed: boolean;
}

const UNITS = ['QX', 'QX-DH', 'QX-XS', 'QX-CG', 'QX-BH', 'QX-ZJ', 'QX-RS', 'QX-ZR', 'QX-JY'];
const clerkOf = (unitCode: string) => `${unitCode.toLowerCase()}-clerk-1`;

function pick([low, high]: [number, number]): number {
  return low + Math.random() * (high - low);
}

export async function runDrill(options: DrillOptions): Promise<DrillReport> {
  const say = options.say ?? (() => undefined);
  const started = Date.now();
  const until = started + options.timeLimitMs;
  const stack = await BenchStack.start(options);
  const faults: Record<FaultKind, number> = {
    workerKilled: 0,
    temporalRestarted: 0,
    temporalKilled: 0,
    postgresRestarted: 0,
  };
  const tally: ClientTally = { acknowledged: new Map(), retries: 0, errors: new Map(), done: 0 };
  try {
    // Logins first: a session outlives every fault (it is a row in PostgreSQL).
    const clients = [];
    for (let k = 0; k < options.clients; k++) {
      const unitCode = UNITS[k % UNITS.length]!;
      clients.push({ unitCode, token: await stack.sessions.tokenFor(clerkOf(unitCode)) });
    }
    let clientsDone = false;
    const working = runClients(
      stack,
      { run: Date.now().toString(36), cases: options.cases, clients, until },
      tally,
    ).finally(() => (clientsDone = true));
    const progress = () => tally.acknowledged.size / options.cases;
    const pending = [
      ...(options.workerKillsAtProgress ?? []).map((at) => ({ at, kind: 'workerKilled' as const })),
      ...options.temporalRestartsAtProgress.map((at) => ({ at, kind: 'temporalRestarted' as const })),
      ...(options.temporalKillsAtProgress ?? []).map((at) => ({ at, kind: 'temporalKilled' as const })),
      ...options.postgresRestartsAtProgress.map((at) => ({ at, kind: 'postgresRestarted' as const })),
    ].sort((a, b) => a.at - b.at);
    let nextTimedKill = options.workerKillEveryMs ? Date.now() + pick(options.workerKillEveryMs) : Infinity;
    const inject = async (kind: FaultKind) => {
      say(`fault: ${kind} (${tally.acknowledged.size}/${options.cases} acknowledged, ${tally.done} done)`);
      if (kind === 'workerKilled') await stack.killWorker();
      if (kind === 'temporalRestarted') await stack.restartTemporal(options.downMs);
      if (kind === 'temporalKilled') await stack.killTemporal(options.downMs);
      if (kind === 'postgresRestarted') await stack.restartPostgres(options.downMs);
      faults[kind]++;
    };
    while (!clientsDone) {
      if (pending[0] && progress() >= pending[0].at) await inject(pending.shift()!.kind);
      else if (Date.now() >= nextTimedKill) {
        await inject('workerKilled');
        nextTimedKill = Date.now() + pick(options.workerKillEveryMs!);
      } else await sleep(200);
    }
    await working.catch((error) => say(`clients stopped: ${String(error)}`));
    const acknowledged = [...tally.acknowledged.values()];
    say(`clients done: ${acknowledged.length} acknowledged; waiting for planned states`);
    await waitForPlannedStates(stack, acknowledged, Math.max(10_000, until - Date.now()));
    const findings = await checkDrill(stack, acknowledged);
    const passed =
      findings.acknowledged === options.cases &&
      findings.lost === 0 &&
      findings.duplicated === 0 &&
      findings.wrongState === 0 &&
      findings.brokenChains === 0;
    return {
      cases: options.cases,
      clients: options.clients,
      engine: stack.engine,
      workers: options.workers ?? 1,
      seconds: Math.round((Date.now() - started) / 1000),
      faults,
      clientRetries: tally.retries,
      clientErrors: Object.fromEntries(tally.errors),
      ...findings,
      passed,
    };
  } finally {
    await stack.stop();
  }
}

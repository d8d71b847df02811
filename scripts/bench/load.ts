import * as os from 'node:os';

/** Closed-loop load: `concurrency` clients each run units back to back until `count` are done. */
export interface LoadResult {
  count: number;
  concurrency: number;
  seconds: number;
  /** Units completed per second over the whole run. */
  rate: number;
  latencyMs: { p50: number; p99: number; max: number };
  errors: number;
  /** CPU milliseconds per completed unit, by part of the stack (when metered). */
  cpuMsPerUnit?: Record<string, number>;
}

/** Cumulative CPU seconds by part of the stack. */
export type CpuMeter = () => Record<string, number>;

export async function runLoad(
  count: number,
  concurrency: number,
  unit: (index: number) => Promise<void>,
): Promise<LoadResult> {
  const pass = await timedPass(0, count, concurrency, unit);
  return resultOf(count, concurrency, [pass]);
}

interface Pass {
  seconds: number;
  latencies: number[];
  errors: number;
  cpuSeconds?: Record<string, number>;
}

/** Units `from` … `from + count - 1`, by `concurrency` clients. */
async function timedPass(
  from: number,
  count: number,
  concurrency: number,
  unit: (index: number) => Promise<void>,
): Promise<Pass> {
  const latencies: number[] = [];
  let next = from;
  let errors = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < from + count) {
        const index = next++;
        const unitStarted = process.hrtime.bigint();
        try {
          await unit(index);
          latencies.push(Number(process.hrtime.bigint() - unitStarted) / 1e6);
        } catch (error) {
          errors++;
          if (errors <= 5) process.stderr.write(`[bench] unit ${index} failed: ${String(error)}\n`);
        }
      }
    }),
  );
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, latencies, errors };
}

function resultOf(count: number, concurrency: number, passes: Pass[]): LoadResult {
  const seconds = passes.reduce((sum, pass) => sum + pass.seconds, 0);
  const latencies = passes.flatMap((pass) => pass.latencies);
  const cpu: Record<string, number> = {};
  for (const pass of passes)
    for (const [part, used] of Object.entries(pass.cpuSeconds ?? {})) cpu[part] = (cpu[part] ?? 0) + used;
  return {
    count,
    concurrency,
    seconds: round(seconds),
    rate: round(latencies.length / seconds),
    latencyMs: summarize(latencies),
    errors: passes.reduce((sum, pass) => sum + pass.errors, 0),
    ...(passes[0]?.cpuSeconds
      ? {
          cpuMsPerUnit: Object.fromEntries(
            Object.entries(cpu).map(([part, used]) => [part, round((used * 1000) / latencies.length, 1)]),
          ),
        }
      : {}),
  };
}

/**
 * Several loads compared on one machine: `count` units of each, split into `rounds` passes that take
 * turns (the order rotating every round), so a change in the machine's background load during the run
 * falls on every load alike. Rates are units over the summed time of each load's own passes.
 */
export async function runInterleaved(
  loads: Record<string, (index: number) => Promise<void>>,
  count: number,
  concurrency: number,
  rounds: number,
  meter?: CpuMeter,
): Promise<Record<string, LoadResult>> {
  const names = Object.keys(loads);
  const passes = new Map<string, Pass[]>(names.map((name) => [name, []]));
  const perRound = Math.ceil(count / rounds);
  for (let round = 0; round < rounds; round++) {
    const from = round * perRound;
    const size = Math.min(perRound, count - from);
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      const before = meter?.();
      const pass = await timedPass(from, size, concurrency, loads[name]!);
      if (before) {
        const after = meter!();
        pass.cpuSeconds = Object.fromEntries(
          Object.entries(after).map(([part, used]) => [part, used - before[part]!]),
        );
      }
      passes.get(name)!.push(pass);
      process.stderr.write(
        `[bench] round ${round + 1}/${rounds} ${name}: ${round_(size / pass.seconds)}/s\n`,
      );
    }
  }
  return Object.fromEntries(names.map((name) => [name, resultOf(count, concurrency, passes.get(name)!)]));
}

const round_ = (value: number) => round(value);

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(values: readonly number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

export function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${cpus[0]?.model ?? 'unknown CPU'}, load ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join('/')}`;
}

/** One JSON line, then a Markdown table of the rows. */
export function report(
  summary: Record<string, unknown>,
  table: { header: string[]; rows: (string | number)[][] },
): void {
  process.stdout.write(`${JSON.stringify(summary)}\n\n`);
  process.stdout.write(`| ${table.header.join(' | ')} |\n|${table.header.map(() => '---').join('|')}|\n`);
  for (const row of table.rows) process.stdout.write(`| ${row.join(' | ')} |\n`);
}

export function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

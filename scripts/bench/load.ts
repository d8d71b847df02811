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
}

export async function runLoad(
  count: number,
  concurrency: number,
  unit: (index: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
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
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    count,
    concurrency,
    seconds: round(seconds),
    rate: round(latencies.length / seconds),
    latencyMs: summarize(latencies),
    errors,
  };
}

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

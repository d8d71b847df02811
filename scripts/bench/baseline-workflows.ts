import { proxyActivities } from '@temporalio/workflow';

/**
 * The intake bench's baselines, in a bundle and on a task queue of their own (never the product's):
 * what Temporal alone costs, and what "a durable workflow that stores one row" costs.
 */
/** The table baseline (b) writes to, created by the bench. */
export const BASELINE_TABLE = 'bench_baseline_rows';

export interface BaselineActivities {
  insertRow(id: string): Promise<void>;
}

const { insertRow } = proxyActivities<BaselineActivities>({ startToCloseTimeout: '30 seconds' });

/** Baseline (a): a workflow with an empty body. */
export async function emptyWorkflow(): Promise<void> {}

/** Baseline (b): one activity that inserts one row, then done. */
export async function oneRowWorkflow(id: string): Promise<void> {
  await insertRow(id);
}

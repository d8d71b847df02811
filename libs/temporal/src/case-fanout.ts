import { randomUUID } from 'node:crypto';
import { type Client } from '@temporalio/client';
import { type Payload, type SignalDefinition, WorkflowNotFoundError } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

/**
 * Reaching every open case workflow with one Signal (e.g. `calendarUpdated` when next year's holiday
 * table is published).
 *
 * Strategy: Temporal's server-side batch operation (`StartBatchOperation` with a `signalOperation` over
 * a visibility query) is preferred: the server lists and signals the matching workflows itself, survives
 * this process exiting, rate-limits itself (`worker.batcherRPS`, or `maxOperationsPerSecond`), and
 * reports progress through `DescribeBatchOperation`. The local dev server (Temporal CLI 1.9, server 1.32)
 * supports it, with the server's default of ONE running batch per namespace: a second start is refused
 * with RESOURCE_EXHAUSTED, so the start is retried until the running batch ends.
 *
 * The batch signals the run that visibility listed; a case that continued-as-new between the listing and
 * its signal may be counted as a failure by the batch. Whenever the batch reports failures, a catch-up pass
 * lists the open cases again and signals each by workflow ID alone (which always reaches the current run),
 * at most `concurrency` at a time. The same list-and-signal pass is the whole fan-out when the server has
 * no batcher (UNIMPLEMENTED, or batch operations disabled) or when `strategy: 'list'` is asked for.
 *
 * Idempotency is the workflow's: it ignores a calendar version it has already applied, so a repeated
 * fan-out, or the catch-up pass signalling a case twice, changes nothing.
 */

/** Every running petition case. */
export const OPEN_CASES_QUERY = 'WorkflowType = "petitionCase" AND ExecutionStatus = "Running"';

export type FanOutStrategy = 'auto' | 'batch' | 'list';

export interface FanOutProgress {
  /** 'batch' while the server-side batch runs; 'list' during a list-and-signal pass. */
  phase: 'batch' | 'list';
  /** Workflows handled so far in this phase (signalled, failed or gone). */
  done: number;
  /** Workflows the phase expects to handle (visibility count; may grow while listing). */
  total: number;
  failed: number;
}

export interface FanOutOptions {
  /** An extra visibility filter ANDed to the open-cases query, e.g. `TaskQueue = "petition-cases"`. */
  query?: string;
  /** 'auto' (default): batch, falling back to list-and-signal when the server has no batcher. */
  strategy?: FanOutStrategy;
  /** Signals in flight at once in a list-and-signal pass (default 20). */
  concurrency?: number;
  /** Recorded on the batch job. */
  reason?: string;
  /** Server-side rate limit for the batch; the server's own limit applies when absent or lower. */
  maxOperationsPerSecond?: number;
  /** Called whenever the numbers change. */
  onProgress?: (progress: FanOutProgress) => void;
  /** How often the batch job is polled (default 250 ms). */
  pollIntervalMs?: number;
  /** Give up waiting (for a batch slot, or for the batch to finish) after this long (default 10 minutes). */
  timeoutMs?: number;
}

export interface FanOutResult {
  strategy: 'batch' | 'list';
  /** The batch job, when one ran. */
  jobId?: string;
  /** Open workflows the fan-out found. */
  total: number;
  /** Workflows signalled. */
  signalled: number;
  /** Workflows that could not be signalled. */
  failed: number;
  /** Workflows that ended between being listed and being signalled: no longer open, nothing to do. */
  gone: number;
  /** When the batch reported failures and a catch-up pass ran: what the batch itself managed. */
  batch?: { total: number; signalled: number; failed: number };
}

class FanOutTimeoutError extends Error {
  override readonly name = 'FanOutTimeoutError';
}

/** gRPC status codes (google.rpc.Code) the fan-out tells apart. */
const grpcStatus = {
  NOT_FOUND: 5,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  UNIMPLEMENTED: 12,
} as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function grpcCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

function isNotFound(error: unknown): boolean {
  return error instanceof WorkflowNotFoundError || grpcCode(error) === grpcStatus.NOT_FOUND;
}

/** The server has no batcher, or batch operations are switched off for the namespace. */
function batchUnsupported(error: unknown): boolean {
  const code = grpcCode(error);
  return (
    code === grpcStatus.UNIMPLEMENTED ||
    (code === grpcStatus.FAILED_PRECONDITION && /batch/i.test(String((error as Error).message)))
  );
}

function openCasesQuery(filter?: string): string {
  return filter?.trim() ? `${OPEN_CASES_QUERY} AND (${filter.trim()})` : OPEN_CASES_QUERY;
}

/** The signal arguments as the client's data converter would send them (payload codec included). */
async function encodeArgs(client: Client, args: readonly unknown[]): Promise<Payload[]> {
  const converter = client.options.loadedDataConverter;
  let payloads = args.map((arg) => converter.payloadConverter.toPayload(arg));
  for (const codec of converter.payloadCodecs) payloads = await codec.encode(payloads);
  return payloads;
}

/**
 * Signals every open petition case (optionally only those matching `options.query`) and reports
 * progress; resolves when every signal has been delivered or has failed.
 */
export async function signalOpenCases<Args extends unknown[]>(
  client: Client,
  signal: SignalDefinition<Args> | string,
  args: Args,
  options: FanOutOptions = {},
): Promise<FanOutResult> {
  const strategy = options.strategy ?? 'auto';
  const signalName = typeof signal === 'string' ? signal : signal.name;
  const query = openCasesQuery(options.query);
  if (strategy !== 'list') {
    try {
      return await batchFanOut(client, signalName, args, query, options);
    } catch (error) {
      if (strategy === 'batch' || !batchUnsupported(error)) throw error;
    }
  }
  const pass = await listAndSignal(client, signalName, args, query, options);
  return { strategy: 'list', ...pass };
}

async function batchFanOut(
  client: Client,
  signalName: string,
  args: readonly unknown[],
  query: string,
  options: FanOutOptions,
): Promise<FanOutResult> {
  const service = client.workflowService;
  const namespace = client.options.namespace;
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  const pollMs = options.pollIntervalMs ?? 250;
  const jobId = `fanout-${signalName}-${randomUUID()}`;
  const payloads = await encodeArgs(client, args);

  for (let wait = pollMs; ; wait = Math.min(wait * 2, 5_000)) {
    try {
      await service.startBatchOperation({
        namespace,
        jobId,
        visibilityQuery: query,
        reason: options.reason ?? `signal ${signalName} to open cases`,
        maxOperationsPerSecond: options.maxOperationsPerSecond,
        signalOperation: {
          signal: signalName,
          input: { payloads },
          identity: client.options.identity,
        },
      });
      break;
    } catch (error) {
      // One batch at a time per namespace by default: wait for the running one to end.
      if (grpcCode(error) !== grpcStatus.RESOURCE_EXHAUSTED) throw error;
      if (Date.now() + wait > deadline)
        throw new FanOutTimeoutError(`no batch slot free in namespace ${namespace}: ${String(error)}`);
      await sleep(wait);
    }
  }

  const {
    BATCH_OPERATION_STATE_RUNNING: RUNNING,
    BATCH_OPERATION_STATE_UNSPECIFIED: UNSPECIFIED,
    BATCH_OPERATION_STATE_COMPLETED: COMPLETED,
  } = temporal.api.enums.v1.BatchOperationState;
  // Until the job reports its own total, the visibility count stands in for it.
  const estimate = (await client.workflow.count(query)).count;
  let last: FanOutProgress | undefined;
  let state: temporal.api.enums.v1.BatchOperationState = UNSPECIFIED;
  let counts = { total: estimate, complete: 0, failed: 0 };
  while (state === UNSPECIFIED || state === RUNNING) {
    if (Date.now() > deadline) throw new FanOutTimeoutError(`batch ${jobId} still running`);
    try {
      const job = await service.describeBatchOperation({ namespace, jobId });
      state = job.state ?? UNSPECIFIED;
      counts = {
        total: Number(job.totalOperationCount ?? 0) || (state === COMPLETED ? 0 : estimate),
        complete: Number(job.completeOperationCount ?? 0),
        failed: Number(job.failureOperationCount ?? 0),
      };
    } catch (error) {
      if (grpcCode(error) !== grpcStatus.NOT_FOUND) throw error; // not visible yet
    }
    const progress: FanOutProgress = {
      phase: 'batch',
      done: counts.complete + counts.failed,
      total: counts.total,
      failed: counts.failed,
    };
    if (!last || progress.done !== last.done || progress.total !== last.total) options.onProgress?.(progress);
    last = progress;
    if (state === UNSPECIFIED || state === RUNNING) await sleep(pollMs);
  }
  if (state !== COMPLETED) {
    throw new Error(`batch ${jobId} ended in state ${temporal.api.enums.v1.BatchOperationState[state]}`);
  }

  if (counts.failed === 0) {
    return { strategy: 'batch', jobId, total: counts.total, signalled: counts.complete, failed: 0, gone: 0 };
  }
  // Some runs could not be signalled (e.g. continued-as-new meanwhile): a full pass by workflow ID reaches
  // every case still open; its numbers are the result, the batch's own are kept beside them.
  const catchUp = await listAndSignal(client, signalName, args, query, options);
  return {
    strategy: 'batch',
    jobId,
    ...catchUp,
    batch: { total: counts.total, signalled: counts.complete, failed: counts.failed },
  };
}

async function listAndSignal(
  client: Client,
  signalName: string,
  args: readonly unknown[],
  query: string,
  options: FanOutOptions,
): Promise<Omit<FanOutResult, 'strategy' | 'jobId'>> {
  const concurrency = Math.max(1, options.concurrency ?? 20);
  let total = (await client.workflow.count(query)).count;
  let seen = 0;
  let signalled = 0;
  let failed = 0;
  let gone = 0;
  const report = () =>
    options.onProgress?.({ phase: 'list', done: signalled + failed + gone, total, failed });
  report();

  const signalOne = async (workflowId: string): Promise<void> => {
    try {
      // No run ID: the signal reaches the current run, also after continue-as-new.
      await client.workflow.getHandle(workflowId).signal(signalName, ...args);
      signalled++;
    } catch (error) {
      if (isNotFound(error)) gone++;
      else failed++;
    }
    report();
  };

  const inFlight = new Set<Promise<void>>();
  const listed = new Set<string>();
  for await (const execution of client.workflow.list({ query })) {
    if (listed.has(execution.workflowId)) continue; // a run replaced by continue-as-new while paging
    listed.add(execution.workflowId);
    seen++;
    if (seen > total) total = seen;
    const task: Promise<void> = signalOne(execution.workflowId).finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (total !== seen) {
    total = seen; // the count was an estimate; what was listed is what was reached
    report();
  }
  return { total, signalled, failed, gone };
}

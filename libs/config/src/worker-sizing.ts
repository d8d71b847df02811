/**
 * How the worker process is started: its V8 heap is capped (the cap holds for each of its threads; the
 * workflow thread inherits it), so that with a workflow cache of WORKER_MAX_CACHED_WORKFLOWS (250) the
 * worker stays under 1 GiB resident however many cases are open (`npm run bench:capacity`). Without a
 * cap V8 lets the heap grow to a quarter of the machine's memory before it collects hard. Raise both
 * together: each cached case workflow holds about 1–1.5 MiB.
 */
export const WORKER_HEAP_MIB = 448;
export const WORKER_NODE_ARGS: readonly string[] = [`--max-old-space-size=${WORKER_HEAP_MIB}`];

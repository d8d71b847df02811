import { BenchStack } from './bench-stack';
import { progress } from './load';

/** Runs a bench on a stack of its own, stops the stack whatever happens (a signal too), exits 1 with the error on failure. */
export function benchMain(body: (stack: BenchStack) => Promise<void>): void {
  const run = async () => {
    const stack = await BenchStack.start({ say: progress });
    // Ctrl-C or a kill: stop the stack's processes (their own process groups) before leaving.
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
    try {
      await body(stack);
    } finally {
      await stack.stop();
    }
  };
  run().catch((error) => {
    process.stderr.write(
      `[bench] 失败 / failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}

import { engineFromArgs, engineLabel } from '../../libs/temporal/src/server/engine';
import { BenchStack } from './bench-stack';
import { progress } from './load';

/** Every bench accepts `--engine dev|server` (ENGINE_OPTION spread into its own options); benchMain reads it. */
export { ENGINE_OPTION } from '../../libs/temporal/src/server/engine';

/** Runs a bench on a stack of its own, stops the stack whatever happens (a signal too), exits 1 with the error on failure. */
export function benchMain(body: (stack: BenchStack) => Promise<void>): void {
  const run = async () => {
    const engine = engineFromArgs(process.argv.slice(2));
    progress(`engine: ${engineLabel(engine)}`);
    const stack = await BenchStack.start({ say: progress, engine });
    // Ctrl-C or a kill: stop the stack's processes (their own process groups) before leaving.
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
    try {
      await body(stack);
      progress(`figures above are on the ${engineLabel(engine)}`);
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

import { bundleWorkflowCode } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from './data-converter';

/** Webpack's chatter stays out of the output; warnings and errors still show. */
const QUIET_BUNDLE_LOGGER = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => process.stderr.write(`[bundle] ${message}\n`),
  error: (message: string) => process.stderr.write(`[bundle] ${message}\n`),
};

/**
 * Modules evaluated once per workflow thread and shared by every case workflow (the bundler's
 * `preloadModules`), instead of once per workflow: zod and the domain rules, pure code with no
 * per-workflow state (the SDK deep-freezes them, so a module that tried to keep some would fail loudly).
 * Evaluating them per workflow — each new case and each replay of an evicted one — was about a third of
 * the workflow thread's CPU, most of it building the domain's zod schemas.
 */
export const SHARED_WORKFLOW_MODULES: readonly string[] = [require.resolve('zod')];

/** Bundles workflow code with our failure converter, as the worker needs it; answers the bundle's code. */
export async function bundleWithFailureConverter(workflowsPath: string): Promise<string> {
  const bundle = await bundleWorkflowCode({
    workflowsPath,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    preloadModules: [...SHARED_WORKFLOW_MODULES],
    logger: QUIET_BUNDLE_LOGGER,
  });
  return bundle.code;
}

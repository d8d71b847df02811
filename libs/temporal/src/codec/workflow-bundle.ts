import { bundleWorkflowCode } from '@temporalio/worker';
import { TRACING_WORKFLOW_INTERCEPTORS } from '../tracing';
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
 * Bundles workflow code with our failure converter, as the worker needs it; answers the bundle's code.
 * With `tracing`, the OpenTelemetry workflow interceptors go in too (spans of workflow runs and of the
 * activities they schedule; no commands of their own, so histories replay the same).
 */
export async function bundleWithFailureConverter(
  workflowsPath: string,
  options: { tracing?: boolean } = {},
): Promise<string> {
  const bundle = await bundleWorkflowCode({
    workflowsPath,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    workflowInterceptorModules: options.tracing ? [TRACING_WORKFLOW_INTERCEPTORS] : [],
    logger: QUIET_BUNDLE_LOGGER,
  });
  return bundle.code;
}

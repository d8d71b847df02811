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

/** Bundles workflow code with our failure converter, as the worker needs it; answers the bundle's code. */
export async function bundleWithFailureConverter(workflowsPath: string): Promise<string> {
  const bundle = await bundleWorkflowCode({
    workflowsPath,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: QUIET_BUNDLE_LOGGER,
  });
  return bundle.code;
}

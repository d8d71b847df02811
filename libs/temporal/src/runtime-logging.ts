import { DefaultLogger, type LogLevel, Runtime } from '@temporalio/worker';

/** The SDK's own chatter (worker state changes, bundling) sits one level below the application's. */
const LEVELS: Record<string, LogLevel> = {
  error: 'ERROR',
  warn: 'WARN',
  log: 'WARN',
  debug: 'INFO',
  verbose: 'DEBUG',
};
let installed = false;

/** Sets the Temporal SDK's log level once per process (the runtime can be installed only once). */
export function installTemporalRuntime(logLevel: string): void {
  if (installed) return;
  installed = true;
  Runtime.install({ logger: new DefaultLogger(LEVELS[logLevel] ?? 'INFO') });
}

import { DefaultLogger, type LogLevel, Runtime } from '@temporalio/worker';

const LEVELS: Record<string, LogLevel> = {
  error: 'ERROR',
  warn: 'WARN',
  log: 'INFO',
  debug: 'DEBUG',
  verbose: 'TRACE',
};
let installed = false;

/** Sets the Temporal SDK's log level once per process (the runtime can be installed only once). */
export function installTemporalRuntime(logLevel: string): void {
  if (installed) return;
  installed = true;
  Runtime.install({ logger: new DefaultLogger(LEVELS[logLevel] ?? 'INFO') });
}

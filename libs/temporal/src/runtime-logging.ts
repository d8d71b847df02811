import { DefaultLogger, type LogLevel, Runtime } from '@temporalio/worker';
import { CASE_METRICS, ESCALATION_LAG_BUCKETS } from '../../observability/src/metric-names';

/** The SDK's own chatter (worker state changes, bundling) sits one level below the application's. */
const LEVELS: Record<string, LogLevel> = {
  error: 'ERROR',
  warn: 'WARN',
  log: 'WARN',
  debug: 'INFO',
  verbose: 'DEBUG',
};
let installed = false;

/**
 * Sets the Temporal SDK's log level once per process (the runtime can be installed only once), and with
 * `metricsAddress` (host:port) serves its Prometheus metrics there: the SDK's own (temporal_…, durations
 * in milliseconds) and those the case workflow records through its metric meter (case_…).
 */
export function installTemporalRuntime(logLevel: string, options: { metricsAddress?: string } = {}): void {
  if (installed) return;
  installed = true;
  Runtime.install({
    logger: new DefaultLogger(LEVELS[logLevel] ?? 'INFO'),
    telemetryOptions: options.metricsAddress
      ? {
          metrics: {
            prometheus: {
              bindAddress: options.metricsAddress,
              histogramBucketOverrides: { [CASE_METRICS.escalationLag]: ESCALATION_LAG_BUCKETS },
            },
          },
        }
      : undefined,
  });
}

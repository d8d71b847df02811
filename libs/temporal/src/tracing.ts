import { type WorkflowClientInterceptor } from '@temporalio/client';
import { type WorkerOptions } from '@temporalio/worker';
import { tracingEnabled } from '../../observability/src/tracing';

/** The OpenTelemetry workflow interceptors, bundled into the workflow code when tracing is wanted. */
export const TRACING_WORKFLOW_INTERCEPTORS =
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');
/** A name only the bundled OpenTelemetry workflow interceptors carry. */
const TRACING_BUNDLE_MARKER = 'OpenTelemetryInboundInterceptor';

export function bundleIsTraced(code: string): boolean {
  return code.includes(TRACING_BUNDLE_MARKER);
}

/** Client interceptors that start a span per workflow start, update and query (none with tracing off). */
export function tracingClientInterceptors(env: NodeJS.ProcessEnv = process.env): WorkflowClientInterceptor[] {
  if (!tracingEnabled(env)) return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { OpenTelemetryWorkflowClientInterceptor } = require('@temporalio/interceptors-opentelemetry');
  return [new OpenTelemetryWorkflowClientInterceptor()];
}

/**
 * The worker's tracing: with a collector configured, the SDK's OpenTelemetry plugin (client, activity
 * and workflow interceptors; workflow spans leave the sandbox through a sink and go by OTLP). With
 * none, nothing — except a no-op sink when a prebuilt bundle carries the workflow interceptors anyway.
 */
export function workerTracingOptions(
  serviceName: string,
  bundleCode: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Pick<WorkerOptions, 'plugins' | 'sinks'> & { warning?: string } {
  const traced = bundleCode === undefined || bundleIsTraced(bundleCode);
  if (!tracingEnabled(env)) {
    if (bundleCode === undefined || !traced) return {};
    return { sinks: { exporter: { export: { fn: () => undefined, callDuringReplay: false } } } };
  }
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { OpenTelemetryPlugin } = require('@temporalio/interceptors-opentelemetry');
  const { Resource } = require('@opentelemetry/resources');
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const plugin = new OpenTelemetryPlugin({
    resource: new Resource({ 'service.name': env.OTEL_SERVICE_NAME || serviceName }),
    spanProcessor: new BatchSpanProcessor(new OTLPTraceExporter()),
  });
  return {
    plugins: [plugin],
    warning: traced
      ? undefined
      : 'WORKFLOW_BUNDLE_PATH was bundled without tracing (bundle-workflows --tracing): workflow spans are not recorded',
  };
}

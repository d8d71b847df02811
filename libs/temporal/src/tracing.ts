import { type WorkflowClientInterceptor } from '@temporalio/client';
import { type WorkerOptions } from '@temporalio/worker';
import { tracingEnabled } from '../../observability/src/tracing';

/*
 * Tracing through @temporalio/interceptors-opentelemetry on the client and the activities only. Its
 * workflow interceptors stay out of the workflow bundle: with them, a committed history
 * (recusal-reassign, test/fixtures/histories) fails replay with a nondeterminism error (docs/decisions.md),
 * so switching tracing on or off would break running cases.
 */

/* eslint-disable @typescript-eslint/no-require-imports -- loaded only with tracing on */
const interceptorsPackage = () =>
  require('@temporalio/interceptors-opentelemetry') as typeof import('@temporalio/interceptors-opentelemetry');
/* eslint-enable @typescript-eslint/no-require-imports */

/** Client interceptors that start a span per workflow start, update, signal and query (none with tracing off). */
export function tracingClientInterceptors(env: NodeJS.ProcessEnv = process.env): WorkflowClientInterceptor[] {
  if (!tracingEnabled(env)) return [];
  return [new (interceptorsPackage().OpenTelemetryWorkflowClientInterceptor)()];
}

/**
 * The worker's tracing, with a collector configured: a span per activity (with its workflow's ID as an
 * attribute) and per client call the worker makes. With none, nothing.
 */
export function workerTracingInterceptors(
  env: NodeJS.ProcessEnv = process.env,
): Pick<WorkerOptions, 'interceptors'> {
  if (!tracingEnabled(env)) return {};
  const { OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor } =
    interceptorsPackage();
  return {
    interceptors: {
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
  };
}

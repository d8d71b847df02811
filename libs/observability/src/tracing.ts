import { type NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';

import { pathOnly } from './logging';

type Instrumentations = NonNullable<NodeSDKConfiguration['instrumentations']>;
const REDACTED = '[redacted]';

/** Tracing is on only where a collector is configured: without one nothing is loaded or recorded. */
export function tracingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

let sdk: NodeSDK | undefined;

/**
 * Starts the OpenTelemetry SDK for this process (once) when a collector is configured: spans go by
 * OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT, named OTEL_SERVICE_NAME or `serviceName`. Call it before the
 * modules it instruments are loaded (the apps' main files do so first). Metrics and logs are not sent
 * by OTLP: Prometheus scrapes the metrics, and the logs go to stdout.
 */
export function startTracing(
  serviceName: string,
  instrumentations: () => Instrumentations = () => [],
  env: NodeJS.ProcessEnv = process.env,
): NodeSDK | undefined {
  if (sdk || !tracingEnabled(env)) return sdk;
  // Loaded here, not at the top: with tracing off the SDK is never loaded.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeSDK } = require('@opentelemetry/sdk-node');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http');
  /* eslint-enable @typescript-eslint/no-require-imports */
  env.OTEL_SERVICE_NAME ||= serviceName;
  // Traces only, unless asked: Prometheus scrapes the metrics, and the logs go to stdout.
  env.OTEL_METRICS_EXPORTER ||= 'none';
  env.OTEL_LOGS_EXPORTER ||= 'none';
  const started: NodeSDK = new NodeSDK({
    traceExporter: new OTLPTraceExporter(),
    instrumentations: instrumentations(),
  });
  started.start();
  sdk = started;
  return started;
}

/** Spans for every HTTP request served and made, named by the Express route. */
export function httpServerInstrumentations(): Instrumentations {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
  const { ExpressInstrumentation } = require('@opentelemetry/instrumentation-express');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return [
    // Query strings (searches by name or phone) stay out of span attributes: only the path is kept.
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request: { url?: string }) => request.url === '/api/health',
      requestHook: (span: { setAttribute(key: string, value: string): void }, request: { url?: unknown }) => {
        if (typeof request.url !== 'string') return; // an outgoing request
        span.setAttribute('http.target', pathOnly(request.url));
        span.setAttribute('http.url', pathOnly(request.url));
        if (request.url.includes('?')) span.setAttribute('url.query', REDACTED);
      },
    }),
    new ExpressInstrumentation(),
  ];
}

/**
 * Imported first by main.ts: with OTEL_EXPORTER_OTLP_ENDPOINT set, the OpenTelemetry SDK starts before
 * the modules it instruments load; without it, nothing happens.
 */
import { startTracing, httpServerInstrumentations } from '../../../libs/observability/src/tracing';

startTracing('petition-public', httpServerInstrumentations);

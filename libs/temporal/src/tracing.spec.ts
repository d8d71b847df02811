import { tracingEnabled } from '../../observability/src/tracing';
import { tracingClientInterceptors, workerTracingInterceptors } from './tracing';

const ON = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' };

describe('tracing switches', () => {
  it('is on only with an OTLP endpoint', () => {
    expect(tracingEnabled({})).toBe(false);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ' })).toBe(false);
    expect(tracingEnabled(ON)).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' })).toBe(true);
  });

  it('adds no client or worker interceptor when off', () => {
    expect(tracingClientInterceptors({})).toEqual([]);
    expect(workerTracingInterceptors({})).toEqual({});
  });

  it('traces client calls and activities when on, and never the workflow code', () => {
    expect(tracingClientInterceptors(ON)).toHaveLength(1);
    const { interceptors } = workerTracingInterceptors(ON);
    expect(interceptors?.activity).toHaveLength(1);
    expect(interceptors?.workflowModules).toBeUndefined();
  });
});

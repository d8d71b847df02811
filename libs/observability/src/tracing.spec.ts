import { type HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { httpServerInstrumentations, startTracing } from './tracing';

describe('startTracing', () => {
  it('starts nothing without a collector', () => {
    expect(startTracing('petition-test', () => [], {})).toBeUndefined();
  });
});

describe('httpServerInstrumentations', () => {
  it('keeps the query string of a served request out of its span', () => {
    const [http] = httpServerInstrumentations() as [HttpInstrumentation];
    http.disable();
    const attributes: Record<string, string> = {
      'url.query': 'petitionerName=%E5%BC%A0',
      'http.target': '/api/cases?petitionerName=%E5%BC%A0',
    };
    const span = { setAttribute: (key: string, value: string) => (attributes[key] = value) };
    const { requestHook } = http.getConfig();
    requestHook!(span as never, { url: '/api/cases?petitionerName=%E5%BC%A0' } as never);
    expect(attributes).toEqual({
      'url.query': '[redacted]',
      'http.target': '/api/cases',
      'http.url': '/api/cases',
    });
  });

  it('does not trace the health probe', () => {
    const [http] = httpServerInstrumentations() as [HttpInstrumentation];
    http.disable();
    const { ignoreIncomingRequestHook } = http.getConfig();
    expect(ignoreIncomingRequestHook!({ url: '/api/health' } as never)).toBe(true);
    expect(ignoreIncomingRequestHook!({ url: '/api/cases' } as never)).toBe(false);
  });
});

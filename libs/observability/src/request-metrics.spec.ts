import { EventEmitter } from 'node:events';
import { type Request, type Response } from 'express';
import { createRequestMetrics, routeTemplateOf } from './request-metrics';

describe('routeTemplateOf', () => {
  it('answers the route a request matched, under its router’s base', () => {
    expect(routeTemplateOf({ route: { path: '/api/cases/:caseNumber' }, baseUrl: '' } as Request)).toBe(
      '/api/cases/:caseNumber',
    );
    expect(routeTemplateOf({ route: { path: '/:id' }, baseUrl: '/api/admin/users' } as Request)).toBe(
      '/api/admin/users/:id',
    );
  });

  it('answers `unmatched` for static files and 404s, never the raw URL', () => {
    expect(routeTemplateOf({ baseUrl: '' } as Request)).toBe('unmatched');
  });
});

describe('createRequestMetrics', () => {
  function request(method: string, routePath?: string): Request {
    return { method, baseUrl: '', route: routePath ? { path: routePath } : undefined } as Request;
  }

  function respond(metrics: ReturnType<typeof createRequestMetrics>, req: Request, status: number) {
    const response = Object.assign(new EventEmitter(), { statusCode: status }) as unknown as Response;
    metrics.middleware(req, response, () => undefined);
    response.emit('finish');
  }

  it('records each finished request by method, route template and status, in its own registry', async () => {
    const metrics = createRequestMetrics();
    respond(metrics, request('GET', '/api/cases/:caseNumber'), 200);
    respond(metrics, request('GET', '/api/cases/:caseNumber'), 200);
    respond(metrics, request('GET'), 404);
    const page = await metrics.registry.metrics();
    expect(page).toContain(
      'http_requests_total{method="GET",route="/api/cases/:caseNumber",status_code="200"} 2',
    );
    expect(page).toContain('http_requests_total{method="GET",route="unmatched",status_code="404"} 1');
    expect(page).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/cases\/:caseNumber",status_code="200"\} 2/,
    );
    // A second app in the same process starts from zero.
    expect(await createRequestMetrics().registry.metrics()).not.toContain('route="unmatched"');
  });
});

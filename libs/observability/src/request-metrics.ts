import { type NextFunction, type Request, type Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { API_METRICS } from './metric-names';

/** Below the route's own path: what a request matched, never the raw URL (it carries case numbers). */
const UNMATCHED = 'unmatched';

/**
 * The route template a request was routed to (`/api/cases/:caseNumber`), or `unmatched` (static console
 * files, 404s): labels stay few and free of case numbers and personal data.
 */
export function routeTemplateOf(request: Pick<Request, 'route' | 'baseUrl'>): string {
  const routePath: unknown = request.route?.path;
  if (typeof routePath !== 'string') return UNMATCHED;
  return `${request.baseUrl ?? ''}${routePath}` || '/';
}

export interface RequestMetrics {
  registry: Registry;
  /** Express middleware: times every request and records it when the response is finished. */
  middleware(request: Request, response: Response, next: NextFunction): void;
}

/** A registry of its own per app (tests run several apps in one process) with the process's default metrics. */
export function createRequestMetrics(): RequestMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status_code'] as const;
  const duration = new Histogram({
    name: API_METRICS.requestDuration,
    help: '请求耗时（按路由模板） / HTTP request latency by route template',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const requests = new Counter({
    name: API_METRICS.requests,
    help: '请求数（按路由模板与状态） / HTTP requests by route template and status',
    labelNames,
    registers: [registry],
  });
  return {
    registry,
    middleware(request, response, next) {
      const stop = duration.startTimer();
      response.once('finish', () => {
        const labels = {
          method: request.method,
          route: routeTemplateOf(request),
          status_code: String(response.statusCode),
        };
        stop(labels);
        requests.inc(labels);
      });
      next();
    },
  };
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { API_METRICS, CASE_METRICS, TEMPORAL_SDK_METRICS } from '../../libs/observability/src/metric-names';
import { createRequestMetrics } from '../../libs/observability/src/request-metrics';
import { dashboardQueries, familyOf, metricNamesIn } from './dashboard-metrics';

/**
 * The Grafana dashboard reads only metrics the code registers: the API's from its registry, the cases'
 * from the names the workflow records under, the SDK's from the list the worker's scrape is checked
 * against (test/observability.test.ts scrapes the real endpoints).
 */
describe('Grafana dashboard', () => {
  const queries = dashboardQueries();

  it('has a query in every panel, each naming at least one metric', () => {
    expect(queries.length).toBeGreaterThanOrEqual(10);
    expect(queries.filter((query) => metricNamesIn(query.expr).length === 0)).toEqual([]);
  });

  it('names only registered metrics, as the series Prometheus exposes', async () => {
    const { registry } = createRequestMetrics();
    const registered = new Map(
      (await registry.getMetricsAsJSON()).map((metric) => [metric.name, String(metric.type)]),
    );
    // Our own names go through the constants; the API's are also in its live registry.
    for (const name of Object.values(API_METRICS)) expect(registered.has(name)).toBe(true);
    const workflowCode = fs.readFileSync(path.join(__dirname, '../../workflows/case-metrics.ts'), 'utf8');
    expect(workflowCode).toContain('CASE_METRICS.escalationLag');
    expect(workflowCode).toContain('CASE_METRICS.inboxDeliveries');

    const known = new Set([
      ...registered.keys(),
      ...Object.values(CASE_METRICS),
      ...Object.values(TEMPORAL_SDK_METRICS),
    ]);
    const histograms = new Set([
      ...[...registered].filter(([, type]) => type === 'histogram').map(([name]) => name),
      CASE_METRICS.escalationLag,
      ...Object.values(TEMPORAL_SDK_METRICS).filter((name) => name.endsWith('_latency')),
    ]);
    const unknown = queries.flatMap(({ panel, expr }) =>
      metricNamesIn(expr)
        .filter((name) => {
          const family = familyOf(name);
          return !(known.has(name) || (family !== name && histograms.has(family)));
        })
        .map((name) => `${panel}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('reads latency histograms through their buckets', () => {
    const latencies = queries.filter(({ expr }) => expr.includes('histogram_quantile'));
    expect(latencies.length).toBeGreaterThan(0);
    for (const { expr } of latencies) expect(expr).toMatch(/_bucket\{/);
  });
});

import getPort from 'get-port';
import { MetricsEndpoint } from '../apps/api/src/http/request-metrics.module';
import { dashboardQueries, familyOf, metricNamesIn } from '../deploy/grafana/dashboard-metrics';
import { CASE_METRICS } from '../libs/observability/src/metric-names';
import { captureOutput } from './support/captured-output';
import { getJson, postJson } from './support/http';
import { startPublicApp, startTestStack, type TestStack, uniqueId } from './support/stack';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';

/** A name and phone that must never reach a log line or a metric label. */
const NAME = '欧阳观测';
const PHONE = '13955554444';

/** The series of one metric in a Prometheus text page, as label sets. */
function seriesOf(page: string, metric: string): Record<string, string>[] {
  return page
    .split('\n')
    .filter((line) => line.startsWith(`${metric}{`))
    .map((line) => {
      const labels = line.slice(line.indexOf('{') + 1, line.lastIndexOf('}'));
      return Object.fromEntries(
        [...labels.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((match) => [match[1], match[2]]),
      );
    });
}

async function scrape(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
}

/** Scrapes until `found` holds (the worker's exporter sees workflow metrics a moment after the task). */
async function scrapeUntil(url: string, found: (page: string) => boolean): Promise<string> {
  let page = '';
  for (let waited = 0; waited < 20_000; waited += 250) {
    page = await scrape(url);
    if (found(page)) return page;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return page;
}

/**
 * Metrics, JSON logs and security headers of the real apps: the API and the worker in this process on
 * the shared servers, with their metrics ports on and every log line captured.
 */
describe('observability: metrics, logs and headers', () => {
  let stack: TestStack;
  let apiMetricsUrl: string;
  let workerMetricsUrl: string;
  let district: string;
  let clerk: SignedIn;
  let captured: ReturnType<typeof captureOutput>;

  beforeAll(async () => {
    const [apiPort, workerPort] = [await getPort(), await getPort()];
    process.env.METRICS_PORT = String(apiPort);
    process.env.WORKER_METRICS_PORT = String(workerPort);
    workerMetricsUrl = `http://127.0.0.1:${workerPort}/metrics`;
    captured = captureOutput();
    stack = await startTestStack(['error', 'warn', 'log']);
    apiMetricsUrl = stack.api.app.get(MetricsEndpoint).url!;
    district = `O${uniqueId(6)}`;
    await stack.db.query(
      `INSERT INTO units (code, name, level, parent_code) VALUES ($1, '观测区', 'district', NULL)`,
      [district],
    );
    // In post before the first case starts: repeat visits are delivered to the unit's leader.
    clerk = await signIn(stack, district, ['clerk'], '登记员');
    await signIn(stack, district, ['unitLeader'], '区负责人');
  }, 120_000);

  afterAll(async () => {
    captured.restore();
    await stack?.close();
  });

  const petition = () => ({
    channel: 'visit',
    petitioner: { name: NAME, phone: PHONE },
    category: 'grievance',
    subject: '小区路灯损坏',
    content: '小区路灯长期损坏无人维修，夜间出行不便，请求协调修复。',
    unitCode: district,
  });

  /** The JSON log lines written so far. */
  const logLines = (): Record<string, any>[] =>
    captured
      .text()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));

  let caseNumber: string;

  it('registers a case and its repeat visits (the scenario the checks below look at)', async () => {
    const first = await postJson(`${stack.api.url}/cases`, petition(), bearer(clerk));
    expect(first.status).toBe(201);
    caseNumber = first.body.caseNumber;
    for (const visits of [1, 2]) {
      const again = await postJson(`${stack.api.url}/cases`, petition(), bearer(clerk));
      expect(again.body).toMatchObject({ caseNumber, repeatVisits: visits });
    }
    const read = await getJson(`${stack.api.url}/cases/${caseNumber}`, bearer(clerk));
    expect(read.status).toBe(200);
    const search = await getJson(
      `${stack.api.url}/cases?${new URLSearchParams({ unit: district, petitionerName: NAME, petitionerPhone: PHONE })}`,
      bearer(clerk),
    );
    expect(search.status).toBe(200);
  });

  it('counts API requests by route template, method and status, never by raw URL', async () => {
    const page = await scrape(apiMetricsUrl);
    const durations = seriesOf(page, 'http_request_duration_seconds_bucket');
    expect(durations).toContainEqual(
      expect.objectContaining({ method: 'GET', route: '/api/cases/:caseNumber', status_code: '200' }),
    );
    expect(durations).toContainEqual(
      expect.objectContaining({ method: 'POST', route: '/api/cases', status_code: '201' }),
    );
    const posts = seriesOf(page, 'http_requests_total').filter(
      (labels) => labels.route === '/api/cases' && labels.method === 'POST',
    );
    expect(posts.map((labels) => labels.status_code).sort()).toEqual(['200', '201']);
    expect(page).toMatch(/^http_requests_total\{[^}]*route="\/api\/cases"[^}]*status_code="200"[^}]*\} 2$/m);
    expect(page).toMatch(/^process_cpu_seconds_total /m);
    for (const secret of [caseNumber, NAME, PHONE, encodeURIComponent(NAME)])
      expect(page).not.toContain(secret);
  });

  it('serves the Temporal SDK’s worker metrics and the cases’ inbox deliveries on the worker’s port', async () => {
    const page = await scrapeUntil(workerMetricsUrl, (text) =>
      seriesOf(text, 'case_inbox_deliveries').some((labels) => labels.kind === 'repeatVisit'),
    );
    const deliveries = seriesOf(page, 'case_inbox_deliveries');
    expect(deliveries).toContainEqual(
      expect.objectContaining({ kind: 'repeatVisit', workflowType: 'petitionCase' }),
    );
    expect(seriesOf(page, 'temporal_workflow_task_execution_latency_bucket').length).toBeGreaterThan(0);
    expect(seriesOf(page, 'temporal_activity_execution_latency_bucket')).toContainEqual(
      expect.objectContaining({ activity_type: 'recordCaseEvent' }),
    );
    for (const secret of [caseNumber, NAME, PHONE]) expect(page).not.toContain(secret);
  });

  it('exposes every metric the Grafana dashboard reads (the escalation lag: test/case-clocks.test.ts)', async () => {
    const pages = (await scrape(apiMetricsUrl)) + (await scrape(workerMetricsUrl));
    const exposed = new Set([...pages.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1]));
    const read = new Set(dashboardQueries().flatMap(({ expr }) => metricNamesIn(expr).map(familyOf)));
    read.delete(CASE_METRICS.escalationLag);
    expect([...read].filter((name) => !exposed.has(name))).toEqual([]);
    // The labels the dashboard groups by.
    expect(seriesOf(pages, 'temporal_workflow_task_execution_latency_bucket')).toContainEqual(
      expect.objectContaining({ workflow_type: 'petitionCase' }),
    );
    expect(seriesOf(pages, 'temporal_worker_task_slots_used')).toContainEqual(
      expect.objectContaining({ worker_type: 'WorkflowWorker' }),
    );
  });

  it('logs each request as one JSON line with the caller’s request id, and answers it', async () => {
    const requestId = `obs-${uniqueId()}`;
    const response = await fetch(`${stack.api.url}/cases/${caseNumber}`, {
      headers: { ...bearer(clerk), 'x-request-id': requestId },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const made = await fetch(`${stack.api.url}/health`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await fetch(`${stack.api.url}/health`, {
      headers: { 'x-request-id': 'bad id <forged>' },
    });
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    let line: Record<string, any> | undefined;
    for (let waited = 0; !line && waited < 5000; waited += 100) {
      line = logLines().find((entry) => entry.req?.id === requestId);
      if (!line) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(line).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { id: requestId, method: 'GET', path: `/api/cases/${caseNumber}` },
      res: { statusCode: 200 },
    });
    expect(typeof line!.responseTime).toBe('number');
    expect(JSON.stringify(line)).not.toMatch(/authorization|bearer/i);
  });

  it('never writes the petitioner’s name or phone, tokens or search queries to the logs', () => {
    expect(logLines().length).toBeGreaterThan(5);
    const searches = logLines().filter(
      (entry) => entry.req?.path === '/api/cases' && entry.req.method === 'GET',
    );
    expect(searches.length).toBeGreaterThan(0);
    for (const secret of [NAME, PHONE, encodeURIComponent(NAME), clerk.token])
      expect(captured.text()).not.toContain(secret);
  });

  it('sends the security headers on the console’s pages and on the API', async () => {
    const origin = stack.api.url.replace(/\/api$/, '');
    for (const url of [
      `${origin}/`,
      `${origin}/cases/ANY`,
      `${stack.api.url}/health`,
      `${stack.api.url}/nowhere`,
    ]) {
      const response = await fetch(url, { headers: { accept: 'text/html' } });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect({ url, csp }).toEqual({ url, csp: expect.stringContaining("frame-ancestors 'none'") });
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('sends them on the public progress page too, with nothing allowed by default', async () => {
    const publicApp = await startPublicApp();
    try {
      for (const url of [`${publicApp.url}/`, `${publicApp.url}/public/health`]) {
        const response = await fetch(url);
        expect(response.status).toBe(200);
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toMatch(/script-src[^;]*unsafe/);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        expect(response.headers.get('cache-control')).toBe('no-store');
      }
    } finally {
      await publicApp.app.close();
    }
  });
});

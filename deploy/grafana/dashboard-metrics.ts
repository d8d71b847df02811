import * as fs from 'node:fs';
import * as path from 'node:path';

export const DASHBOARD_FILE = path.join(__dirname, 'petition-engine.dashboard.json');

interface Panel {
  title?: string;
  targets?: { expr?: string }[];
  panels?: Panel[];
}

/** Every PromQL query of the dashboard, with its panel's title. */
export function dashboardQueries(file = DASHBOARD_FILE): { panel: string; expr: string }[] {
  const dashboard = JSON.parse(fs.readFileSync(file, 'utf8')) as { panels: Panel[] };
  const walk = (panels: Panel[]): { panel: string; expr: string }[] =>
    panels.flatMap((panel) => [
      ...(panel.targets ?? []).map((target) => ({ panel: panel.title ?? '', expr: target.expr ?? '' })),
      ...walk(panel.panels ?? []),
    ]);
  return walk(dashboard.panels);
}

/** Our metric families all start so; PromQL functions, labels and keywords never do. */
const METRIC_NAME = /\b(?:http|case|temporal|process)_[a-z0-9_]+/g;
const HISTOGRAM_SERIES = /_(?:bucket|sum|count)$/;

/** The metric names a query reads, histogram series (`_bucket`, `_sum`, `_count`) by their family's name. */
export function metricNamesIn(expr: string): string[] {
  return [...new Set([...expr.matchAll(METRIC_NAME)].map((match) => match[0]))];
}

/** A series name as Prometheus exposes it, answered as its family (`x_bucket` → `x`). */
export function familyOf(series: string): string {
  return series.replace(HISTOGRAM_SERIES, '');
}

import { ConnectorError } from '../errors';
import type { MetricPoint } from '../../model/metric';
import type { Ga4Report } from './schemas';
import { toMinorUnits } from '../kit/money';

/** One report row with its positional strings zipped to the header names and typed. */
export interface Ga4Row {
  dimensions: Record<string, string>;
  metrics: Record<string, number>;
}

const DECIMAL = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * Zips headers with the positional string values. A row whose value count does not match the
 * headers, or a metric value that is not a number, is a schema error naming the path: reading
 * it anyway would put numbers under the wrong names.
 */
export function reportRows(report: Ga4Report, object = 'report'): Ga4Row[] {
  const dimensionNames = (report.dimensionHeaders ?? []).map((h) => h.name);
  const metricHeaders = report.metricHeaders ?? [];
  const fail = (path: string, reason: string) => new ConnectorError('schema', `Google Analytics sent a ${object} we could not read: ${path}: ${reason}`, { path, object });
  return (report.rows ?? []).map((row, i) => {
    const dimensionValues = row.dimensionValues ?? [];
    const metricValues = row.metricValues ?? [];
    if (dimensionValues.length !== dimensionNames.length) throw fail(`rows.${i}.dimensionValues`, `${dimensionValues.length} values for ${dimensionNames.length} dimension headers`);
    if (metricValues.length !== metricHeaders.length) throw fail(`rows.${i}.metricValues`, `${metricValues.length} values for ${metricHeaders.length} metric headers`);
    const dimensions = Object.fromEntries(dimensionNames.map((name, j) => [name, dimensionValues[j]!.value ?? '']));
    const metrics = Object.fromEntries(
      metricHeaders.map((header, j) => {
        const text = metricValues[j]!.value ?? '';
        if (!DECIMAL.test(text)) throw fail(`rows.${i}.metricValues.${j}.value`, `“${text}” is not a number`);
        const number = Number(text);
        return [header.name, header.type === 'TYPE_INTEGER' ? Math.round(number) : number];
      }),
    );
    return { dimensions, metrics };
  });
}

/** Major units -> minor units with the currency's own decimals (JPY 0, USD 2, KWD 3). */
export const minorUnits = toMinorUnits;

export interface Ga4MetricContext {
  account: string;
  at: number;
  /** Property currency (report metadata, else the connection's). */
  currency: string;
  /** 'keyEvents', or 'conversions' on properties/API versions that do not know key events. */
  keyEventMetric: 'keyEvents' | 'conversions';
}

/** The summary metrics we request, in order. */
export const summaryMetrics = (keyEventMetric: string) => ['activeUsers', 'newUsers', 'sessions', keyEventMetric, 'totalRevenue', 'engagementRate'];

/**
 * Metric points from the summary report (rows per `dateRange` named '7d' / '28d'). A range with
 * no data has no row in GA4's answer; it reads as zero.
 */
export function summaryPoints(report: Ga4Report, ctx: Ga4MetricContext, ranges: string[]): MetricPoint[] {
  const rows = reportRows(report, 'summary report');
  // One date range: GA4 adds no dateRange column. Several: each row names its range.
  const single = ranges.length === 1 && !(report.dimensionHeaders ?? []).some((h) => h.name === 'dateRange');
  const points: MetricPoint[] = [];
  for (const range of ranges) {
    const row = rows.find((r) => single || r.dimensions.dateRange === range);
    const m = (name: string) => row?.metrics[name] ?? 0;
    const days = range.replace(/d$/, ' days');
    const point = (metric: string, label: string, value: number, unit: string) => points.push({ metric: `${metric}-${range}`, label: `${label} (${days})`, value, unit, at: ctx.at, connector: 'ga4', account: ctx.account });
    point('active-users', 'GA4 active users', m('activeUsers'), 'users');
    point('new-users', 'GA4 new users', m('newUsers'), 'users');
    point('sessions', 'GA4 sessions', m('sessions'), 'sessions');
    point('key-events', ctx.keyEventMetric === 'keyEvents' ? 'GA4 key events' : 'GA4 conversions', m(ctx.keyEventMetric), ctx.keyEventMetric === 'keyEvents' ? 'key events' : 'conversions');
    point('revenue', 'GA4 total revenue', minorUnits(m('totalRevenue'), ctx.currency), ctx.currency);
    // engagementRate is a 0..1 fraction; points in '%' carry 0..100 with one decimal.
    point('engagement-rate', 'GA4 engagement rate', Math.round(m('engagementRate') * 1000) / 10, '%');
  }
  return points;
}

/** Sessions by default channel group (Organic Search, Direct...), one point per channel. */
export function channelPoints(report: Ga4Report, ctx: Ga4MetricContext): MetricPoint[] {
  return reportRows(report, 'channel report').map((row) => ({
    metric: 'sessions-by-channel-7d',
    label: 'GA4 sessions by channel (7 days)',
    value: row.metrics.sessions ?? 0,
    unit: 'sessions',
    at: ctx.at,
    connector: 'ga4' as const,
    account: ctx.account,
    dimension: row.dimensions.sessionDefaultChannelGroup || '(not set)',
  }));
}

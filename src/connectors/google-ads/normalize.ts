import type { MetricPoint } from '../../model/metric';
import { rescaleMinorUnits, toMinorUnits } from '../kit/money';
import type { GoogleAdsRow, GoogleAdsStream } from './schemas';
import { rangeLabel } from '../kit/weeks';

/** Every row of every batch of a searchStream answer, in order. */
export function streamRows(stream: GoogleAdsStream): GoogleAdsRow[] {
  return stream.flatMap((batch) => batch.results ?? []);
}

/** An int64 (string) or double (number) as a number; Google leaves zeros out, so absent is 0. */
const num = (value: string | number | undefined) => (value === undefined ? 0 : Number(value));

/** Micros (millionths of the account currency) as ISO minor units: 1,061,083,620 micros of EUR is 106108 cents, of JPY 1061 yen. */
export const microsToMinor = (micros: string | number | undefined, currency: string) => rescaleMinorUnits(num(micros), 6, currency);

/** The six numbers of one account or campaign over a range, money in minor units of `currency`. */
export interface AdsTotals {
  cost: number;
  clicks: number;
  impressions: number;
  conversions: number;
  conversionValue: number;
}

/** Sums rows (one per day or one per range; both read the same) into totals. */
export function totalsOf(rows: GoogleAdsRow[], currency: string): AdsTotals {
  let costMicros = 0;
  const sum: AdsTotals = { cost: 0, clicks: 0, impressions: 0, conversions: 0, conversionValue: 0 };
  let value = 0;
  for (const row of rows) {
    const m = row.metrics ?? {};
    costMicros += num(m.costMicros);
    sum.clicks += num(m.clicks);
    sum.impressions += num(m.impressions);
    sum.conversions += num(m.conversions);
    value += num(m.conversionsValue);
  }
  sum.cost = microsToMinor(costMicros, currency);
  // Conversions are fractional under data-driven attribution: two decimals, as Google Ads shows them.
  sum.conversions = Math.round(sum.conversions * 100) / 100;
  // conversions_value is a plain double in the account currency (not micros).
  sum.conversionValue = toMinorUnits(value, currency);
  return sum;
}

export interface AdsMetricContext {
  /** The customer id the connection is for. */
  account: string;
  at: number;
  currency: string;
}

/**
 * Points for one set of totals: `range` is '7d', '30d' or 'prev7d' (the 7 days before the last 7); `campaign`, when given, makes them the
 * per-campaign breakdown (`campaign-<metric>-<range>` with the campaign as dimension). Cost per
 * conversion is cost over conversions, as Google computes it; with no conversion there is none.
 */
export function totalsPoints(totals: AdsTotals, range: string, ctx: AdsMetricContext, campaign?: string): MetricPoint[] {
  const days = rangeLabel(range);
  const prefix = campaign === undefined ? '' : 'campaign-';
  const by = campaign === undefined ? '' : ' by campaign';
  const point = (metric: string, label: string, value: number, unit: string): MetricPoint => ({
    metric: `${prefix}${metric}-${range}`,
    label: `Google Ads ${label}${by} (${days})`,
    value,
    unit,
    at: ctx.at,
    connector: 'google-ads',
    account: ctx.account,
    ...(campaign === undefined ? {} : { dimension: campaign }),
  });
  const points = [
    point('cost', 'cost', totals.cost, ctx.currency),
    point('clicks', 'clicks', totals.clicks, 'clicks'),
    point('impressions', 'impressions', totals.impressions, 'impressions'),
    point('conversions', 'conversions', totals.conversions, 'conversions'),
    point('conversion-value', 'conversion value', totals.conversionValue, ctx.currency),
  ];
  if (totals.conversions > 0) points.push(point('cost-per-conversion', 'cost per conversion', Math.round(totals.cost / totals.conversions), ctx.currency));
  return points;
}

/**
 * Per-campaign points from rows of `FROM campaign`: rows are grouped by campaign id (a query
 * segmented by date has one row per day), and named by the campaign's name, with its id added
 * where two campaigns share a name so their numbers never merge.
 */
export function campaignPoints(rows: GoogleAdsRow[], range: string, ctx: AdsMetricContext): MetricPoint[] {
  const groups = new Map<string, { name: string; rows: GoogleAdsRow[] }>();
  for (const row of rows) {
    const id = String(row.campaign?.id ?? row.campaign?.resourceName ?? '');
    const group = groups.get(id) ?? { name: row.campaign?.name || `Campaign ${id}`, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  const names = [...groups.values()].map((g) => g.name);
  return [...groups].flatMap(([id, group]) => {
    const name = names.filter((n) => n === group.name).length > 1 ? `${group.name} (${id})` : group.name;
    return totalsPoints(totalsOf(group.rows, ctx.currency), range, ctx, name);
  });
}

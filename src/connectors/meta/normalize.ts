import { ConnectorError } from '../errors';
import type { MetricPoint } from '../../model/metric';
import { toMinorUnits } from '../kit/money';
import type { MetaActionStat, MetaInsights, MetaInsightsRow } from './schemas';
import { rangeLabel } from '../kit/weeks';

const DECIMAL = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** A Meta metric string as a number; absent is 0, anything else that is not a number is a schema error naming the field. */
export function metaNumber(text: string | undefined, path: string): number {
  if (text === undefined || text === '') return 0;
  if (!DECIMAL.test(text)) throw new ConnectorError('schema', `Meta sent insights we could not read: ${path}: “${text}” is not a number`, { path, object: 'insights' });
  return Number(text);
}

/**
 * Meta reports one conversion under several overlapping action types (omni_purchase counts the
 * pixel, app and offline purchases that `purchase` and offsite_conversion.fb_pixel_purchase also
 * count): take the first present, never the sum.
 */
export const PURCHASE_TYPES = ['omni_purchase', 'purchase', 'offsite_conversion.fb_pixel_purchase'];
export const LEAD_TYPES = ['lead', 'onsite_conversion.lead_grouped', 'offsite_conversion.fb_pixel_lead'];

function firstOf(stats: MetaActionStat[] | undefined, types: string[], path: string): number {
  for (const type of types) {
    const i = (stats ?? []).findIndex((s) => s.action_type === type);
    if (i >= 0) return metaNumber(stats![i]!.value, `${path}.${i}.value`);
  }
  return 0;
}

export interface MetaMetricContext {
  account: string;
  at: number;
  /** The ad account's currency: spend and values are decimals in it. */
  currency: string;
}

/**
 * Points for one range ('7d', '30d', 'prev7d': the 7 days before the last 7) from account-level insights. An account that did not
 * deliver in the range gets `data: []` from Meta: every number reads as zero.
 */
export function insightsPoints(insights: MetaInsights, range: string, ctx: MetaMetricContext): MetricPoint[] {
  if (insights.data.length > 1) throw new ConnectorError('schema', `Meta sent ${insights.data.length} rows of account-level insights for ${range}; expected one.`, { path: 'data', object: 'insights' });
  const row: MetaInsightsRow = insights.data[0] ?? { };
  const currency = (row.account_currency ?? ctx.currency).toUpperCase();
  const days = rangeLabel(range);
  const points: MetricPoint[] = [];
  const point = (metric: string, label: string, value: number, unit: string, dimension?: string) =>
    points.push({ metric: `${metric}-${range}`, label: `Meta ${label} (${days})`, value, unit, at: ctx.at, connector: 'meta', account: ctx.account, ...(dimension === undefined ? {} : { dimension }) });
  const money = (text: string | undefined, path: string) => toMinorUnits(metaNumber(text, path), currency);

  point('spend', 'spend', money(row.spend, 'data.0.spend'), currency);
  point('impressions', 'impressions', Math.round(metaNumber(row.impressions, 'data.0.impressions')), 'impressions');
  point('clicks', 'clicks', Math.round(metaNumber(row.clicks, 'data.0.clicks')), 'clicks');
  // Meta's ctr is already a percentage (4.864865 means 4.86%); two decimals keep small CTRs apart.
  point('ctr', 'CTR', Math.round(metaNumber(row.ctr, 'data.0.ctr') * 100) / 100, '%');
  point('cpc', 'cost per click', money(row.cpc, 'data.0.cpc'), currency);
  point('purchases', 'purchases', firstOf(row.actions, PURCHASE_TYPES, 'data.0.actions'), 'purchases');
  point('purchase-value', 'purchase value', toMinorUnits(firstOf(row.action_values, PURCHASE_TYPES, 'data.0.action_values'), currency), currency);
  point('leads', 'leads', firstOf(row.actions, LEAD_TYPES, 'data.0.actions'), 'leads');
  // Every action type the account tracks, as Meta names it, with its value where Meta has one.
  (row.actions ?? []).forEach((s, i) => point('actions', 'actions by type', metaNumber(s.value, `data.0.actions.${i}.value`), 'actions', s.action_type));
  (row.action_values ?? []).forEach((s, i) => point('action-values', 'action values by type', toMinorUnits(metaNumber(s.value, `data.0.action_values.${i}.value`), currency), currency, s.action_type));
  return points;
}

import { formatMoney } from '../../shared/format';

const CURRENCY = /^[A-Z]{3}$/;

/** A metric value in its unit: money from minor units, percentages, points, counts. */
export function formatMetricValue(value: number, unit: string): string {
  if (CURRENCY.test(unit)) return formatMoney({ amountMinor: Math.round(value), currency: unit }) ?? String(value);
  if (unit === '%') return `${value.toLocaleString(undefined, { maximumFractionDigits: 2 })}%`;
  if (unit === 'pts') return `${value.toLocaleString(undefined, { maximumFractionDigits: 2 })} pts`;
  return value.toLocaleString(undefined, { maximumFractionDigits: 2 });
}

/** "+12 (+3.4%)" against an earlier value; undefined when there is nothing to compare. */
export function formatDelta(latest: number, earlier: number | undefined, unit: string): { text: string; direction: 'up' | 'down' | 'flat' } | undefined {
  if (earlier === undefined) return undefined;
  const diff = latest - earlier;
  const direction = diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat';
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const magnitude = formatMetricValue(Math.abs(diff), unit === '%' ? 'pts' : unit);
  const relative = earlier !== 0 && unit !== '%' ? ` (${sign}${Math.abs((diff / earlier) * 100).toFixed(1)}%)` : '';
  return { text: `${sign}${magnitude}${relative}`, direction };
}

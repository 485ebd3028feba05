import type { MetricPointRow } from '../store/schema';
import type { MetricSummary } from '../store/metrics';
import { toCsv } from './csv';
import { fromMinorUnits } from '../connectors/kit/money';

/** Which metrics of an ads tool are its spend and its conversions (its vendor meta's `adMetrics`). */
export type AdMetricIds = { spend: string; conversions: string };

export type Measure = 'spend' | 'conversions' | 'cost-per-conversion';

export interface ComparedMeasure {
  measure: Measure;
  /** An ISO currency (values in minor units) or `conversions`. */
  unit: string;
  last?: number;
  previous?: number;
}

/** One ads account: the last 7 days against the 7 before, from one capture. */
export interface WeekComparison {
  connector: string;
  account: string;
  capturedAt: number;
  measures: ComparedMeasure[];
}

const MEASURE_WORDS: Record<Measure, string> = { spend: 'Spend', conversions: 'Conversions', 'cost-per-conversion': 'Cost per conversion' };
export const measureLabel = (measure: Measure) => MEASURE_WORDS[measure];

/** The week before's point from the same capture as the last week's, so both halves were read together. */
function pair(last: MetricSummary | undefined, previous: MetricSummary | undefined): [MetricPointRow | undefined, MetricPointRow | undefined] {
  const latest = last?.latest;
  if (!latest) return [undefined, undefined];
  return [latest, previous?.points.find((p) => p.snapshotId === latest.snapshotId) ?? previous?.latest];
}

/** Cost per conversion in minor units, as the ads tools compute it; none without a conversion. */
const perConversion = (spend: number | undefined, conversions: number | undefined) => (spend !== undefined && conversions ? Math.round(spend / conversions) : undefined);

/**
 * Every connected ads account with a captured last week: spend, conversions and cost per
 * conversion for the last 7 days and the 7 before. `adTools` maps a tool to its metric ids.
 */
export function weekComparisons(summaries: MetricSummary[], adTools: ReadonlyMap<string, AdMetricIds>): WeekComparison[] {
  const byId = new Map(summaries.map((s) => [s.definition.id, s]));
  const accounts = new Map<string, { connector: string; account: string }>();
  for (const { definition } of summaries) {
    if (definition.source === 'connector' && definition.connector && adTools.has(definition.connector)) {
      accounts.set(`${definition.connector}:${definition.account ?? ''}`, { connector: definition.connector, account: definition.account ?? '' });
    }
  }
  const rows: WeekComparison[] = [];
  for (const [prefix, { connector, account }] of accounts) {
    const ids = adTools.get(connector)!;
    const metric = (id: string, range: string) => byId.get(`${prefix}:${id}-${range}`);
    const [spendLast, spendPrevious] = pair(metric(ids.spend, '7d'), metric(ids.spend, 'prev7d'));
    const [convLast, convPrevious] = pair(metric(ids.conversions, '7d'), metric(ids.conversions, 'prev7d'));
    if (!spendLast) continue;
    const currency = metric(ids.spend, '7d')!.definition.unit;
    rows.push({
      connector,
      account,
      capturedAt: spendLast.at,
      measures: [
        { measure: 'spend', unit: currency, last: spendLast.value, previous: spendPrevious?.value },
        { measure: 'conversions', unit: 'conversions', last: convLast?.value, previous: convPrevious?.value },
        { measure: 'cost-per-conversion', unit: currency, last: perConversion(spendLast.value, convLast?.value), previous: perConversion(spendPrevious?.value, convPrevious?.value) },
      ],
    });
  }
  return rows;
}

/** The change and the change in percent of the week before (none when that week was zero or unknown). */
export function change(measure: ComparedMeasure): { diff?: number; percent?: number } {
  if (measure.last === undefined || measure.previous === undefined) return {};
  const diff = measure.last - measure.previous;
  return { diff, percent: measure.previous === 0 ? undefined : Math.round((diff / measure.previous) * 1000) / 10 };
}

const CURRENCY = /^[A-Z]{3}$/;
/** Money in the currency's major units (12.5, not 1250 cents): what a spreadsheet charts. */
const plain = (value: number | undefined, unit: string) => (value === undefined ? undefined : CURRENCY.test(unit) ? fromMinorUnits(value, unit) : value);

/**
 * One row per tool, account and measure, with numbers a spreadsheet can chart: plain decimals
 * in their own columns, the currency in its own, no symbols or thousands separators.
 */
export function weekComparisonCsv(rows: WeekComparison[], toolLabel: (connector: string) => string): string {
  const header = ['tool', 'account', 'measure', 'unit', 'last_7_days', 'previous_7_days', 'change', 'change_percent', 'captured_at'];
  const lines = rows.flatMap((row) =>
    row.measures.map((m) => {
      const { diff, percent } = change(m);
      return [toolLabel(row.connector), row.account, measureLabel(m.measure), m.unit, plain(m.last, m.unit), plain(m.previous, m.unit), plain(diff, m.unit), percent, new Date(row.capturedAt)];
    }),
  );
  return toCsv([header, ...lines]);
}

import { describe, expect, it } from 'vitest';
import { change, weekComparisonCsv, weekComparisons } from '../../src/metrics/week-comparison';
import { summarize, type MetricSummary } from '../../src/store/metrics';
import { parseCsv } from '../../src/metrics/csv';

const ADS = new Map([
  ['google-ads', { spend: 'cost', conversions: 'conversions' }],
  ['meta', { spend: 'spend', conversions: 'purchases' }],
]);

const MONDAY = Date.parse('2026-11-30T08:00:00Z');
const WEEK_LATER = MONDAY + 7 * 86_400_000;

/** A connector metric with one point per capture: `[snapshotId, at, value]`. */
function metric(connector: string, account: string, metricId: string, unit: string, points: [string, number, number][]): MetricSummary {
  const id = `${connector}:${account}:${metricId}`;
  return summarize(
    { id, source: 'connector', connector, account, label: metricId, unit, createdAt: MONDAY },
    points.map(([snapshotId, at, value]) => ({ id: `${id}|${snapshotId}`, metricId: id, snapshotId, at, value })),
  );
}

describe('weekComparisons', () => {
  it('pairs the last 7 days with the 7 before from the same capture and computes cost per conversion', () => {
    const summaries = [
      metric('google-ads', '1234567890', 'cost-7d', 'USD', [['s1', MONDAY, 50_000], ['s2', WEEK_LATER, 60_000]]),
      metric('google-ads', '1234567890', 'cost-prev7d', 'USD', [['s1', MONDAY, 45_000], ['s2', WEEK_LATER, 50_000]]),
      metric('google-ads', '1234567890', 'conversions-7d', 'conversions', [['s1', MONDAY, 10], ['s2', WEEK_LATER, 12]]),
      metric('google-ads', '1234567890', 'conversions-prev7d', 'conversions', [['s1', MONDAY, 9], ['s2', WEEK_LATER, 10]]),
      // Not an ads tool: left out.
      metric('stripe', 'acct_1', 'revenue-7d', 'USD', [['s2', WEEK_LATER, 1]]),
    ];
    const [row, ...rest] = weekComparisons(summaries, ADS);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ connector: 'google-ads', account: '1234567890', capturedAt: WEEK_LATER });
    expect(row!.measures).toEqual([
      { measure: 'spend', unit: 'USD', last: 60_000, previous: 50_000 },
      { measure: 'conversions', unit: 'conversions', last: 12, previous: 10 },
      { measure: 'cost-per-conversion', unit: 'USD', last: 5_000, previous: 5_000 },
    ]);
    expect(change(row!.measures[0]!)).toEqual({ diff: 10_000, percent: 20 });
    expect(change(row!.measures[2]!)).toEqual({ diff: 0, percent: 0 });
  });

  it('leaves a week without conversions without a cost per conversion and without a percentage against zero', () => {
    const summaries = [
      metric('meta', 'act_42', 'spend-7d', 'EUR', [['s1', MONDAY, 9_900]]),
      metric('meta', 'act_42', 'spend-prev7d', 'EUR', [['s1', MONDAY, 0]]),
      metric('meta', 'act_42', 'purchases-7d', 'conversions', [['s1', MONDAY, 3]]),
      metric('meta', 'act_42', 'purchases-prev7d', 'conversions', [['s1', MONDAY, 0]]),
    ];
    const [row] = weekComparisons(summaries, ADS);
    const [spend, conversions, perConversion] = row!.measures;
    expect(perConversion).toEqual({ measure: 'cost-per-conversion', unit: 'EUR', last: 3_300, previous: undefined });
    expect(change(spend!)).toEqual({ diff: 9_900, percent: undefined });
    expect(change(conversions!)).toEqual({ diff: 3, percent: undefined });
    expect(change(perConversion!)).toEqual({});
  });

  it('shows nothing for an ads account captured before the week before was read', () => {
    const summaries = [metric('meta', 'act_42', 'purchases-7d', 'conversions', [['s1', MONDAY, 3]])];
    expect(weekComparisons(summaries, ADS)).toEqual([]);
    const onlyLast = [metric('meta', 'act_42', 'spend-7d', 'EUR', [['s1', MONDAY, 100]])];
    expect(weekComparisons(onlyLast, ADS)[0]!.measures[0]).toEqual({ measure: 'spend', unit: 'EUR', last: 100, previous: undefined });
  });
});

describe('weekComparisonCsv', () => {
  it('writes one row per tool and measure, money in major units, that parses back into numbers', () => {
    const summaries = [
      metric('google-ads', '1234567890', 'cost-7d', 'USD', [['s1', WEEK_LATER, 60_050]]),
      metric('google-ads', '1234567890', 'cost-prev7d', 'USD', [['s1', WEEK_LATER, 50_000]]),
      metric('google-ads', '1234567890', 'conversions-7d', 'conversions', [['s1', WEEK_LATER, 12]]),
      metric('google-ads', '1234567890', 'conversions-prev7d', 'conversions', [['s1', WEEK_LATER, 10]]),
      metric('meta', 'act_42', 'spend-7d', 'JPY', [['s1', WEEK_LATER, 12_000]]),
      metric('meta', 'act_42', 'spend-prev7d', 'JPY', [['s1', WEEK_LATER, 15_000]]),
    ];
    const labels: Record<string, string> = { 'google-ads': 'Google Ads', meta: 'Meta Ads' };
    const [header, ...rows] = parseCsv(weekComparisonCsv(weekComparisons(summaries, ADS), (id) => labels[id]!));
    expect(header).toEqual(['tool', 'account', 'measure', 'unit', 'last_7_days', 'previous_7_days', 'change', 'change_percent', 'captured_at']);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual(['Google Ads', '1234567890', 'Spend', 'USD', '600.5', '500', '100.5', '20.1', new Date(WEEK_LATER).toISOString()]);
    expect(rows[1]!.slice(2, 8)).toEqual(['Conversions', 'conversions', '12', '10', '2', '20']);
    expect(rows[2]!.slice(2, 8)).toEqual(['Cost per conversion', 'USD', '50.04', '50', '0.04', '0.1']);
    // Yen have no minor unit: 12000 stays 12000.
    expect(rows[3]!.slice(0, 8)).toEqual(['Meta Ads', 'act_42', 'Spend', 'JPY', '12000', '15000', '-3000', '-20']);
    expect(rows[4]!.slice(4, 8)).toEqual(['', '', '', '']);
    for (const row of rows) for (const cell of row.slice(4, 8)) expect(cell === '' || Number.isFinite(Number(cell))).toBe(true);
  });
});

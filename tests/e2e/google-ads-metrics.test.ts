import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEnvironment, type Environment } from './environment';
import { parseCsv } from '../../src/metrics/csv';
import { runQuery } from '../replica/google-ads.mjs';

let env: Environment;
const ACCOUNT = '1234567890';
const metricId = (metric: string) => `google-ads:${ACCOUNT}:${metric}`;

beforeAll(async () => {
  env = await startEnvironment();
  const options = await env.connect(env.replica.demoTokens['google-ads'], 'google-ads', env.replica.googleAdsLogin);
  await expect(options.getByTestId('connector-google-ads').getByTestId('connected-account').textContent({ timeout: 15_000 })).resolves.toContain('Demo Store – Search (123-456-7890, EUR, Europe/Berlin)');
  await options.close();
}, 60_000);
afterAll(async () => {
  await env?.close();
});

/** Clicks over the last 7 days as the replica's own GAQL answers them, one row per day. */
function clicks7d(): number {
  const { rows } = runQuery(env.replica['google-ads'].data, ACCOUNT, 'SELECT segments.date, metrics.clicks FROM customer WHERE segments.date DURING LAST_7_DAYS') as unknown as { rows: Array<{ metrics: { clicks: string } }> };
  return rows.reduce((sum, row) => sum + Number(row.metrics.clicks), 0);
}

describe('Google Ads metrics', () => {
  it('connects through Options, captures spend and conversions per account and campaign, shows the change after a second capture and exports CSV that parses back', async () => {
    const panel = await env.openPanel();
    await panel.getByTestId('view-metrics').click();
    await panel.getByTestId('metrics-empty').waitFor();

    await panel.getByTestId('capture-all').click();
    const clicks = panel.locator(`[data-testid="metric"][data-metric-id="${metricId('clicks-7d')}"]`);
    const before = clicks7d();
    await expect(clicks.getByTestId('metric-value').textContent({ timeout: 20_000 })).resolves.toBe(before.toLocaleString('en-US'));
    await expect(clicks.locator('.metric-label').textContent()).resolves.toBe('Google Ads clicks (7 days)');
    // Cost is in the account's currency (EUR), per account and per campaign, over 7 and 30 days.
    for (const metric of ['cost-7d', 'cost-30d', 'conversions-30d', 'cost-per-conversion-7d', 'conversion-value-30d', 'impressions-30d', 'campaign-cost-7d:Brand – Search']) {
      await expect(panel.locator(`[data-testid="metric"][data-metric-id="${metricId(metric)}"]`).count(), metric).resolves.toBe(1);
    }
    await expect(panel.locator(`[data-testid="metric"][data-metric-id="${metricId('cost-7d')}"]`).getByTestId('metric-value').textContent()).resolves.toMatch(/€/);

    // Late clicks and conversions arrive for yesterday on the brand campaign; the next capture shows them.
    env.replica['google-ads'].data.record('20001', 1, { clicks: 120, impressions: 900, costMicros: 60_000_000, conversions: 4, conversionsValue: 320 });
    await panel.getByTestId('capture-all').click();
    const after = before + 120;
    await expect(clicks.getByTestId('metric-value').filter({ hasText: after.toLocaleString('en-US') }).textContent({ timeout: 20_000 })).resolves.toBe(after.toLocaleString('en-US'));
    await expect(clicks.getByTestId('delta-previous').textContent()).resolves.toMatch(/^since last \+120 \(\+\d+(\.\d)?%\)$/);
    await expect(clicks.textContent()).resolves.toContain('2 points');

    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-csv').click()]);
    const rows = parseCsv(await readFile((await download.path())!, 'utf8'));
    expect(rows[0]).toEqual(['metric_id', 'metric', 'unit', 'captured_at', 'value']);
    expect(rows.filter((r) => r[0] === metricId('clicks-7d')).map((r) => Number(r[4]))).toEqual([before, after]);
    const cost = rows.filter((r) => r[0] === metricId('cost-7d'));
    expect(cost.map((r) => r[2])).toEqual(['EUR', 'EUR']);
    // Raw minor units, as every money metric exports: 60,000,000 micros are 6,000 cents more.
    expect(Number(cost[1]![4]) - Number(cost[0]![4])).toBe(6000);

    // The Monday question: the last 7 days against the 7 before, side by side, from the latest capture.
    const latest = (metric: string) => Number(rows.filter((r) => r[0] === metricId(metric)).at(-1)![4]);
    const week = panel.getByTestId('week-comparison').locator('[data-testid="week-tool"][data-tool="google-ads"]');
    const cardValue = (metric: string) => panel.locator(`[data-testid="metric"][data-metric-id="${metricId(metric)}"]`).getByTestId('metric-value').textContent();
    const spendRow = week.locator('[data-testid="week-row"][data-measure="spend"]');
    await expect(spendRow.getByTestId('week-last').textContent()).resolves.toBe(await cardValue('cost-7d'));
    await expect(spendRow.getByTestId('week-previous').textContent()).resolves.toBe(await cardValue('cost-prev7d'));
    const conversionsRow = week.locator('[data-testid="week-row"][data-measure="conversions"]');
    await expect(conversionsRow.getByTestId('week-last').textContent()).resolves.toBe(await cardValue('conversions-7d'));
    const percent = Math.round(((latest('cost-7d') - latest('cost-prev7d')) / latest('cost-prev7d')) * 1000) / 10;
    await expect(spendRow.getByTestId('week-change').getAttribute('data-percent')).resolves.toBe(String(percent));
    await expect(week.locator('[data-testid="week-row"][data-measure="cost-per-conversion"]').getByTestId('week-last').textContent()).resolves.toMatch(/€/);

    const [weekDownload] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-week-csv').click()]);
    const [header, ...weekRows] = parseCsv(await readFile((await weekDownload.path())!, 'utf8'));
    expect(header).toEqual(['tool', 'account', 'measure', 'unit', 'last_7_days', 'previous_7_days', 'change', 'change_percent', 'captured_at']);
    const byMeasure = new Map(weekRows.filter((r) => r[0] === 'Google Ads').map((r) => [r[2], r]));
    // Money in euros (major units) a spreadsheet can chart; the points export keeps cents.
    expect(byMeasure.get('Spend')!.slice(3, 6).map((v, i) => (i === 0 ? v : Math.round(Number(v) * 100)))).toEqual(['EUR', latest('cost-7d'), latest('cost-prev7d')]);
    expect(byMeasure.get('Conversions')!.slice(4, 6).map(Number)).toEqual([latest('conversions-7d'), latest('conversions-prev7d')]);
    expect(Number(byMeasure.get('Spend')![7])).toBe(percent);
    expect(byMeasure.get('Cost per conversion')![3]).toBe('EUR');
    await panel.close();
  });
});

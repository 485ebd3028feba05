import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEnvironment, type Environment } from './environment';
import { parseCsv } from '../../src/metrics/csv';
import { insightsAnswer, META_AD_ACCOUNT } from '../replica/meta.mjs';

let env: Environment;

beforeAll(async () => {
  env = await startEnvironment();
  await (await env.connect(env.replica.demoTokens.meta, 'meta', env.replica.metaLogin)).close();
});
afterAll(async () => {
  await env?.close();
});

const spendCents = (preset: string) => Math.round(Number((insightsAnswer(new URLSearchParams({ date_preset: preset, fields: 'spend' })).body as unknown as { data: Array<{ spend: string }> }).data[0]!.spend) * 100);
/** The panel shows money in whole units of the currency. */
// As the panel shows money: whole dollars without decimals, cents when there are some.
const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: cents % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;

describe('Meta Ads metrics', () => {
  it('connects through Options, captures spend and conversions, shows deltas after a second capture and exports CSV', async () => {
    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    await expect(options.locator('body').textContent()).resolves.toContain(`Acme Robotics – Ads (${META_AD_ACCOUNT}, USD, America/Los_Angeles)`);
    await options.close();

    const panel = await env.openPanel();
    await panel.getByTestId('view-metrics').click();
    await panel.getByTestId('metrics-empty').waitFor();
    await panel.getByTestId('capture-all').click();
    const card = (metric: string) => panel.locator(`[data-testid="metric"][data-metric-id="meta:${META_AD_ACCOUNT}:${metric}"]`);
    const spend7 = spendCents('last_7d');
    await expect(card('spend-7d').getByTestId('metric-value').textContent({ timeout: 15_000 })).resolves.toBe(dollars(spend7));
    await expect(card('spend-30d').getByTestId('metric-value').textContent()).resolves.toBe(dollars(spendCents('last_30d')));
    await expect(card('purchases-7d').count()).resolves.toBe(1);
    await expect(card('actions-7d:lead').count()).resolves.toBe(1);

    // Late-attributed spend and purchases for yesterday arrive; the next capture shows the change.
    env.replica.meta.data.late.spendCents = 12_345;
    env.replica.meta.data.late.purchases = 3;
    await panel.getByTestId('capture-all').click();
    await card('spend-7d').getByTestId('metric-value').filter({ hasText: dollars(spend7 + 12_345) }).waitFor({ timeout: 15_000 });
    await expect(card('spend-7d').getByTestId('delta-previous').textContent()).resolves.toBe(`since last +$123.45 (+${((12_345 / spend7) * 100).toFixed(1)}%)`);
    await expect(card('purchases-30d').getByTestId('delta-previous').textContent()).resolves.toMatch(/^since last \+3 \(\+\d+\.\d%\)$/);

    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-csv').click()]);
    const rows = parseCsv(await readFile((await download.path())!, 'utf8'));
    expect(rows[0]).toEqual(['metric_id', 'metric', 'unit', 'captured_at', 'value']);
    const spendRows = rows.filter((r) => r[0] === `meta:${META_AD_ACCOUNT}:spend-7d`);
    expect(spendRows.map((r) => [r[2], Number(r[4])])).toEqual([
      ['USD', spend7],
      ['USD', spend7 + 12_345],
    ]);

    // Purchases are Meta's conversions in the weekly comparison, next to spend in the same dollars.
    const week = panel.getByTestId('week-comparison').locator('[data-testid="week-tool"][data-tool="meta"]');
    await expect(week.locator('[data-testid="week-row"][data-measure="spend"]').getByTestId('week-last').textContent()).resolves.toBe(dollars(spend7 + 12_345));
    await expect(week.locator('[data-testid="week-row"][data-measure="spend"]').getByTestId('week-previous').textContent()).resolves.toBe(await card('spend-prev7d').getByTestId('metric-value').textContent());
    await expect(week.locator('[data-testid="week-row"][data-measure="conversions"]').getByTestId('week-last').textContent()).resolves.toBe(await card('purchases-7d').getByTestId('metric-value').textContent());
    await panel.close();
  });
});

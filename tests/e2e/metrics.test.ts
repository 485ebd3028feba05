import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEnvironment, type Environment } from './environment';
import { parseCsv } from '../../src/metrics/csv';

let env: Environment;

beforeAll(async () => {
  env = await startEnvironment();
  await (await env.connect()).close();
});
afterAll(async () => {
  await env?.close();
});

describe('metric snapshots', () => {
  it('captures connector metrics, keeps history with deltas, charts them and exports CSV that parses back', async () => {
    const panel = await env.openPanel();
    await panel.getByTestId('view-metrics').click();
    await panel.getByTestId('metrics-empty').waitFor();

    await panel.getByTestId('capture-all').click();
    const contacts = panel.locator('[data-testid="metric"][data-metric-id="hubspot:4815162:contacts"]');
    await expect(contacts.getByTestId('metric-value').textContent({ timeout: 15_000 })).resolves.toBe('240');

    // Five new contacts arrive in HubSpot; the next snapshot shows them and the change.
    const data = env.replica.hubspot.data;
    for (let i = 0; i < 5; i++) {
      const id = String(9000 + i);
      data.contacts.push({ ...data.contacts[1], id, properties: { ...data.contacts[1].properties, email: `new${i}@example.org`, hs_object_id: id, createdate: new Date().toISOString() } });
    }
    await panel.getByTestId('capture-all').click();
    await expect(contacts.getByTestId('metric-value').filter({ hasText: '245' }).textContent({ timeout: 15_000 })).resolves.toBe('245');
    await expect(contacts.getByTestId('delta-previous').textContent()).resolves.toBe('since last +5 (+2.1%)');
    await expect(contacts.textContent()).resolves.toContain('2 points');
    const recent = panel.locator('[data-testid="metric"][data-metric-id="hubspot:4815162:new-contacts-30d"]');
    await expect(recent.getByTestId('metric-value').textContent()).resolves.toBe('5');

    // Open deal value is the sum of every open deal's amount, in cents, shown in the portal currency.
    const openDeals = env.replica.hubspot.data.deals.filter((d: { properties: { hs_is_closed: string } }) => d.properties.hs_is_closed === 'false');
    const openValue = openDeals.reduce((sum: number, d: { properties: { amount: string } }) => sum + Number(d.properties.amount), 0);
    const dealValue = panel.locator('[data-testid="metric"][data-metric-id="hubspot:4815162:open-deal-value"]');
    await expect(dealValue.getByTestId('metric-value').textContent()).resolves.toBe(`$${openValue.toLocaleString('en-US')}`);
    await expect(panel.locator('[data-testid="metric"][data-metric-id="hubspot:4815162:open-deal-count"]').getByTestId('metric-value').textContent()).resolves.toBe(String(openDeals.length));
    await expect(panel.locator('[data-testid="metric"][data-metric-id="hubspot:4815162:open-deal-count:Contract sent"]').count()).resolves.toBe(1);

    await contacts.locator('.metric-head').click();
    await contacts.locator('[data-testid="metric-chart"] canvas').waitFor({ timeout: 10_000 });
    const [single] = await Promise.all([panel.waitForEvent('download'), contacts.getByTestId('export-metric-csv').click()]);
    const singleRows = parseCsv(await readFile((await single.path())!, 'utf8'));
    expect(singleRows.slice(1).map((r) => [r[0], Number(r[4])])).toEqual([['hubspot:4815162:contacts', 240], ['hubspot:4815162:contacts', 245]]);

    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-csv').click()]);
    const rows = parseCsv(await readFile((await download.path())!, 'utf8'));
    expect(rows[0]).toEqual(['metric_id', 'metric', 'unit', 'captured_at', 'value']);
    const contactRows = rows.filter((r) => r[0] === 'hubspot:4815162:contacts');
    expect(contactRows.map((r) => Number(r[4]))).toEqual([240, 245]);
    expect(contactRows.every((r) => !Number.isNaN(Date.parse(r[3]!)) && r[3]!.endsWith('Z'))).toBe(true);
    await panel.close();
  });

  it('groups metrics into a board the user arranges, and exports just that board', async () => {
    const panel = await env.openPanel();
    await panel.getByTestId('view-metrics').click();
    await panel.getByTestId('metric').first().waitFor({ timeout: 10_000 });
    await panel.getByTestId('board-new').click();
    await panel.getByTestId('board-name').fill('Monday numbers');
    await panel.getByTestId('board-create').click();
    await panel.getByTestId('board-empty').waitFor();
    await panel.getByTestId('board-add').selectOption({ label: 'HubSpot companies' });
    await panel.getByTestId('board-add').selectOption({ label: 'Open deal value' });
    const labels = () => panel.locator('[data-testid="metric"] .metric-label').allTextContents();
    await expect.poll(labels).toEqual(['HubSpot companies', 'Open deal value']);
    await panel.locator('[data-testid="metric"]', { hasText: 'Open deal value' }).getByTestId('board-up').click();
    await expect.poll(labels).toEqual(['Open deal value', 'HubSpot companies']);

    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-csv').click()]);
    const rows = parseCsv(await readFile((await download.path())!, 'utf8')).slice(1);
    expect([...new Set(rows.map((r) => r[1]))]).toEqual(['Open deal value', 'HubSpot companies']);

    // The board is still there when the panel opens again.
    await panel.reload();
    await panel.getByTestId('view-metrics').click();
    await panel.getByTestId('board-select').selectOption({ label: 'Monday numbers' });
    await expect.poll(labels).toEqual(['Open deal value', 'HubSpot companies']);
    await panel.close();
  });

  it('applies the retention the user sets in Options', async () => {
    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    await options.getByTestId('retention-select').selectOption({ label: '90 days' });
    await expect(options.getByTestId('retention-result').textContent()).resolves.toBe('Saved.');
    await options.reload();
    // The saved setting arrives after the page's first paint.
    await expect.poll(() => options.getByTestId('retention-select').inputValue(), { timeout: 10_000 }).toBe('90');
    await options.close();
  });
});

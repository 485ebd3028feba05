import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startEnvironment, stopServiceWorker, type Environment } from './environment';

let env: Environment;
let options: Page;

beforeAll(async () => {
  env = await startEnvironment();
  options = await env.connect();
});
afterAll(async () => {
  await env?.close();
});

const listRequests = (kind: string) => env.apiRequests().filter((r) => r.method === 'GET' && r.path.startsWith(`/crm/v3/objects/${kind}?`));

describe('paged sync', () => {
  it('resumes from its cursor after the service worker is killed mid-sync: nothing lost, nothing twice', async () => {
    // Slow contact pages down so the worker can be stopped between two of them.
    env.replica.hubspot.state.faults.push({ pathIncludes: '/crm/v3/objects/contacts', delayMs: 1500, times: 20 });
    await options.getByTestId('sync-now').click();
    const progress = options.getByTestId('sync-hubspot');
    await progress.filter({ hasText: '160 records so far' }).waitFor({ timeout: 30_000 });

    await stopServiceWorker(env, options);

    // Any event wakes the worker again; it picks the sync up where the store says it was.
    await options.evaluate(() => chrome.runtime.sendMessage({ type: 'wake-up', request: {} }).catch(() => undefined));
    await options.locator('[data-testid="sync-hubspot"][data-status="done"]').waitFor({ timeout: 60_000 });

    await expect(options.getByTestId('connector-hubspot').getByTestId('record-count').textContent()).resolves.toBe('300');
    await expect(progress.textContent()).resolves.toContain('300 records in 4 pages');
    // Resumed, not restarted: the pages before the kill were read once.
    expect(listRequests('companies')).toHaveLength(1);
    expect(listRequests('contacts').filter((r) => !r.path.includes('after='))).toHaveLength(1);
    env.replica.hubspot.state.faults.length = 0;
  });

  it('shows sync progress in the panel while it runs', async () => {
    env.replica.hubspot.state.faults.push({ pathIncludes: '/crm/v3/objects/contacts', delayMs: 1000, times: 5 });
    const panel = await env.openPanel();
    await options.getByTestId('sync-now').click();
    await expect(panel.getByTestId('sync-hubspot').textContent({ timeout: 15_000 })).resolves.toMatch(/Syncing HubSpot: [\d,]+ records so far/);
    await options.locator('[data-testid="sync-hubspot"][data-status="done"]').waitFor({ timeout: 60_000 });
    await expect(panel.getByTestId('sync-hubspot').count()).resolves.toBe(0);
    env.replica.hubspot.state.faults.length = 0;
    await panel.close();
  });

  it('records no point twice, and none half, when the worker is killed in the middle of a snapshot', async () => {
    // The deal search answers slowly, so the snapshot is still gathering when the worker stops.
    env.replica.hubspot.state.faults.push({ pathIncludes: '/crm/v3/objects/deals/search', delayMs: 3000, times: 1 });
    const panel = await env.openPanel();
    await panel.getByTestId('view-metrics').click();
    await panel.getByTestId('capture-all').click();
    await expect.poll(() => env.apiRequests().some((r) => r.path.startsWith('/crm/v3/objects/deals/search')), { timeout: 10_000 }).toBe(true);
    await stopServiceWorker(env, options);
    await panel.getByRole('alert').waitFor({ timeout: 10_000 });
    await expect(panel.getByTestId('metrics-empty').count()).resolves.toBe(1);

    await panel.getByTestId('capture-all').click();
    const contacts = panel.locator('[data-testid="metric"][data-metric-id="hubspot:4815162:contacts"]');
    await contacts.waitFor({ timeout: 15_000 });
    const counts = await panel.locator('[data-testid="metric"] .metric-deltas .muted').allTextContents();
    expect(counts.length).toBeGreaterThan(3);
    expect(counts.every((text) => text.startsWith('1 point '))).toBe(true);
    await panel.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { contactUrl, startEnvironment, stopServiceWorker, type Environment } from './environment';

/**
 * A full disk, made real: DevTools gives the extension's origin a one-byte quota, so Chromium
 * itself refuses the writes (QuotaExceededError at commit), exactly as it does on a full disk.
 */
let env: Environment;
let options: Page;

/**
 * The hourly sync and daily snapshot alarms first fire a minute after the worker starts; a sync
 * or snapshot of their own in the middle of a test would write (or fail to) on its own clock.
 * The worker creates them again when it next starts.
 */
const holdAlarms = async () => (await env.worker()).evaluate(() => chrome.alarms.clearAll());

beforeAll(async () => {
  env = await startEnvironment();
  await holdAlarms();
  options = await env.connect();
});
afterAll(async () => {
  await env?.close();
});

const FULL = "Your browser has no room left for Customer View's cache";

/** One small write into a scratch database of the extension's origin: 'ok' or the error's name. */
const probeWrite = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('storage-full-probe');
        open.onupgradeneeded = () => open.result.createObjectStore('probe');
        open.onerror = () => resolve(open.error?.name ?? 'open failed');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('probe', 'readwrite');
          tx.objectStore('probe').put('x'.repeat(100), 'k');
          tx.oncomplete = () => (db.close(), resolve('ok'));
          tx.onabort = () => (db.close(), resolve(tx.error?.name ?? 'aborted'));
        };
      }),
  );

/**
 * Fills the disk until the returned function frees it. The override lives as long as the
 * DevTools session, so it is held on the Options page, which stays open for the whole file.
 * Chromium lets IndexedDB spend an allowance it cached before the override for up to 30 s, so
 * this waits until a probe write is refused.
 */
async function fillDisk(): Promise<() => Promise<void>> {
  const origin = `chrome-extension://${env.extensionId}`;
  const cdp = await env.context.newCDPSession(options);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await expect.poll(() => probeWrite(options), { timeout: 60_000, interval: 1_000 }).toBe('QuotaExceededError');
  return async () => {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await cdp.detach();
    await options.evaluate(() => new Promise((resolve) => (indexedDB.deleteDatabase('storage-full-probe').onsuccess = resolve)));
  };
}

async function openContact(id: string): Promise<{ page: Page; panel: Page }> {
  const page = await env.context.newPage();
  await page.goto(contactUrl(id));
  return { page, panel: await env.openPanel(page) };
}

/** How many points a metric card says it holds. */
const pointsOf = async (metric: Locator) => Number(/^(\d+) points? /.exec((await metric.locator('.metric-deltas .muted').textContent()) ?? '')?.[1] ?? NaN);

const wakeWorker = () => options.evaluate(() => chrome.runtime.sendMessage({ type: 'wake-up', request: {} }).catch(() => undefined));

describe('when the disk is full', () => {
  it('says so where the user is, keeps every cached profile and metric readable, and works again once there is room', { timeout: 300_000 }, async () => {
    const { page, panel } = await openContact('101');
    await expect(panel.getByTestId('profile-name').textContent({ timeout: 15_000 })).resolves.toBe('Ann Lee');
    const metrics = await env.openPanel();
    await metrics.getByTestId('view-metrics').click();
    await metrics.getByTestId('capture-all').click();
    const contactsMetric = metrics.locator('[data-testid="metric"][data-metric-id="hubspot:4815162:contacts"]');
    await expect(contactsMetric.getByTestId('metric-value').textContent({ timeout: 15_000 })).resolves.toBe('240');

    const freeDisk = await fillDisk();
    const pointsBefore = await pointsOf(contactsMetric);
    const contact = env.replica.hubspot.data.contacts.find((c: { id: string }) => c.id === '101');
    contact.properties.jobtitle = 'Chief Storage Officer';

    // Panel, refresh: the message above the cached profile, which stays whole and readable.
    await panel.getByTestId('refresh').click();
    await expect(panel.getByTestId('error-storage-full').textContent({ timeout: 15_000 })).resolves.toContain(FULL);
    await expect(panel.getByTestId('profile-name').textContent()).resolves.toBe('Ann Lee');
    await expect(panel.getByTestId('field-emails').textContent()).resolves.toContain('ann.lee@acme-robotics.com');
    await expect(panel.getByTestId('field-company').textContent()).resolves.toContain('Acme Robotics');
    await expect(panel.getByText('Chief Storage Officer').count()).resolves.toBe(0);

    // Panel, a record never cached: the message instead of a blank panel.
    await page.goto(contactUrl('102'));
    await expect(panel.getByTestId('error-storage-full').textContent({ timeout: 15_000 })).resolves.toContain(FULL);
    await expect(panel.getByTestId('profile-name').count()).resolves.toBe(0);

    // Search still reads the cache.
    const search = await env.openPanel();
    await search.getByTestId('search-input').fill('ann.lee');
    await expect(search.getByTestId('search-results').textContent({ timeout: 10_000 })).resolves.toContain('Ann Lee');
    await search.close();

    // Metrics: one clear message; the history already kept is still there.
    await metrics.getByTestId('capture-all').click();
    await expect(metrics.getByTestId('capture-result').textContent({ timeout: 15_000 })).resolves.toBe(
      "Your browser has no room left for Customer View's cache. Free disk space, or clear cached records in Options; what is cached stays readable.",
    );
    await expect(contactsMetric.getByTestId('metric-value').textContent()).resolves.toBe('240');
    await expect(pointsOf(contactsMetric)).resolves.toBe(pointsBefore);

    // Options: the tool's health, the storage card, and a sync that could not start.
    const hubspot = options.getByTestId('connector-hubspot');
    await expect(hubspot.getByTestId('health-storage-full').textContent({ timeout: 10_000 })).resolves.toContain(FULL);
    await expect(options.getByTestId('storage').getByTestId('storage-full').textContent()).resolves.toContain(FULL);
    await hubspot.getByTestId('sync-now').click();
    const sync = hubspot.getByTestId('sync-hubspot');
    await expect(sync.textContent({ timeout: 10_000 })).resolves.toContain(`Sync stopped: ${FULL}`);

    // Room again: the same buttons work, and the messages go away.
    await freeDisk();
    await panel.getByRole('button', { name: 'Try again' }).click();
    await expect(panel.getByTestId('profile-name').textContent({ timeout: 15_000 })).resolves.toBeTruthy();
    await expect(panel.getByTestId('error-storage-full').count()).resolves.toBe(0);
    await page.goto(contactUrl('101'));
    await panel.getByTestId('refresh').click();
    await panel.getByText('Chief Storage Officer').waitFor({ timeout: 15_000 });
    await expect(panel.getByTestId('error-storage-full').count()).resolves.toBe(0);
    await hubspot.getByTestId('health-storage-full').waitFor({ state: 'detached', timeout: 10_000 });
    await options.getByTestId('storage').getByTestId('storage-full').waitFor({ state: 'detached', timeout: 10_000 });
    await sync.waitFor({ state: 'detached', timeout: 10_000 });
    await metrics.getByTestId('capture-all').click();
    await expect.poll(() => pointsOf(contactsMetric), { timeout: 15_000 }).toBeGreaterThan(pointsBefore);
    await Promise.all([page.close(), panel.close(), metrics.close()]);
  });

  it('stops a sync at the last page it wrote, says so, and resumes from the refused page once there is room', { timeout: 300_000 }, async () => {
    const listed = () => env.apiRequests().filter((r) => r.method === 'GET' && r.path.startsWith('/crm/v3/objects/contacts?'));
    const before = listed().length;
    env.replica.hubspot.state.faults.push({ pathIncludes: '/crm/v3/objects/contacts', delayMs: 1500, times: 20 });
    const hubspot = options.getByTestId('connector-hubspot');
    const sync = hubspot.getByTestId('sync-hubspot');
    await hubspot.getByTestId('sync-now').click();
    await sync.filter({ hasText: '160 records so far' }).waitFor({ timeout: 30_000 });
    // Fill the disk while the worker is stopped, so the next page arrives on a full disk. An
    // alarm waking it meanwhile would finish the sync on the allowance Chromium still has cached.
    await holdAlarms();
    await stopServiceWorker(env, options);
    const freeDisk = await fillDisk();
    const cached = await hubspot.getByTestId('record-count').textContent();
    await wakeWorker();

    await options.locator('[data-testid="sync-hubspot"][data-status="error"]').waitFor({ timeout: 30_000 });
    await expect(sync.textContent()).resolves.toBe(`Sync stopped: ${FULL}. Free disk space, or clear cached records in Options; what is cached stays readable.`);
    await expect(hubspot.getByTestId('health-storage-full').count()).resolves.toBe(1);
    // Nothing of the refused page was written.
    await expect(hubspot.getByTestId('record-count').textContent()).resolves.toBe(cached);
    const panel = await env.openPanel();
    await expect(panel.getByTestId('sync-hubspot').textContent({ timeout: 10_000 })).resolves.toContain(`Sync stopped: ${FULL}`);

    // Room again: the next worker carries on from the refused page, not from the start.
    await freeDisk();
    await stopServiceWorker(env, options);
    await wakeWorker();
    await options.locator('[data-testid="sync-hubspot"][data-status="done"]').waitFor({ timeout: 60_000 });
    await expect(sync.textContent()).resolves.toContain('300 records in 4 pages');
    await expect(panel.getByTestId('sync-hubspot').count()).resolves.toBe(0);
    const contactPages = listed().slice(before);
    expect(contactPages.filter((r) => !r.path.includes('after=')).length).toBe(1);
    // The page after the refused one was asked for ahead while the refused one was being
    // written, and dropped with it: asked once more on resuming, never more than that.
    const afterRefused = contactPages.filter((r) => r.path.includes('after=200')).length;
    expect(afterRefused).toBeGreaterThanOrEqual(1);
    expect(afterRefused).toBeLessThanOrEqual(2);
    env.replica.hubspot.state.faults.length = 0;
    await panel.close();
  });

  it('frees the cache from Options on a full disk, keeping metric history', { timeout: 300_000 }, async () => {
    const hubspot = options.getByTestId('connector-hubspot');
    const metrics = await env.openPanel();
    await metrics.getByTestId('view-metrics').click();
    const contactsMetric = metrics.locator('[data-testid="metric"][data-metric-id="hubspot:4815162:contacts"]');
    await contactsMetric.waitFor({ timeout: 10_000 });
    const freeDisk = await fillDisk();
    const points = await pointsOf(contactsMetric);
    const storage = options.getByTestId('storage');
    await storage.getByTestId('clear-cache').click();
    await storage.getByTestId('clear-cache-confirm').click();
    await expect(storage.getByTestId('clear-cache-result').textContent({ timeout: 10_000 })).resolves.toMatch(/^Deleted [\d,]+ cached records/);
    await expect.poll(() => hubspot.getByTestId('record-count').textContent(), { timeout: 10_000 }).toBe('0');
    await expect.poll(() => hubspot.getByTestId('sync-hubspot').count(), { timeout: 10_000 }).toBe(0);
    // Read again from the store: the history is all still there.
    await metrics.reload();
    await metrics.getByTestId('view-metrics').click();
    await contactsMetric.waitFor({ timeout: 10_000 });
    await expect(pointsOf(contactsMetric)).resolves.toBe(points);
    await freeDisk();
    await metrics.close();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { customerDb } from '../../src/store/db';
import { getRecord, saveRecords } from '../../src/store/records';
import { savePoints } from '../../src/store/metrics';
import { clearCachedRecords } from '../../src/store/cache';
import { STORAGE_FULL_MESSAGE } from '../../src/store/quota';
import { connectorFor } from '../../src/connectors/registry';
import { normalizeHubspotContact } from '../../src/connectors/hubspot/normalize';
import type { Connection } from '../../src/model/health';
import type { MetricPoint } from '../../src/model/metric';
import { fillDisk } from './full-disk';

// Background services with the browser's storage areas in memory and a fake-indexeddb store.
vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./memory-browser')).memoryBrowser() }));
const { browser } = await import('../../src/platform/browser');
const { fetchRecord } = await import('../../src/background/record-service');
const { startSync, resumeSyncs } = await import('../../src/background/sync-service');
const { captureAll } = await import('../../src/background/metrics-service');
const { storageFullAlerts } = await import('../../src/platform/storage-alerts');

const PORTAL = '4815162';
const context = { connector: 'hubspot' as const, account: PORTAL, type: 'person' as const, id: '101', host: 'app.hubspot.com' };
const contact = (id: string, firstname: string, fetchedAt = 1000) =>
  normalizeHubspotContact({ id, properties: { firstname, email: `p${id}@acme.com` }, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' }, { portal: PORTAL, consoleHost: 'app.hubspot.com', fetchedAt });
const connection = (connector: 'hubspot' | 'stripe'): Connection => ({ connector, authMode: 'token', account: PORTAL, accountLabel: `Account ${PORTAL}`, consoleHost: 'app.hubspot.com', isSandbox: false, connectedAt: 1 });
const reading = (connector: 'hubspot' | 'stripe', value: number, at: number): MetricPoint => ({ connector, account: PORTAL, metric: 'contacts', label: 'Contacts', unit: 'count', value, at });

const db = customerDb();
let lift: (() => void) | undefined;
const fill = async () => {
  lift = await fillDisk();
};

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  await browser.storage.session.remove(Object.keys(await browser.storage.session.get(null)));
  await browser.storage.local.set({ 'connection:hubspot': connection('hubspot'), 'secret:hubspot': 'pat-test' });
});
afterEach(() => {
  lift?.();
  lift = undefined;
  vi.restoreAllMocks();
});

describe('a full disk, as the background services meet it', () => {
  it('refuses a refresh with the storage-full reply and leaves the cached record as it was', async () => {
    await saveRecords([contact('101', 'Ann')], db);
    vi.spyOn(connectorFor('hubspot'), 'fetchRecord').mockResolvedValue({ records: [contact('101', 'Annie', Date.now())] });
    await fill();
    await expect(fetchRecord(context, true)).resolves.toEqual({ ok: false, error: { kind: 'storage-full', message: STORAGE_FULL_MESSAGE } });
    expect((await getRecord('hubspot:4815162:person:101', db))?.title).toBe('Ann');
    expect(await storageFullAlerts()).toHaveProperty('hubspot');

    lift!();
    await expect(fetchRecord(context, true)).resolves.toEqual({ ok: true, data: { key: 'hubspot:4815162:person:101' } });
    expect((await getRecord('hubspot:4815162:person:101', db))?.title).toBe('Annie');
    expect(await storageFullAlerts()).toEqual({});
  });

  it('still opens a fresh cached record: only the recents list could not be written', async () => {
    // The page was read a moment ago (a page visit reads its record once, then trusts it for minutes).
    const fetch = vi.spyOn(connectorFor('hubspot'), 'fetchRecord').mockResolvedValue({ records: [contact('101', 'Ann', Date.now())] });
    await expect(fetchRecord(context, false)).resolves.toEqual({ ok: true, data: { key: 'hubspot:4815162:person:101' } });
    fetch.mockClear();
    await fill();
    await expect(fetchRecord(context, false)).resolves.toEqual({ ok: true, data: { key: 'hubspot:4815162:person:101' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('stops a sync at the last page it wrote, says so, and resumes from the refused page', async () => {
    const pages: Record<string, { records: ReturnType<typeof contact>[]; cursor: string | null }> = {
      start: { records: [contact('1', 'A'), contact('2', 'B')], cursor: 'p2' },
      p2: { records: [contact('3', 'C'), contact('4', 'D')], cursor: 'p3' },
      p3: { records: [contact('5', 'E')], cursor: null },
    };
    const asked: Array<string | null> = [];
    let secondPageArrives = () => {};
    const secondPageHeld = new Promise<void>((resolve) => (secondPageArrives = resolve));
    vi.spyOn(connectorFor('hubspot'), 'sync').mockImplementation(async (cursor) => {
      asked.push(cursor);
      if (cursor === 'p2' && !lift) await secondPageHeld;
      return pages[cursor ?? 'start']!;
    });
    await startSync('hubspot');
    // The disk fills up once the first page is written, while the second is on its way.
    await vi.waitFor(async () => expect(await db.records.count()).toBe(2));
    await fill();
    secondPageArrives();
    await vi.waitFor(async () => expect(await storageFullAlerts()).toHaveProperty('sync:hubspot'));
    // The third page was asked for while the second was being written, and is dropped with it.
    await vi.waitFor(() => expect(asked).toEqual([null, 'p2', 'p3']));

    // The refused page left nothing behind and the cursor did not move past it.
    expect(await db.syncs.get('hubspot')).toMatchObject({ status: 'running', cursor: 'p2', pages: 1, records: 2 });
    expect(await db.records.count()).toBe(2);

    lift!();
    await vi.waitFor(async () => {
      await resumeSyncs();
      expect(await db.syncs.get('hubspot')).toMatchObject({ status: 'done', pages: 3, records: 5 });
    });
    expect(asked).toEqual([null, 'p2', 'p3', 'p2', 'p3']);
    expect(await db.records.count()).toBe(5);
    expect(await storageFullAlerts()).toEqual({});
  });

  it('refuses a snapshot without losing metric history, and says so once for all tools', async () => {
    await browser.storage.local.set({ 'connection:stripe': connection('stripe'), 'secret:stripe': 'rk_test' });
    await savePoints('day-1', [reading('hubspot', 10, 1), reading('stripe', 20, 1)], db);
    vi.spyOn(connectorFor('hubspot'), 'metrics').mockResolvedValue([reading('hubspot', 11, 2)]);
    vi.spyOn(connectorFor('stripe'), 'metrics').mockResolvedValue([reading('stripe', 21, 2)]);
    await fill();
    await expect(captureAll('day-2')).resolves.toEqual({ ok: true, data: { captured: 0, failures: [STORAGE_FULL_MESSAGE] } });
    expect((await db.points.toArray()).map((p) => p.value).sort()).toEqual([10, 20]);
    expect(Object.keys(await storageFullAlerts()).sort()).toEqual(['hubspot', 'stripe']);
  });

  it('frees the cache on a full disk, keeping metric history', async () => {
    await saveRecords([contact('1', 'A'), contact('2', 'B')], db);
    await savePoints('day-1', [reading('hubspot', 10, 1)], db);
    await fill();
    await expect(clearCachedRecords(db)).resolves.toBe(2);
    expect(await db.records.count()).toBe(0);
    expect(await db.points.count()).toBe(1);
  });
});

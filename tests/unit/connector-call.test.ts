import { beforeEach, describe, expect, it, vi } from 'vitest';
import { customerDb } from '../../src/store/db';
import { saveRecords } from '../../src/store/records';
import { connectorFor } from '../../src/connectors/registry';
import { ConnectorError } from '../../src/connectors/errors';
import { normalizeHubspotContact } from '../../src/connectors/hubspot/normalize';
import type { Connection } from '../../src/model/health';

// The services with the browser's storage areas in memory and a fake-indexeddb store: one rule
// per outcome, whichever service makes the call (background/connector-call.ts).
vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./memory-browser')).memoryBrowser() }));
const { browser } = await import('../../src/platform/browser');
const { lookupAcrossTools } = await import('../../src/background/lookup-service');
const { startSync } = await import('../../src/background/sync-service');
const { captureAll } = await import('../../src/background/metrics-service');

const PORTAL = '4815162';
const connection = (connector: 'hubspot' | 'stripe'): Connection => ({ connector, authMode: 'token', account: PORTAL, accountLabel: `Account ${PORTAL}`, consoleHost: 'app.hubspot.com', isSandbox: false, connectedAt: 1 });
const ann = normalizeHubspotContact({ id: '101', properties: { firstname: 'Ann', email: 'ann@acme.com' }, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' }, { portal: PORTAL, consoleHost: 'app.hubspot.com', fetchedAt: 1 });
const db = customerDb();

beforeEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(db.tables.map((table) => table.clear()));
  const local = browser.storage.local;
  await local.remove(Object.keys(await local.get(null)));
  await local.set({ 'connection:hubspot': connection('hubspot'), 'secret:hubspot': 'pat-test', 'connection:stripe': connection('stripe'), 'secret:stripe': 'rk_test' });
  await saveRecords([ann]);
});

describe('one rule per outcome, in every service', () => {
  it('records the last success of a tool that answered a cross-tool lookup', async () => {
    vi.spyOn(connectorFor('stripe'), 'findByEmail').mockResolvedValue({ records: [] });
    await expect(lookupAcrossTools(ann.key, true)).resolves.toEqual({ ok: true, data: { tools: [{ connector: 'stripe', state: 'ok', keys: [] }] } });
    expect((await db.health.get('stripe'))?.lastSuccessAt).toEqual(expect.any(Number));
  });

  it('keeps a not-found out of the tool’s health, also when a sync meets it', async () => {
    vi.spyOn(connectorFor('hubspot'), 'sync').mockRejectedValue(new ConnectorError('not-found', 'HubSpot has no such list.'));
    await startSync('hubspot');
    await vi.waitFor(async () => expect(await db.syncs.get('hubspot')).toMatchObject({ status: 'error', error: 'HubSpot has no such list.' }));
    expect((await db.health.get('hubspot'))?.lastErrors ?? []).toEqual([]);
  });

  it('stops a sync on a rate limit met by the page asked for ahead, keeping the page before it', async () => {
    const bob = { ...ann, key: ann.key.replace('101', '102'), id: '102' };
    vi.spyOn(connectorFor('hubspot'), 'sync').mockImplementation(async (cursor) => {
      if (cursor === 'p2') throw new ConnectorError('rate-limit', 'HubSpot asked us to slow down.');
      return { records: [bob], cursor: 'p2' };
    });
    await startSync('hubspot');
    await vi.waitFor(async () => expect(await db.syncs.get('hubspot')).toMatchObject({ status: 'error', error: 'HubSpot asked us to slow down.', cursor: 'p2', records: 1 }));
    expect(await db.records.get(bob.key)).toBeDefined();
    expect((await db.health.get('hubspot'))?.lastErrors?.[0]).toMatchObject({ kind: 'rate-limit' });
  });

  it('records a sync’s success on its first and last pages, not on every page between', async () => {
    const pages = ['p1', 'p2', 'p3', 'p4', 'p5'];
    vi.spyOn(connectorFor('hubspot'), 'sync').mockImplementation(async (cursor) => {
      const at = cursor === null ? 0 : pages.indexOf(cursor) + 1;
      return { records: [{ ...ann, key: ann.key.replace('101', `2${at}`), id: `2${at}` }], cursor: pages[at] ?? null };
    });
    // An error met before: the first page's success must follow it at once.
    await db.health.put({ connector: 'hubspot', lastErrors: [{ kind: 'network', message: 'offline', at: 1 }], schemaDriftCount: 0 });
    const healthWrites = vi.spyOn(db.health, 'put');
    const started = Date.now();
    await startSync('hubspot');
    await vi.waitFor(async () => expect(await db.syncs.get('hubspot')).toMatchObject({ status: 'done', pages: 6, records: 6 }));
    await vi.waitFor(() => expect(healthWrites).toHaveBeenCalledTimes(2));
    expect((await db.health.get('hubspot'))?.lastSuccessAt).toBeGreaterThanOrEqual(started);
  });

  it('says tokens are locked in a lookup and in a snapshot, as on a record page', async () => {
    await browser.storage.local.set({ vault: { salt: 's', iterations: 1, check: { iv: 'i', data: 'd' } }, 'secret:stripe': { iv: 'i', data: 'd' }, 'secret:hubspot': { iv: 'i', data: 'd' } });
    const metrics = vi.spyOn(connectorFor('hubspot'), 'metrics');
    const lookup = await lookupAcrossTools(ann.key, true);
    expect(lookup.ok && lookup.data.tools[0]?.error).toEqual({ kind: 'auth', message: 'Your tokens are locked with your passphrase: unlock them in Options.' });
    const capture = await captureAll('manual-1');
    expect(capture.ok && capture.data.failures).toContain('HubSpot: Your tokens are locked with your passphrase: unlock them in Options.');
    expect(metrics).not.toHaveBeenCalled();
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { customerDb } from '../../src/store/db';
import { saveRecords } from '../../src/store/records';
import { connectorFor } from '../../src/connectors/registry';
import { normalizeHubspotContact } from '../../src/connectors/hubspot/normalize';
import type { Connection } from '../../src/model/health';

// Where tokens are kept, and what a locked vault or a missing `cookies` permission stops: the
// worker's modules with the browser's storage, cookies and permissions in memory.
vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./memory-browser')).memoryBrowser() }));
const { browser } = (await import('../../src/platform/browser')) as unknown as { browser: ReturnType<typeof import('./memory-browser').memoryBrowser> };
const tokens = await import('../../src/secrets/tokens');
const { getConnections } = await import('../../src/platform/connections');
const { lookupAcrossTools } = await import('../../src/background/lookup-service');
const { readSecret, deleteSecrets } = await import('../../src/store/secrets');
const { CONNECTOR_IDS } = await import('../../src/model/keys');

const PORTAL = '4815162';
const SITE = 'https://acme.my.salesforce.com';
const hubspotConnection: Connection = { connector: 'hubspot', authMode: 'token', account: PORTAL, accountLabel: `Portal ${PORTAL}`, consoleHost: 'app.hubspot.com', isSandbox: false, connectedAt: 1 };
const salesforceSession: Connection = { connector: 'salesforce', authMode: 'session', account: '00D000000000001', accountLabel: 'Acme', consoleHost: 'acme.lightning.force.com', isSandbox: false, connectedAt: 1, site: SITE };
const ann = normalizeHubspotContact({ id: '101', properties: { firstname: 'Ann', email: 'ann@acme.com' }, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' }, { portal: PORTAL, consoleHost: 'app.hubspot.com', fetchedAt: 1 });
const everything = async () => JSON.stringify([await browser.storage.local.get(null), await browser.storage.session.get(null)]);

beforeEach(async () => {
  vi.restoreAllMocks();
  for (const area of [browser.storage.local, browser.storage.session]) await area.remove(Object.keys(await area.get(null)));
  await Promise.all(customerDb().tables.map((table) => table.clear()));
  await deleteSecrets(['vault', ...CONNECTOR_IDS.map((id) => `token:${id}`)]);
  browser.cookies.jar.clear();
  browser.permissions.granted.clear();
});

describe('tokens at rest', () => {
  it('keeps a token out of the storage areas content scripts can read', async () => {
    await tokens.storeToken('hubspot', 'pat-na1-kept-apart');
    expect(await tokens.getToken('hubspot')).toBe('pat-na1-kept-apart');
    expect(await everything()).not.toContain('pat-na1-kept-apart');
  });

  it('moves an older version’s plain token out of local storage on first use, deleting the old key', async () => {
    await browser.storage.local.set({ 'secret:stripe': 'rk_live_old_place', 'connection:hubspot': hubspotConnection });
    expect(await tokens.getToken('stripe')).toBe('rk_live_old_place');
    expect(await browser.storage.local.get(null)).toEqual({ 'connection:hubspot': hubspotConnection });
    expect(await tokens.getToken('stripe')).toBe('rk_live_old_place');
  });

  it('keeps the tokens already moved when another old key turns up', async () => {
    await tokens.storeToken('hubspot', 'pat-na1-already-here');
    await browser.storage.local.set({ 'secret:stripe': 'rk_live_late' });
    expect(await tokens.getToken('stripe')).toBe('rk_live_late');
    expect(await tokens.getToken('hubspot')).toBe('pat-na1-already-here');
  });

  it('moves sealed tokens with their passphrase header, still sealed, and unlocks them there', async () => {
    await tokens.storeToken('hubspot', 'pat-na1-sealed-then-moved');
    await tokens.enablePassphrase('correct horse battery');
    // What an older version wrote: the same sealed token and header, in local storage.
    const sealed = await readSecret('token:hubspot');
    const header = await readSecret('vault');
    expect(sealed).toMatchObject({ iv: expect.any(String), data: expect.any(String) });
    await tokens.forgetToken('hubspot');
    await tokens.lockTokens();
    await browser.storage.local.set({ 'secret:hubspot': sealed, vault: header });

    expect(await tokens.vaultStatus()).toBe('locked');
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(await readSecret('token:hubspot')).toEqual(sealed);
    expect(await tokens.getToken('hubspot')).toBeNull();
    expect(await tokens.unlockTokens('correct horse battery')).toBe(true);
    expect(await tokens.getToken('hubspot')).toBe('pat-na1-sealed-then-moved');
  });

  it('lists connections without reading the rest of local storage', async () => {
    await browser.storage.local.set({ 'connection:hubspot': hubspotConnection, 'secret:hubspot': 'pat-na1-not-for-pages' });
    const get = vi.spyOn(browser.storage.local, 'get');
    expect(await getConnections()).toEqual([hubspotConnection]);
    expect(get.mock.calls.every(([keys]) => keys !== null)).toBe(true);
    expect(JSON.stringify(await Promise.all(get.mock.results.map((r) => r.value)))).not.toContain('pat-na1-not-for-pages');
  });
});

describe('a signed-in Salesforce session', () => {
  beforeEach(async () => {
    await browser.storage.local.set({ 'connection:salesforce': salesforceSession });
    await saveRecords([ann]);
    browser.cookies.jar.set(`${SITE}/ sid`, '00D000000000001!session-cookie');
  });

  it('is not called while the tokens are locked', async () => {
    browser.permissions.granted.add('cookies');
    await tokens.enablePassphrase('correct horse battery');
    await tokens.lockTokens();
    const find = vi.spyOn(connectorFor('salesforce'), 'findByEmail').mockResolvedValue({ records: [] });
    const lookup = await lookupAcrossTools(ann.key, true);
    expect(lookup.ok && lookup.data.tools.find((t) => t.connector === 'salesforce')?.error).toEqual({ kind: 'auth', message: 'Your tokens are locked with your passphrase: unlock them in Options.' });
    expect(find).not.toHaveBeenCalled();
  });

  it('reads no cookie without the optional cookies permission, and uses it once granted', async () => {
    const find = vi.spyOn(connectorFor('salesforce'), 'findByEmail').mockResolvedValue({ records: [] });
    const without = await lookupAcrossTools(ann.key, true);
    expect(without.ok && without.data.tools.find((t) => t.connector === 'salesforce')?.error?.message).toMatch(/signed out of Salesforce/);
    expect(find).not.toHaveBeenCalled();

    browser.permissions.granted.add('cookies');
    await lookupAcrossTools(ann.key, true);
    expect(find).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ token: '00D000000000001!session-cookie' }), expect.anything());
  });
});

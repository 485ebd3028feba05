import { beforeEach, describe, expect, it, vi } from 'vitest';
import { customerDb } from '../../src/store/db';
import { getRecord } from '../../src/store/records';
import { connectorFor } from '../../src/connectors/registry';
import { ConnectorError } from '../../src/connectors/errors';
import { normalizeHubspotContact } from '../../src/connectors/hubspot/normalize';
import type { Connection } from '../../src/model/health';

// The record service with the browser's storage areas in memory and a fake-indexeddb store.
vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./memory-browser')).memoryBrowser() }));
const { browser } = await import('../../src/platform/browser');
const { fetchRecord } = await import('../../src/background/record-service');

const PORTAL = '4815162';
const context = { connector: 'hubspot' as const, account: PORTAL, type: 'person' as const, id: '101', host: 'app.hubspot.com' };
const connection: Connection = { connector: 'hubspot', authMode: 'token', account: PORTAL, accountLabel: `Account ${PORTAL}`, consoleHost: 'app.hubspot.com', isSandbox: false, connectedAt: 1 };
const db = customerDb();

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  await browser.storage.local.set({ 'connection:hubspot': connection, 'secret:hubspot': 'pat-test' });
});

describe('a secondary read failing beside a record', () => {
  it('saves and shows the record, and writes the failure into the tool’s health', async () => {
    const ann = normalizeHubspotContact({ id: '101', properties: { firstname: 'Ann', email: 'ann@acme.com' }, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' }, { portal: PORTAL, consoleHost: 'app.hubspot.com', fetchedAt: Date.now() });
    const refused = new ConnectorError('auth', 'HubSpot refused access to the campaign events of contact 101: the token is missing a scope.', { status: 403, object: 'campaign events of contact 101' });
    vi.spyOn(connectorFor('hubspot'), 'fetchRecord').mockResolvedValue({ records: [ann], warnings: [refused] });
    await expect(fetchRecord(context, true)).resolves.toEqual({ ok: true, data: { key: ann.key } });
    expect((await getRecord(ann.key, db))?.title).toBe('Ann');
    const health = await db.health.get('hubspot');
    expect(health?.lastErrors).toEqual([expect.objectContaining({ kind: 'auth', object: 'campaign events of contact 101', message: refused.message })]);
    expect(health?.lastSuccessAt).toEqual(expect.any(Number));
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { toStored } from '../../src/store/terms';
import { openCustomerDb, type CustomerDb } from '../../src/store/db';
import { saveRecords } from '../../src/store/records';
import { savePoints } from '../../src/store/metrics';
import { isQuotaExceeded, STORAGE_FULL_MESSAGE, unlessStorageFull } from '../../src/store/quota';
import { ConnectorError } from '../../src/connectors/errors';
import { normalizeHubspotContact } from '../../src/connectors/hubspot/normalize';
import { fillDisk } from './full-disk';

vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./memory-browser')).memoryBrowser() }));
const { toErrorReply } = await import('../../src/background/errors');

const contact = (id: string, title = 'Ann') =>
  toStored(normalizeHubspotContact({ id, properties: { firstname: title, email: `${id}@acme.com` }, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' }, { portal: '1', consoleHost: 'app.hubspot.com', fetchedAt: 1000 }));

/** The error a write rejects with, or a failure if it went through. */
async function refusal(write: () => Promise<unknown>): Promise<unknown> {
  try {
    await write();
  } catch (error) {
    return error;
  }
  throw new Error('the write went through');
}

let lift: (() => void) | undefined;
afterEach(() => {
  lift?.();
  lift = undefined;
});

describe.each(['commit', 'request'] as const)('isQuotaExceeded on what Dexie rejects with when the disk is full (%s)', (mode) => {
  const writes: Array<[string, (db: CustomerDb) => Promise<unknown>]> = [
    ['Table.put', (db) => db.recent.put({ key: 'k', viewedAt: 1 })],
    ['Table.bulkPut', (db) => db.records.bulkPut([contact('1'), contact('2')])],
    ['put in a transaction', (db) => db.transaction('rw', db.recent, () => db.recent.put({ key: 'k', viewedAt: 1 }))],
    ['bulkPut in a transaction (saveRecords)', (db) => saveRecords([contact('1'), contact('2')], db)],
    ['several tables in a transaction (savePoints)', (db) => savePoints('s1', [{ connector: 'hubspot', account: '1', metric: 'contacts', label: 'Contacts', unit: 'count', value: 3, at: 1 }], db)],
  ];
  it.each(writes)('%s', async (_name, write) => {
    const db = openCustomerDb(`quota-${Math.random()}`);
    await db.open();
    lift = await fillDisk(mode);
    const error = await refusal(() => write(db));
    expect(error).toBeInstanceOf(Dexie.DexieError);
    expect(isQuotaExceeded(error)).toBe(true);
    expect(toErrorReply(error)).toEqual({ kind: 'storage-full', message: STORAGE_FULL_MESSAGE });
    lift();
    // Nothing of the refused write stayed behind.
    expect(await db.records.count()).toBe(0);
    expect(await db.recent.count()).toBe(0);
    expect(await db.points.count()).toBe(0);
  });
});

describe('isQuotaExceeded', () => {
  it('is false for every other failure', async () => {
    const db = openCustomerDb(`quota-${Math.random()}`);
    await db.records.add(contact('1'));
    const constraint = await refusal(() => db.records.add(contact('1')));
    expect((constraint as Error).name).toBe('ConstraintError');
    db.close();
    const closed = await refusal(() => db.records.put(contact('2')));
    expect((closed as Error).name).toBe('DatabaseClosedError');
    for (const error of [constraint, closed, new Error('QuotaExceededError in a message'), new ConnectorError('rate-limit', 'Quota exceeded for this API'), null, undefined, 'QuotaExceededError']) {
      expect(isQuotaExceeded(error)).toBe(false);
    }
    expect(toErrorReply(new ConnectorError('rate-limit', 'Quota exceeded')).kind).toBe('rate-limit');
  });

  it('finds the DOM error however deep Dexie nested it, without looping on cycles', () => {
    const quota = new DOMException('', 'QuotaExceededError');
    expect(isQuotaExceeded(quota)).toBe(true);
    expect(isQuotaExceeded(new Dexie.AbortError('aborted', quota))).toBe(true);
    expect(isQuotaExceeded(new Dexie.BulkError('bulk', { 3: new Dexie.QuotaExceededError('full') }))).toBe(true);
    const cyclic: { name: string; inner?: unknown } = { name: 'AbortError' };
    cyclic.inner = cyclic;
    expect(isQuotaExceeded(cyclic)).toBe(false);
  });
});

describe('unlessStorageFull', () => {
  it('lets a bookkeeping write fail quietly on a full disk, and only then', async () => {
    const db = openCustomerDb(`quota-${Math.random()}`);
    await db.open();
    lift = await fillDisk();
    await expect(unlessStorageFull(db.recent.put({ key: 'k', viewedAt: 1 }))).resolves.toBeUndefined();
    lift();
    await db.records.add(contact('1'));
    await expect(unlessStorageFull(db.records.add(contact('1')))).rejects.toMatchObject({ name: 'ConstraintError' });
  });
});

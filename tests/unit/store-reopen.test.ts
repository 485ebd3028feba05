import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCustomerDb, type CustomerDb } from '../../src/store/db';
import { setOverride } from '../../src/store/profiles';
import { savePoints } from '../../src/store/metrics';
import { prunePoints } from '../../src/store/points';
import { saveBoard, editBoard, deleteBoard } from '../../src/store/boards';
import { saveSyncState } from '../../src/store/syncs';
import { saveLookup } from '../../src/store/lookups';
import { savePin } from '../../src/store/pins';
import { clearCachedRecords } from '../../src/store/cache';

// A worker woken from sleep can find its database connection closed (DESIGN.md section 10):
// every write of the store reopens it and goes through, instead of failing the user's action.
let db: CustomerDb;
beforeEach(async () => {
  db = openCustomerDb(`reopen-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const writes: Array<[string, (db: CustomerDb) => Promise<unknown>, (db: CustomerDb) => Promise<unknown>]> = [
  ['a split/merge decision', (d) => setOverride('a', 'b', 'split', d), (d) => d.overrides.count()],
  ['a metric snapshot', (d) => savePoints('s1', [{ connector: 'hubspot', account: '1', metric: 'contacts', label: 'Contacts', unit: 'count', value: 3, at: 1 }], d), (d) => d.points.count()],
  ['a board', (d) => saveBoard('b1', 'Weekly', ['m1'], d), (d) => d.boards.count()],
  ['a sync state', (d) => saveSyncState({ connector: 'hubspot', account: '1', status: 'running', cursor: null, startedAt: 1, updatedAt: 1, pages: 0, records: 0 }, d), (d) => d.syncs.count()],
  ['a lookup answer', (d) => saveLookup({ id: 'hubspot|1|email:a@b.co', connector: 'hubspot', identity: 'email:a@b.co', checkedAt: 1, keys: [] }, d), (d) => d.lookups.count()],
  ['a pin', (d) => savePin({ id: 'pin:1', label: 'MRR', selector: '#mrr', urlPattern: 'https://x.example/', origin: 'https://x.example', createdAt: 1, status: 'ok' }, 'count', 5, d), (d) => d.pins.count()],
];

describe('writes after the database connection was closed', () => {
  it.each(writes)('saves %s', async (_name, write, count) => {
    db.close();
    await write(db);
    expect(await count(db)).toBe(1);
  });

  it('edits and deletes a board, prunes points and clears the cache', async () => {
    await saveBoard('b1', 'Weekly', ['m1'], db);
    db.close();
    await editBoard('b1', 'add', 'm2', db);
    expect((await db.boards.get('b1'))?.metricIds).toEqual(['m1', 'm2']);
    db.close();
    await deleteBoard('b1', db);
    expect(await db.boards.count()).toBe(0);
    db.close();
    await expect(prunePoints(30, Date.now(), db)).resolves.toBe(0);
    db.close();
    await expect(clearCachedRecords(db)).resolves.toBe(0);
  });
});

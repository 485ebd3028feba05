import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import PouchDB from 'pouchdb-core';
import { openCustomerDb, type CustomerDb } from '../../src/store/db';
import { savePoints } from '../../src/store/metrics';
import { saveBoard } from '../../src/store/boards';
import { setOverride } from '../../src/store/profiles';
import { syncOnce, type SyncEnv, type TeamTarget } from '../../src/sync/engine';
import type { PouchConstructor } from '../../src/sync/pouch-types';
import { startSyncServer } from '../sync-server/server.mjs';

// The server module has given PouchDB its memory and HTTP adapters and replication.
const Pouch = PouchDB.defaults({ adapter: 'memory' }) as unknown as PouchConstructor;

interface SyncServer {
  url: string;
  db(name: string): { allDocs(o: object): Promise<{ rows: Array<{ id: string; doc?: Record<string, unknown> }> }>; put(doc: object): Promise<unknown> };
  fail(count: number, after?: number): void;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer({ users: [{ name: 'ann', password: 'ann-pw' }, { name: 'bob', password: 'bob-pw' }], databases: ['team', 'sealed', 'other', 'race', 'late'] });
});
afterAll(() => server.close());

let seq = 0;
/** One browser: its own store, its own local replica and settings, its own device id. */
function browser(name: string, database = 'team', overrides: Partial<TeamTarget> = {}) {
  const run = `${name}-${++seq}`;
  const db = openCustomerDb(`team-${run}`);
  let settings = { pointRetentionDays: null as number | null };
  const env: SyncEnv = {
    Pouch,
    device: name,
    db,
    replica: `replica-${run}`,
    settings: { read: async () => settings, write: async (change) => void (settings = { ...settings, ...change }) },
  };
  const target: TeamTarget = { url: `${server.url}/${database}`, username: 'ann', password: 'ann-pw', ...overrides };
  return {
    db,
    sync: (options: Partial<SyncEnv> = {}) => syncOnce(target, { ...env, ...options }),
    settings: () => settings,
    setRetention: (days: number | null) => void (settings = { pointRetentionDays: days }),
  };
}

/** Ann's and Bob's browsers on one team database, each synced once. */
async function twoBrowsersSynced(database: string) {
  const a = browser('ann-laptop', database);
  const b = browser('bob-desktop', database);
  await a.sync();
  await b.sync();
  return { a, b };
}

const reading = (metric: string, value: number, at: number) => ({ connector: 'stripe' as const, account: 'acct_1', metric, label: `Stripe ${metric}`, unit: 'USD', value, at });
const pointValues = async (db: CustomerDb) => (await db.points.toArray()).map((p) => `${p.metricId}=${p.value}`).sort();

afterEach(() => server.fail(0));

describe('team sync over the CouchDB protocol', () => {
  it('shares metric definitions, points and boards; each point once, however often both sync', async () => {
    const a = browser('ann-laptop', 'team');
    const b = browser('bob-desktop', 'team');
    await savePoints('daily-2026-12-01', [reading('mrr', 1200, 1_000), reading('churn', 3, 1_000)], a.db);
    await saveBoard('board-1', 'Monday numbers', ['stripe:acct_1:mrr'], a.db);
    const first = await a.sync();
    expect(first.up).toBeGreaterThanOrEqual(4);
    await b.sync();
    expect((await b.db.metrics.get('stripe:acct_1:mrr'))?.label).toBe('Stripe mrr');
    expect(await pointValues(b.db)).toEqual(['stripe:acct_1:churn=3', 'stripe:acct_1:mrr=1200']);
    expect((await b.db.boards.get('board-1'))?.metricIds).toEqual(['stripe:acct_1:mrr']);

    // Bob's own capture of the same daily snapshot is his; Ann gets it beside hers.
    await savePoints('daily-2026-12-01', [reading('mrr', 1250, 1_500)], b.db);
    for (let i = 0; i < 3; i++) {
      await a.sync();
      await b.sync();
    }
    expect(await pointValues(a.db)).toEqual(['stripe:acct_1:churn=3', 'stripe:acct_1:mrr=1200', 'stripe:acct_1:mrr=1250']);
    expect(await pointValues(b.db)).toEqual(await pointValues(a.db));
  });

  it('a pull-only sync brings the team’s changes and leaves this browser’s for the next full one', async () => {
    const { a, b } = await twoBrowsersSynced('other');
    await saveBoard('pull-only', 'Made while pulling', [], a.db);
    expect((await a.sync({ pullOnly: true })).up).toBe(0);
    await b.sync();
    expect(await b.db.boards.get('pull-only')).toBeUndefined();
    expect((await a.sync()).up).toBe(1);
    await b.sync({ pullOnly: true });
    expect((await b.db.boards.get('pull-only'))?.name).toBe('Made while pulling');
  });

  it('keeps edits made while the server is down and syncs them once it is back', async () => {
    const { a, b } = await twoBrowsersSynced('other');
    await server.down();
    await savePoints('manual-1', [reading('mrr', 900, 2_000)], a.db);
    await saveBoard('offline-board', 'Made on the train', [], b.db);
    await expect(a.sync()).rejects.toMatchObject({ kind: 'offline' });
    await expect(b.sync()).rejects.toMatchObject({ kind: 'offline' });
    await server.up();
    await a.sync();
    await b.sync();
    await a.sync();
    expect(await pointValues(b.db)).toEqual(['stripe:acct_1:mrr=900']);
    expect((await a.db.boards.get('offline-board'))?.name).toBe('Made on the train');
  });

  it('settles concurrent settings on the latest edit in every browser, and the server keeps no conflict', async () => {
    const { a, b } = await twoBrowsersSynced('team');
    a.setRetention(30);
    await a.sync().catch(() => undefined);
    b.setRetention(90);
    await b.sync();
    await a.sync();
    await b.sync();
    expect(a.settings().pointRetentionDays).toBe(90);
    expect(b.settings().pointRetentionDays).toBe(90);

    // Both edit without seeing each other: the two revisions meet on the server.
    await server.down();
    a.setRetention(7);
    await a.sync().catch(() => undefined);
    b.setRetention(14);
    await b.sync().catch(() => undefined);
    await server.up();
    await a.sync();
    await b.sync();
    await a.sync();
    expect(a.settings().pointRetentionDays).toBe(14);
    expect(b.settings().pointRetentionDays).toBe(14);
    const docs = await server.db('team').allDocs({ include_docs: true, conflicts: true });
    expect(docs.rows.filter((row) => row.doc?._conflicts)).toEqual([]);
  });

  it('shows opposite split/merge decisions made at once as one question, until someone settles it', async () => {
    const { a, b } = await twoBrowsersSynced('team');
    await server.down();
    await setOverride('hubspot:1:contact:7', 'stripe:acct_1:customer:cus_7', 'merge', a.db);
    await setOverride('hubspot:1:contact:7', 'stripe:acct_1:customer:cus_7', 'split', b.db);
    await a.sync().catch(() => undefined);
    await b.sync().catch(() => undefined);
    await server.up();
    await a.sync();
    const bReport = await b.sync();
    const aReport = await a.sync();
    for (const report of [aReport, bReport]) {
      expect(report.contradictions).toHaveLength(1);
      expect(report.contradictions[0]!.options.map((o) => o.kind).sort()).toEqual(['merge', 'split']);
    }
    const standing = (await a.db.overrides.toArray()).map((o) => o.kind);
    expect((await b.db.overrides.toArray()).map((o) => o.kind)).toEqual(standing);

    await setOverride('hubspot:1:contact:7', 'stripe:acct_1:customer:cus_7', standing[0] === 'merge' ? 'split' : 'merge', b.db);
    await b.sync();
    const settled = await a.sync();
    expect(settled.contradictions).toEqual([]);
    expect((await b.sync()).contradictions).toEqual([]);
    expect((await a.db.overrides.toArray()).map((o) => o.kind)).toEqual((await b.db.overrides.toArray()).map((o) => o.kind));
    expect((await a.db.overrides.toArray())[0]!.kind).not.toBe(standing[0]);
  });

  it('with a team passphrase, the server holds no metric name or value in clear', async () => {
    const a = browser('ann-laptop', 'sealed', { passphrase: 'correct horse battery' });
    const b = browser('bob-desktop', 'sealed', { passphrase: 'correct horse battery' });
    await savePoints('manual-9', [reading('net-revenue', 987654, 3_000)], a.db);
    const report = await a.sync();
    expect(report.encrypted).toBe(true);
    const stored = JSON.stringify((await server.db('sealed').allDocs({ include_docs: true })).rows);
    expect(stored).not.toMatch(/net-revenue|987654|Stripe|acct_1/);
    await b.sync();
    expect(await pointValues(b.db)).toEqual(['stripe:acct_1:net-revenue=987654']);

    const wrong = browser('eve', 'sealed', { passphrase: 'guess' });
    await expect(wrong.sync()).rejects.toMatchObject({ kind: 'wrong-passphrase' });
    await expect(browser('eve', 'sealed').sync()).rejects.toMatchObject({ kind: 'passphrase-needed' });
  }, 30_000);

  it('two browsers turning encryption on at once end up with one team key', async () => {
    const a = browser('ann-laptop', 'race', { passphrase: 'correct horse battery' });
    const b = browser('bob-desktop', 'race', { passphrase: 'correct horse battery' });
    await savePoints('manual-1', [reading('mrr', 11, 1_000)], a.db);
    await savePoints('manual-1', [reading('mrr', 22, 1_000)], b.db);
    await Promise.all([a.sync(), b.sync()]);
    await a.sync();
    await b.sync();
    expect(await pointValues(a.db)).toEqual(['stripe:acct_1:mrr=11', 'stripe:acct_1:mrr=22']);
    expect(await pointValues(b.db)).toEqual(await pointValues(a.db));
  }, 30_000);

  it('an encrypting browser that has never reached the server seals nothing until it has the team’s key', async () => {
    const first = browser('ann-laptop', 'late', { passphrase: 'correct horse battery' });
    await first.sync();
    const late = browser('bob-desktop', 'late', { passphrase: 'correct horse battery' });
    await savePoints('manual-2', [reading('churn', 4, 2_000)], late.db);
    await server.down();
    await expect(late.sync()).rejects.toMatchObject({ kind: 'offline' });
    await server.up();
    await late.sync();
    await first.sync();
    expect(await pointValues(first.db)).toEqual(['stripe:acct_1:churn=4']);
    expect((await first.sync()).rejected).toEqual([]);
  }, 30_000);

  it('says which account problem it is: wrong password, no such database, not a CouchDB at all', async () => {
    await expect(browser('ann', 'team', { password: 'nope' }).sync()).rejects.toMatchObject({ kind: 'wrong-password', message: expect.stringMatching(/did not accept/) });
    await expect(browser('ann', 'no-such-db').sync()).rejects.toMatchObject({ kind: 'database-missing' });
    const html = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Welcome to our intranet</html>'));
    await new Promise<void>((done) => html.listen(0, '127.0.0.1', done));
    const port = (html.address() as { port: number }).port;
    const target = { url: `http://127.0.0.1:${port}/team`, username: 'ann', password: 'ann-pw' };
    const env: SyncEnv = { Pouch, device: 'x', db: openCustomerDb('team-html'), replica: 'replica-html', settings: { read: async () => ({ pointRetentionDays: null }), write: async () => undefined } };
    await expect(syncOnce(target, env)).rejects.toMatchObject({ kind: 'not-couchdb' });
    html.close();
  });

  it('a server failing mid-replication loses nothing: the next sync completes it, nothing twice', async () => {
    const a = browser('ann-laptop', 'team');
    const b = browser('bob-desktop', 'team');
    await savePoints('manual-50', Array.from({ length: 30 }, (_, i) => reading(`m${i}`, i, 5_000)), a.db);
    server.fail(1, 4);
    await expect(a.sync()).rejects.toMatchObject({ kind: 'server-error' });
    await a.sync();
    await b.sync();
    const bob = await b.db.points.where('snapshotId').equals('manual-50').toArray();
    expect(bob).toHaveLength(30);
  });

  it('keeps a document that fails the schema out, reports it, and syncs the rest', async () => {
    await server.db('other').put({ _id: 'metric:broken', kind: 'metric', body: { id: 'broken', label: 42 } });
    const b = browser('bob-desktop', 'other');
    const report = await b.sync();
    expect(report.rejected).toEqual([{ id: 'metric:broken', reason: expect.stringMatching(/label/) }]);
    expect(await b.db.metrics.get('broken')).toBeUndefined();
    expect((await b.db.boards.get('offline-board'))?.name).toBe('Made on the train');
  });
});

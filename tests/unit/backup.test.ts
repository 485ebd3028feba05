import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCustomerDb, type CustomerDb } from '../../src/store/db';
import { saveRecords } from '../../src/store/records';
import { savePoints } from '../../src/store/metrics';
import { BackupError, exportBackup, importBackup, parseBackup, planImport } from '../../src/store/backup';
import { normalizeHubspotContact } from '../../src/connectors/hubspot/normalize';

const contact = (id: string, first: string, fetchedAt: number) =>
  normalizeHubspotContact({ id, properties: { firstname: first, lastname: 'Lee', email: `${first.toLowerCase()}@acme.com` }, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' }, { portal: '1', consoleHost: 'app.hubspot.com', fetchedAt });
const reading = (value: number, at: number) => ({ metric: 'contacts', label: 'Contacts', value, unit: 'contacts', at, connector: 'hubspot' as const, account: '1' });

let source: CustomerDb;
let target: CustomerDb;
beforeEach(async () => {
  source = openCustomerDb(`source-${Math.random()}`);
  target = openCustomerDb(`target-${Math.random()}`);
  await saveRecords([contact('1', 'Ann', 100), contact('2', 'Ben', 100)], source);
  await savePoints('daily-2026-11-01', [reading(240, 1000)], source);
  await savePoints('daily-2026-11-02', [reading(245, 2000)], source);
  await source.overrides.put({ id: 'a|b', a: 'a', b: 'b', kind: 'split', at: 1 });
});
afterEach(async () => {
  await Promise.all([source.delete(), target.delete()]);
});

describe('backup', () => {
  it('round-trips every record, metric, point and decision into an empty profile', async () => {
    const text = JSON.stringify(await exportBackup(new Date(), source));
    // Tokens live in extension storage, never in the database the backup is made of.
    expect(text).not.toMatch(/secret:|pat-na1|Bearer/);
    const plan = await importBackup(parseBackup(text), target);
    expect(plan).toEqual({ newRecords: 2, updatedRecords: 0, newMetrics: 1, newPoints: 2, newOverrides: 1 });
    expect(await target.records.toArray()).toEqual(await source.records.toArray());
    expect(await target.points.toArray()).toEqual(await source.points.toArray());
    expect(await target.overrides.toArray()).toEqual(await source.overrides.toArray());
  });

  it('merges without losing what is already there: newer records win, existing points stay', async () => {
    await saveRecords([contact('1', 'Annabel', 500), contact('3', 'Cleo', 1)], target);
    await savePoints('daily-2026-11-01', [reading(999, 1000)], target);
    const backup = parseBackup(JSON.stringify(await exportBackup(new Date(), source)));
    expect(await planImport(backup, target)).toMatchObject({ newRecords: 1, updatedRecords: 0, newPoints: 1 });
    await importBackup(backup, target);
    expect((await target.records.get('hubspot:1:person:1'))?.title).toBe('Annabel Lee');
    expect(await target.records.count()).toBe(3);
    expect((await target.points.get('hubspot:1:contacts|daily-2026-11-01'))?.value).toBe(999);
    expect(await target.points.count()).toBe(2);
  });

  it('rejects corrupt, foreign and newer files with a clear message and writes nothing', async () => {
    const good = await exportBackup(new Date(), source);
    const cases: Array<[string, RegExp]> = [
      ['{"format": "customer-view-backup", "version": 1, "data": ', /not valid JSON/],
      [JSON.stringify({ hello: 'world' }), /not a Customer View backup/],
      [JSON.stringify({ ...good, version: 2 }), /newer version/],
      [JSON.stringify({ ...good, data: { ...good.data, points: [{ id: 'x', metricId: 'm', snapshotId: 's', at: 'yesterday', value: 1 }] } }), /damaged at data\.points\.0\.at/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseBackup(text)).toThrow(BackupError);
      expect(() => parseBackup(text)).toThrow(message);
    }
    expect(await target.records.count()).toBe(0);
  });
});

describe('metric retention', () => {
  it('deletes only points older than the kept window, and nothing when kept forever', async () => {
    const { prunePoints } = await import('../../src/store/points');
    const day = 86_400_000;
    const now = 100 * day;
    await savePoints('old', [reading(1, now - 40 * day)], target);
    await savePoints('new', [reading(2, now - 10 * day)], target);
    expect(await prunePoints(null, now, target)).toBe(0);
    expect(await prunePoints(30, now, target)).toBe(1);
    expect((await target.points.toArray()).map((p) => p.value)).toEqual([2]);
    expect(await target.metrics.count()).toBe(1);
  });
});

describe('board edits', () => {
  it('adds once, removes, and moves within bounds', async () => {
    const { editedBoard } = await import('../../src/store/boards');
    expect(editedBoard(['a'], 'add', 'b')).toEqual(['a', 'b']);
    expect(editedBoard(['a', 'b'], 'add', 'b')).toEqual(['a', 'b']);
    expect(editedBoard(['a', 'b'], 'remove', 'a')).toEqual(['b']);
    expect(editedBoard(['a', 'b', 'c'], 'up', 'c')).toEqual(['a', 'c', 'b']);
    expect(editedBoard(['a', 'b'], 'up', 'a')).toEqual(['a', 'b']);
    expect(editedBoard(['a', 'b'], 'down', 'b')).toEqual(['a', 'b']);
  });
});

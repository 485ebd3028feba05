import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCustomerDb, type CustomerDb } from '../../src/store/db';
import { readTogether } from '../../src/store/read-together';
import { getRecord, saveRecords } from '../../src/store/records';
import { demoRecords } from './demo-records';

const ann = demoRecords.find((r) => r.type === 'person')!;

let db: CustomerDb;
beforeEach(async () => {
  db = openCustomerDb(`read-together-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('reads that belong together', () => {
  it('answers from one transaction when nothing else is awaited', async () => {
    await saveRecords([ann], db);
    await expect(readTogether(db, [db.records], () => getRecord(ann.key, db))).resolves.toMatchObject({ title: ann.title });
  });

  it('reads again, each read alone, when the transaction committed under the reads', async () => {
    await saveRecords([ann], db);
    let attempts = 0;
    const read = async () => {
      attempts++;
      const record = await getRecord(ann.key, db);
      // A wait the transaction cannot see: it commits meanwhile, as when Dexie loses track of it.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return record?.title;
    };
    await expect(db.transaction('r', [db.records], read)).rejects.toThrow(/committed too early/i);
    attempts = 0;
    await expect(readTogether(db, [db.records], read)).resolves.toBe(ann.title);
    expect(attempts).toBe(2);
  });

  it('passes on any other failure', async () => {
    await expect(readTogether(db, [db.records], () => Promise.reject(new Error('disk on fire')))).rejects.toThrow('disk on fire');
  });
});

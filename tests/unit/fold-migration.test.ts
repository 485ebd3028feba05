import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openCustomerDb } from '../../src/store/db';
import { getRecord, searchRecords } from '../../src/store/records';
import { normalizeStripeCustomer } from '../../src/connectors/stripe/normalize';

/**
 * A database saved by schema version 3, whose search words kept their accents
 * (tests/fixtures/customer-db-v3-accents.json, written by that version's own code): "dvorak"
 * found nothing there. Opening it with today's code folds every record's words.
 */
interface Fixture {
  version: number;
  schema: Record<string, string>;
  tables: Record<string, Array<Record<string, unknown>>>;
}
const fixture = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/customer-db-v3-accents.json'), 'utf8')) as Fixture;

async function openMigrated() {
  const name = `fold-${Math.random()}`;
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.schema);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
  const db = openCustomerDb(name);
  await db.open();
  return db;
}

const titles = (records: Array<{ title: string }>) => records.map((r) => r.title).sort();

describe('opening a database whose search words kept their accents', () => {
  it('finds its accented names by their plain spelling, and keeps every record', async () => {
    expect(fixture.version).toBe(3);
    expect(fixture.tables.records!.some((r) => (r.tokens as string[]).includes('dvořák'))).toBe(true);
    const db = await openMigrated();
    expect(await db.table('records').count()).toBe(fixture.tables.records!.length);
    expect(titles(await searchRecords('dvorak', 20, db))).toEqual(['Antonín Dvořák']);
    expect(titles(await searchRecords('muller', 20, db))).toEqual(['Jürgen Müller']);
    expect(titles(await searchRecords('sao paulo', 20, db))).toEqual(['São Paulo Cafés']);
    expect(titles(await searchRecords('lodz', 20, db))).toEqual(['Łukasz Łódź']);
    expect(titles(await searchRecords('strasse', 20, db))).toEqual(['Greta Straße', 'Jürgen Müller']); // his email's domain is strasse-bau.de
    expect(titles(await searchRecords('ann lee', 20, db))).toEqual(['Ann Lee']);
    await db.delete();
  });

  it('leaves no accented word in the vocabulary, so typos are matched against folded words', async () => {
    const db = await openMigrated();
    const words = (await db.table('vocabulary').toCollection().primaryKeys()) as string[];
    expect(words).toContain('dvorak');
    expect(words.filter((word) => /[^\x00-\x7f]/.test(word))).toEqual([]);
    expect(titles(await searchRecords('kierkegard', 20, db))).toEqual(['Søren Kierkegaard']);
    expect(titles(await searchRecords('dvorka', 20, db))).toEqual(['Antonín Dvořák']);
    await db.delete();
  });

  it('gives a migrated record the search words a fresh sync of it gets', async () => {
    const db = await openMigrated();
    const migrated = (await getRecord('stripe:acct_1-test:person:cus_CZ1', db))!;
    const fresh = normalizeStripeCustomer(
      { id: 'cus_CZ1', object: 'customer', email: 'antonin@nelahozeves.cz', name: 'Antonín Dvořák', phone: null, created: 1_762_160_400, livemode: false, address: { city: null, country: 'CZ' } } as never,
      { account: 'acct_1-test', testMode: true, fetchedAt: 1 },
    );
    expect(migrated.tokens).toEqual(fresh.tokens);
    expect(migrated.tokens).toContain('dvorak');
    await db.delete();
  });
});

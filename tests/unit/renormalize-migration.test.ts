import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openCustomerDb } from '../../src/store/db';
import { getRecord, recordsByIdentity, searchRecords } from '../../src/store/records';
import { profileOf } from '../../src/store/profiles';
import { normalizeStripeCustomer } from '../../src/connectors/stripe/normalize';

/**
 * A database saved by schema version 2, whose normalisers took multi-part public suffixes for
 * company domains and short digit runs for phones (tests/fixtures/customer-db-v2-bad-identities.json,
 * written by that version's own code). Opening it with today's code re-normalises them.
 */
interface Fixture {
  version: number;
  schema: Record<string, string>;
  tables: Record<string, Array<Record<string, unknown>>>;
}
const fixture = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/customer-db-v2-bad-identities.json'), 'utf8')) as Fixture;

async function openMigrated() {
  const name = `renormalize-${Math.random()}`;
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

const keys = (records: Array<{ key: string }>) => records.map((r) => r.key).sort();

describe('opening a database whose identities older normalisers got wrong', () => {
  it('drops the public suffixes that joined every company under them, and keeps every record', async () => {
    expect(keys(fixture.tables.records!.filter((r) => (r.identities as string[]).includes('domain:co.id')) as Array<{ key: string }>)).toHaveLength(2);
    const db = await openMigrated();
    expect(await db.table('records').count()).toBe(fixture.tables.records!.length);
    expect(await recordsByIdentity('domain:co.id', db)).toEqual([]);
    expect(await recordsByIdentity('domain:com.vn', db)).toEqual([]);
    expect(keys(await recordsByIdentity('domain:acme-robotics.com', db))).toEqual(['hubspot:4711:company:904']);
    const sinarJaya = (await getRecord('hubspot:4711:company:902', db))!;
    expect((await profileOf(sinarJaya, db)).members.map((m) => m.key)).toEqual(['hubspot:4711:company:902']);
    await db.delete();
  });

  it('drops phones too short to be valid, so two people who typed one are no longer one', async () => {
    const db = await openMigrated();
    expect(await recordsByIdentity('phone:+15551234', db)).toEqual([]);
    expect(await recordsByIdentity('phone:+44207946', db)).toEqual([]);
    const sari = (await getRecord('hubspot:4711:person:102', db))!;
    expect(sari.fields.phones).toEqual(['+1 555-1234']);
    expect((await profileOf(sari, db)).members.map((m) => m.key)).toEqual(['hubspot:4711:person:102']);
    expect(keys(await recordsByIdentity('phone:+6281234567890', db))).toEqual(['hubspot:4711:person:101']);
    await db.delete();
  });

  it('reads national phones with the record’s country, and searches email domains by their registrable domain', async () => {
    const db = await openMigrated();
    expect(keys(await recordsByIdentity('phone:+84912345678', db))).toEqual(['stripe:acct_1-test:person:cus_VN1']);
    expect(keys(await searchRecords('majubersama.co.id', 20, db))).toEqual(['hubspot:4711:person:101']);
    expect(keys(await searchRecords('saigonfoods.com', 20, db))).toEqual(['stripe:acct_1-test:person:cus_VN1']);
    await db.delete();
  });

  it('gives a migrated record the identities a fresh sync of it gets', async () => {
    const db = await openMigrated();
    const migrated = (await getRecord('stripe:acct_1-test:person:cus_VN1', db))!;
    const fresh = normalizeStripeCustomer(
      { id: 'cus_VN1', object: 'customer', email: 'an.nguyen@saigonfoods.com.vn', name: 'An Nguyen', phone: '0912 345 678', created: 1_762_160_400, livemode: false, address: { city: 'Ho Chi Minh City', country: 'VN' } },
      { account: 'acct_1-test', testMode: true, fetchedAt: 1 },
    );
    expect(migrated.identities).toEqual(fresh.identities);
    expect(migrated.tokens).toEqual(fresh.tokens);
    await db.delete();
  });
});

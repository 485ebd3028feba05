import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCustomerDb, type CustomerDb } from '../../src/store/db';
import {
  markViewed,
  recentRecords,
  recordHealthError,
  recordsByIdentity,
  relatedRecords,
  saveRecords,
  searchRecords,
} from '../../src/store/records';
import { normalizeHubspotCompany, normalizeHubspotContact } from '../../src/connectors/hubspot/normalize';
import type { CustomerRecord } from '../../src/model/record';
import { campaignEventRecord } from '../../src/connectors/kit/campaign-events';

const ctx = { portal: '1', consoleHost: 'app.hubspot.com', fetchedAt: 1000 };
const person = (id: string, first: string, last: string, email: string, companyId?: string): CustomerRecord =>
  normalizeHubspotContact(
    {
      id,
      properties: { firstname: first, lastname: last, email },
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-01-01T00:00:00Z',
      ...(companyId ? { associations: { companies: { results: [{ id: companyId, type: 'contact_to_company' }] } } } : {}),
    },
    ctx,
  );
const company = normalizeHubspotCompany(
  { id: '9', properties: { name: 'Acme Robotics', domain: 'acme-robotics.com' }, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' },
  ctx,
);

let db: CustomerDb;
beforeEach(async () => {
  db = openCustomerDb(`test-${Math.random()}`);
  await saveRecords(db, [
    person('1', 'Ann', 'Lee', 'ann.lee@acme-robotics.com', '9'),
    person('2', 'Annabel', 'Smith', 'annabel@globex.io'),
    person('3', 'Bob', 'Annan', 'bob@initech.com'),
    company,
  ]);
});
afterEach(async () => {
  await db.delete();
});

describe('searchRecords', () => {
  it('finds the person, not every campaign email sent to them', async () => {
    const ann = person('1', 'Ann', 'Lee', 'ann.lee@acme-robotics.com', '9');
    const sends = ['open', 'click'].map((activity, i) =>
      campaignEventRecord({ connector: 'mailchimp', account: 'us6', id: `e${i}`, personKey: ann.key, activity: activity as 'open', campaign: 'Annual spring sale', at: 5000 + i, url: 'https://us6.admin.mailchimp.com/', fetchedAt: 1000 }),
    );
    await saveRecords(db, sends);
    expect(await searchRecords(db, 'spring')).toEqual([]);
    expect((await searchRecords(db, 'ann')).map((r) => r.type)).toEqual(['person', 'person', 'person']);
  });

  it('finds people by name prefix, email prefix, company and domain', async () => {
    const titles = async (q: string) => (await searchRecords(db, q)).map((r) => r.title).sort();
    expect(await titles('ann')).toEqual(['Ann Lee', 'Annabel Smith', 'Bob Annan']);
    expect(await titles('ann.l')).toEqual(['Ann Lee']);
    expect(await titles('annabel@glo')).toEqual(['Annabel Smith']);
    expect(await titles('acme')).toEqual(['Acme Robotics', 'Ann Lee']);
    expect(await titles('ANN lee')).toEqual(['Ann Lee']);
    expect(await titles('zzz')).toEqual([]);
    expect(await titles('   ')).toEqual([]);
  });

  it('lists the record whose name starts with the query first, then people before companies', async () => {
    expect((await searchRecords(db, 'acme')).map((r) => r.title)).toEqual(['Acme Robotics', 'Ann Lee']);
    await saveRecords(db, [normalizeHubspotCompany({ id: '10', properties: { name: 'Lee Holdings' }, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' }, ctx)]);
    expect((await searchRecords(db, 'lee')).map((r) => r.title)).toEqual(['Lee Holdings', 'Ann Lee']);
    expect((await searchRecords(db, 'ann')).map((r) => r.type)).toEqual(['person', 'person', 'person']);
  });

  it('matches words in any order, each against a name word or an email', async () => {
    const titles = async (q: string) => (await searchRecords(db, q)).map((r) => r.title).sort();
    expect(await titles('lee ann')).toEqual(['Ann Lee']);
    expect(await titles('smith annabel@')).toEqual(['Annabel Smith']);
    expect(await titles('ann smith')).toEqual(['Annabel Smith']);
    expect(await titles('bob lee')).toEqual([]);
  });

  it('finds a record again after its name changed, and no longer under the old one', async () => {
    await saveRecords(db, [person('2', 'Annabel', 'Jones', 'annabel@globex.io')]);
    expect((await searchRecords(db, 'jones')).map((r) => r.title)).toEqual(['Annabel Jones']);
    expect(await searchRecords(db, 'smith')).toEqual([]);
  });
});

describe('records', () => {
  it('finds a person by normalised identity and walks links both ways', async () => {
    const [ann] = await recordsByIdentity(db, 'email:ann.lee@acme-robotics.com');
    expect(ann?.title).toBe('Ann Lee');
    expect((await relatedRecords(db, ann!)).map((r) => r.title)).toEqual(['Acme Robotics']);
    expect((await relatedRecords(db, company)).map((r) => r.title)).toEqual(['Ann Lee']);
  });

  it('writes a batch atomically: one invalid record leaves the cache as it was', async () => {
    const changed = { ...person('1', 'Changed', 'Name', 'ann.lee@acme-robotics.com') };
    const broken = { ...person('4', 'X', 'Y', 'x@y.io'), key: undefined as unknown as string };
    await expect(saveRecords(db, [changed, broken])).rejects.toThrow();
    expect((await db.records.get('hubspot:1:person:1'))?.title).toBe('Ann Lee');
    expect(await db.records.count()).toBe(4);
  });

  it('keeps recently viewed records newest first', async () => {
    await markViewed(db, 'hubspot:1:person:2', 1);
    await markViewed(db, 'hubspot:1:person:1', 2);
    await markViewed(db, 'hubspot:1:person:2', 3);
    expect((await recentRecords(db)).map((r) => r.title)).toEqual(['Annabel Smith', 'Ann Lee']);
  });

  it('keeps the last errors per connector and counts schema drift', async () => {
    await recordHealthError(db, 'hubspot', { kind: 'schema', message: 'bad', path: 'properties.email', object: 'contact 1' }, 1);
    await recordHealthError(db, 'hubspot', { kind: 'auth', message: 'rejected' }, 2);
    const health = await db.health.get('hubspot');
    expect(health?.schemaDriftCount).toBe(1);
    expect(health?.lastErrors.map((e) => e.kind)).toEqual(['auth', 'schema']);
  });
});

describe('typo-tolerant search', () => {
  it('finds people with a typo in their name or email once nothing matches exactly', async () => {
    const titles = async (q: string) => (await searchRecords(db, q)).map((r) => r.title).sort();
    expect(await titles('annabl')).toEqual(['Annabel Smith']); // missing letter
    expect(await titles('smtih')).toEqual(['Annabel Smith']); // swapped letters
    expect(await titles('initeck')).toEqual(['Bob Annan']); // wrong letter, in the email domain
    expect(await titles('ann lea')).toEqual([]); // a typo in a second term still has to match
    expect(await titles('xyz')).toEqual([]); // too short to guess
  });

  it('still knows the words of a batch that failed once it is saved again', async () => {
    const zoltan = person('5', 'Zoltan', 'Kovacs', 'zoltan@example.org');
    const broken = { ...person('6', 'X', 'Y', 'x@y.io'), key: undefined as unknown as string };
    await expect(saveRecords(db, [zoltan, broken])).rejects.toThrow();
    expect(await db.vocabulary.get('zoltan')).toBeUndefined();
    await saveRecords(db, [zoltan]);
    expect((await searchRecords(db, 'zoltna')).map((r) => r.title)).toEqual(['Zoltan Kovacs']);
  });
});

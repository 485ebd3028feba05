import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCustomerDb, type CustomerDb } from '../../src/store/db';
import {
  markViewed,
  recentRecords,
  recordsByIdentity,
  saveRecords,
  searchRecords,
} from '../../src/store/records';
import { recordHealthError } from '../../src/store/health';
import { profileOf } from '../../src/store/profiles';
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
  await saveRecords([
    person('1', 'Ann', 'Lee', 'ann.lee@acme-robotics.com', '9'),
    person('2', 'Annabel', 'Smith', 'annabel@globex.io'),
    person('3', 'Bob', 'Annan', 'bob@initech.com'),
    company,
  ], db);
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
    await saveRecords(sends, db);
    expect(await searchRecords('spring', 20, db)).toEqual([]);
    expect((await searchRecords('ann', 20, db)).map((r) => r.type)).toEqual(['person', 'person', 'person']);
  });

  it('finds people by name prefix, email prefix, company and domain', async () => {
    const titles = async (q: string) => (await searchRecords(q, 20, db)).map((r) => r.title).sort();
    expect(await titles('ann')).toEqual(['Ann Lee', 'Annabel Smith', 'Bob Annan']);
    expect(await titles('ann.l')).toEqual(['Ann Lee']);
    expect(await titles('annabel@glo')).toEqual(['Annabel Smith']);
    expect(await titles('acme')).toEqual(['Acme Robotics', 'Ann Lee']);
    expect(await titles('ANN lee')).toEqual(['Ann Lee']);
    expect(await titles('zzz')).toEqual([]);
    expect(await titles('   ')).toEqual([]);
  });

  it('lists the record whose name starts with the query first, then people before companies', async () => {
    expect((await searchRecords('acme', 20, db)).map((r) => r.title)).toEqual(['Acme Robotics', 'Ann Lee']);
    await saveRecords([normalizeHubspotCompany({ id: '10', properties: { name: 'Lee Holdings' }, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' }, ctx)], db);
    expect((await searchRecords('lee', 20, db)).map((r) => r.title)).toEqual(['Lee Holdings', 'Ann Lee']);
    expect((await searchRecords('ann', 20, db)).map((r) => r.type)).toEqual(['person', 'person', 'person']);
  });

  it('matches words in any order, each against a name word or an email', async () => {
    const titles = async (q: string) => (await searchRecords(q, 20, db)).map((r) => r.title).sort();
    expect(await titles('lee ann')).toEqual(['Ann Lee']);
    expect(await titles('smith annabel@')).toEqual(['Annabel Smith']);
    expect(await titles('ann smith')).toEqual(['Annabel Smith']);
    expect(await titles('bob lee')).toEqual([]);
  });

  it('adds the words in another order after a whole-name match, within a bounded read, and finds every match when no whole name starts so', async () => {
    await saveRecords([person('4', 'Lee', 'Ann', 'lee.ann@initech.com')], db);
    // "ann lee" starts Ann Lee's name; Lee Ann has both words the other way round.
    expect((await searchRecords('ann lee', 20, db)).map((r) => r.title)).toEqual(['Ann Lee', 'Lee Ann']);
    // 400 people named Ann at one company: more than the bounded read, all found when no name starts "ann initech".
    await saveRecords(Array.from({ length: 400 }, (_, i) => person(`5${i}`, 'Ann', `Other${i}`, `ann${i}@initech.com`)), db);
    // With them: Lee Ann and Bob Annan, also at initech.com.
    expect(await searchRecords('ann initech', 500, db)).toHaveLength(402);
  });

  it('finds a record again after its name changed, and no longer under the old one', async () => {
    await saveRecords([person('2', 'Annabel', 'Jones', 'annabel@globex.io')], db);
    expect((await searchRecords('jones', 20, db)).map((r) => r.title)).toEqual(['Annabel Jones']);
    expect(await searchRecords('smith', 20, db)).toEqual([]);
  });
});

describe('records', () => {
  it('finds a person by normalised identity and walks links both ways', async () => {
    const [ann] = await recordsByIdentity('email:ann.lee@acme-robotics.com', db);
    expect(ann?.title).toBe('Ann Lee');
    expect((await profileOf(ann!, db)).associated.map((r) => r.title)).toEqual(['Acme Robotics']);
    expect((await profileOf(company, db)).associated.map((r) => r.title)).toEqual(['Ann Lee']);
  });

  it('writes a batch atomically: one invalid record leaves the cache as it was', async () => {
    const changed = { ...person('1', 'Changed', 'Name', 'ann.lee@acme-robotics.com') };
    const broken = { ...person('4', 'X', 'Y', 'x@y.io'), key: undefined as unknown as string };
    await expect(saveRecords([changed, broken], db)).rejects.toThrow();
    expect((await db.records.get('hubspot:1:person:1'))?.title).toBe('Ann Lee');
    expect(await db.records.count()).toBe(4);
  });

  it('keeps recently viewed records newest first', async () => {
    await markViewed('hubspot:1:person:2', 1, db);
    await markViewed('hubspot:1:person:1', 2, db);
    await markViewed('hubspot:1:person:2', 3, db);
    expect((await recentRecords(10, db)).map((r) => r.title)).toEqual(['Annabel Smith', 'Ann Lee']);
  });

  it('keeps the last errors per connector and counts schema drift', async () => {
    await recordHealthError('hubspot', { kind: 'schema', message: 'bad', path: 'properties.email', object: 'contact 1' }, 1, db);
    await recordHealthError('hubspot', { kind: 'auth', message: 'rejected' }, 2, db);
    const health = await db.health.get('hubspot');
    expect(health?.schemaDriftCount).toBe(1);
    expect(health?.lastErrors.map((e) => e.kind)).toEqual(['auth', 'schema']);
  });
});

describe('typo-tolerant search', () => {
  it('finds people with a typo in their name or email once nothing matches exactly', async () => {
    const titles = async (q: string) => (await searchRecords(q, 20, db)).map((r) => r.title).sort();
    expect(await titles('annabl')).toEqual(['Annabel Smith']); // missing letter
    expect(await titles('smtih')).toEqual(['Annabel Smith']); // swapped letters
    expect(await titles('initeck')).toEqual(['Bob Annan']); // wrong letter, in the email domain
    expect(await titles('ann lea')).toEqual([]); // a typo in a second term still has to match
    expect(await titles('xyz')).toEqual([]); // too short to guess
  });

  it('still knows the words of a batch that failed once it is saved again', async () => {
    const zoltan = person('5', 'Zoltan', 'Kovacs', 'zoltan@example.org');
    const broken = { ...person('6', 'X', 'Y', 'x@y.io'), key: undefined as unknown as string };
    await expect(saveRecords([zoltan, broken], db)).rejects.toThrow();
    expect(await db.vocabulary.get('zoltan')).toBeUndefined();
    await saveRecords([zoltan], db);
    expect((await searchRecords('zoltna', 20, db)).map((r) => r.title)).toEqual(['Zoltan Kovacs']);
  });
});

describe('search that forgives accents and case', () => {
  const people = [
    person('11', 'Antonín', 'Dvořák', 'antonin@nelahozeves.cz'),
    person('12', 'Jürgen', 'Müller', 'jm@bau.de'),
    person('13', 'Renata', 'Łódź', 'renata@lodzkie.pl'),
    person('14', 'Greta', 'Straße', 'greta@beispiel.de'),
    person('15', 'Søren', 'Kierkegaard', 'soren@aeble.dk'),
    person('16', 'Maria', 'São Paulo', 'maria@cafes.com.br'),
  ];
  const titles = async (q: string) => (await searchRecords(q, 20, db)).map((r) => r.title);

  it('finds accented names typed without accents, in any case, and with their accents', async () => {
    await saveRecords(people, db);
    expect(await titles('dvorak')).toEqual(['Antonín Dvořák']);
    expect(await titles('DVOŘÁK')).toEqual(['Antonín Dvořák']);
    expect(await titles('antonin dvo')).toEqual(['Antonín Dvořák']);
    expect(await titles('muller')).toEqual(['Jürgen Müller']);
    expect(await titles('lodz')).toEqual(['Renata Łódź']);
    expect(await titles('strasse')).toEqual(['Greta Straße']);
    expect(await titles('soren')).toEqual(['Søren Kierkegaard']);
    expect(await titles('sao paulo')).toEqual(['Maria São Paulo']);
  });

  it('allows a typo in the folded word', async () => {
    await saveRecords(people, db);
    expect(await titles('dvorka')).toEqual(['Antonín Dvořák']);
    expect(await titles('mullr')).toEqual(['Jürgen Müller']);
  });
});

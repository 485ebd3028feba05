import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import { openCustomerDb, type CustomerDb } from '../../src/store/db';
import { markViewed, saveRecords } from '../../src/store/records';
import { setOverride } from '../../src/store/profiles';
import { describeRow, peopleOfKeys, recentPeople, searchPeople, type ListRow } from '../../src/store/people-rows';
import { normalizeHubspotCompany, normalizeHubspotContact, normalizeHubspotDeal } from '../../src/connectors/hubspot/normalize';
import { normalizeStripeCustomer } from '../../src/connectors/stripe/normalize';

const hubspot = { portal: '1', consoleHost: 'app.hubspot.com', fetchedAt: 1000 };
const stripe = { account: 'acct_1', testMode: true, fetchedAt: 1000 };
const dates = { createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' };
const annHubspot = normalizeHubspotContact(
  { id: '1', properties: { firstname: 'Ann', lastname: 'Lee', email: 'ann.lee@acme-robotics.com', company: 'Acme Robotics' }, ...dates },
  hubspot,
);
// Stripe knows her only by her address: the row still takes HubSpot's name.
const annStripe = normalizeStripeCustomer({ id: 'cus_1', object: 'customer', email: 'Ann.Lee@acme-robotics.com', name: 'ann.lee@acme-robotics.com', phone: null, created: 1_700_000_000, livemode: false } as never, stripe);
const annOther = normalizeHubspotContact({ id: '2', properties: { firstname: 'Ann', lastname: 'Other', email: 'ann@globex.io' }, ...dates }, hubspot);
const acme = normalizeHubspotCompany({ id: '9', properties: { name: 'Annex Robotics', domain: 'annex.com' }, ...dates }, hubspot);
const deal = normalizeHubspotDeal({ id: '77', properties: { dealname: 'Annual renewal', amount: '1000' }, ...dates }, hubspot);

let db: CustomerDb;
beforeEach(async () => {
  db = openCustomerDb(`rows-${Math.random()}`);
  await saveRecords([annHubspot, annStripe, annOther, acme, deal], db);
});
afterEach(async () => {
  await db.delete();
});

const summary = (rows: ListRow[]) => rows.map((row) => (row.kind === 'profile' ? `${row.name} [${row.tools.join(',')}]` : `${row.type}: ${row.name} (${row.tool})`));

describe('lists of people', () => {
  it('keeps a search that is open up to date as the store changes (the panel watches it live)', async () => {
    const seen: string[][] = [];
    const subscription = liveQuery(() => searchPeople('ann', 20, db)).subscribe({ next: (rows) => seen.push(summary(rows)), error: (error) => seen.push([`error: ${String(error)}`]) });
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toContain('Ann Other [hubspot]');
    await saveRecords([normalizeHubspotContact({ id: '3', properties: { firstname: 'Anna', lastname: 'New', email: 'anna@new.io' }, ...dates }, hubspot)], db);
    await expect.poll(() => seen.at(-1)).toContain('Anna New [hubspot]');
    expect(seen.flat().filter((line) => line.startsWith('error'))).toEqual([]);
    subscription.unsubscribe();
  });

  it('shows a person once with every tool that knows them, people and companies before deals', async () => {
    const rows = await searchPeople('ann', 20, db);
    expect(summary(rows).sort((a, b) => Number(a.startsWith('deal')) - Number(b.startsWith('deal')))).toEqual(summary(rows));
    expect(summary(rows)).toContain('Ann Lee [hubspot,stripe]');
    expect(summary(rows)).toContain('Ann Other [hubspot]');
    expect(summary(rows)).toContain('Annex Robotics [hubspot]');
    expect(summary(rows).at(-1)).toBe('deal: Annual renewal (hubspot)');
    const ann = rows.find((row) => row.kind === 'profile' && row.name === 'Ann Lee');
    expect(ann).toMatchObject({ contact: 'ann.lee@acme-robotics.com', company: 'Acme Robotics' });
  });

  it('finds the same one row by the name only one tool has', async () => {
    const rows = await searchPeople('ann.lee@', 20, db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'profile', name: 'Ann Lee' });
    expect((rows[0] as { tools: string[] }).tools.sort()).toEqual(['hubspot', 'stripe']);
  });

  it('keeps two rows for records the user split', async () => {
    await setOverride(annHubspot.key, annStripe.key, 'split', db);
    const rows = summary(await searchPeople('ann.lee', 20, db));
    expect(rows.sort()).toEqual(['Ann Lee [hubspot]', 'ann.lee@acme-robotics.com [stripe]']);
  });

  it('lists a person once in recently viewed after opening two of their tools', async () => {
    await markViewed(annHubspot.key, 1, db);
    await markViewed(deal.key, 2, db);
    await markViewed(annStripe.key, 3, db);
    expect(summary(await recentPeople(10, db))).toEqual(['Ann Lee [stripe,hubspot]', 'deal: Annual renewal (hubspot)']);
  });

  it('groups a page’s known customers the same way', async () => {
    expect(summary(await peopleOfKeys([annStripe.key, annHubspot.key, acme.key], db))).toEqual(['Ann Lee [stripe,hubspot]', 'Annex Robotics [hubspot]']);
  });

  it('says a row in one line for the omnibox: one suggestion per person, naming the tools', async () => {
    const label = (tool: string) => ({ hubspot: 'HubSpot', stripe: 'Stripe' })[tool] ?? tool;
    const lines = (await searchPeople('ann', 6, db)).map((row) => describeRow(row, label, 1));
    expect(lines).toContain('Ann Lee · ann.lee@acme-robotics.com · Acme Robotics · HubSpot +1');
    expect(lines.filter((line) => line.startsWith('Ann Lee'))).toHaveLength(1);
    expect(lines).toContain('Annual renewal · Deal · HubSpot');
  });
});

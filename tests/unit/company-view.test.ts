import { describe, expect, it } from 'vitest';
import { companyDeals, isOpenDeal } from '../../src/identity/company-deals';
import { distinctPeople } from '../../src/identity/company-people';
import { resolveProfile } from '../../src/identity/resolve';
import { openCustomerDb } from '../../src/store/db';
import { saveRecords } from '../../src/store/records';
import { companyFacts, profileOf, setOverride } from '../../src/store/profiles';
import { demoRecords, FETCHED, hubspotKey, sourceOf } from './demo-records';

describe('the demo company Acme Robotics across tools', async () => {
  const acme = demoRecords.find((r) => r.key === hubspotKey('company', '5001'))!;
  const profile = await resolveProfile(acme, sourceOf(demoRecords));

  it('lists its deals from HubSpot, Salesforce and Pipedrive with stage and amount, open ones first, newest first', () => {
    const { deals, open } = companyDeals(profile);
    expect(deals.map((d) => [d.connector, d.title, d.fields.status, d.fields.amount?.amountMinor])).toEqual([
      ['pipedrive', 'Acme Robotics – Growth plan', 'open', 1_200_000],
      ['salesforce', 'Acme Robotics – Renewal', 'Prospecting', 2_400_000],
      ['salesforce', 'Acme Robotics – New business', 'Needs Analysis', 850_000],
      ['hubspot', 'Acme Robotics – Expansion', 'Appointment Scheduled', 50_000],
      ['hubspot', 'Acme Robotics – Annual plan', 'Closed Won', 1_450_000],
      ['hubspot', 'Acme Robotics – Annual plan', 'Closed Won', 1_750_000],
    ]);
    expect(deals.every((d) => d.url.startsWith('https://'))).toBe(true);
    expect(open).toEqual({
      value: 4,
      amount: { amountMinor: 4_500_000, currency: 'USD' },
      from: [
        { connector: 'pipedrive', fetchedAt: FETCHED.pipedrive },
        { connector: 'salesforce', fetchedAt: FETCHED.salesforce },
        { connector: 'hubspot', fetchedAt: FETCHED.hubspot },
      ],
    });
  });

  it('tells closed deals in each tool’s words', () => {
    const deal = companyDeals(profile).deals[0]!;
    const withStatus = (status: string) => ({ ...deal, fields: { ...deal.fields, status } });
    expect(['won', 'lost', 'Closed Won', 'Closed Lost', 'closedwon', 'open', 'Prospecting', 'Contract Sent'].map((s) => isOpenDeal(withStatus(s)))).toEqual([false, false, false, false, false, true, true, true]);
  });

  it('lists Ann once, though five tools know her under two names', () => {
    const people = profile.associated.filter((r) => r.type === 'person');
    expect(people.length).toBe(5);
    const groups = distinctPeople(people);
    expect(groups.map((g) => g.map((r) => r.connector))).toEqual([['hubspot', 'zendesk', 'intercom', 'salesforce', 'pipedrive']]);
    expect(groups[0]!.map((r) => r.title)).toContain('Annie Lee');
  });

  it('keeps people with the same shared inbox apart, and joins one through a second address', () => {
    const [hubspotAnn, zendeskAnn] = profile.associated.filter((r) => r.type === 'person');
    const shared = (r: typeof hubspotAnn, key: string, identities: string[]) => ({ ...r!, key, identities });
    const groups = distinctPeople([
      shared(hubspotAnn, 'a', ['email:support@acme-robotics.com', 'email:ann@acme-robotics.com']),
      shared(zendeskAnn, 'b', ['email:support@acme-robotics.com', 'email:bob@acme-robotics.com']),
      shared(zendeskAnn, 'c', ['email:carla@acme-robotics.com']),
      shared(hubspotAnn, 'd', ['email:carla@acme-robotics.com', 'email:bob@acme-robotics.com']),
    ]);
    expect(groups.map((g) => g.map((r) => r.key))).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('keeps apart what the user split and joins what the user merged, whatever the addresses say', () => {
    const people = profile.associated.filter((r) => r.type === 'person');
    const [hubspotAnn, zendeskAnn] = people;
    const split = distinctPeople(people, { splits: [[zendeskAnn!.key, hubspotAnn!.key]], merges: [] });
    expect(split.map((g) => g.map((r) => r.connector))).toEqual([['hubspot', 'intercom', 'salesforce', 'pipedrive'], ['zendesk']]);

    const stranger = { ...hubspotAnn!, key: 'stranger', identities: ['email:a.lee@elsewhere.example'] };
    const merged = distinctPeople([...people, stranger], { splits: [], merges: [['stranger', zendeskAnn!.key]] });
    expect(merged).toHaveLength(1);
    expect(merged[0]!.map((r) => r.key)).toContain('stranger');
  });

  it('counts a person the user split off as a second person', async () => {
    const db = openCustomerDb(`company-split-${Math.random()}`);
    await saveRecords(demoRecords, db);
    const people = profile.associated.filter((r) => r.type === 'person');
    await setOverride(people[0]!.key, people[1]!.key, 'split', db);
    expect((await companyFacts(await profileOf(acme, db), db)).people.value).toBe(2);
    db.close();
  });

  it('counts one person, her Stripe revenue and every open ticket from the store', async () => {
    const db = openCustomerDb(`company-${Math.random()}`);
    await saveRecords(demoRecords, db);
    const facts = await companyFacts(await profileOf(acme, db), db);
    expect(facts).toMatchObject({ people: { value: 1 }, lifetimeValue: { value: { amountMinor: 94050, currency: 'USD' }, from: [{ connector: 'stripe' }] }, openTickets: { value: 4 } });
    db.close();
  });
});

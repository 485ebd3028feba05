import { describe, expect, it } from 'vitest';
import { keyFacts, timeline } from '../../src/identity/key-facts';
import { resolveProfile, type ResolvedProfile } from '../../src/identity/resolve';
import type { CustomerRecord } from '../../src/model/record';
import { demoRecords, FETCHED, hubspotKey, sourceOf } from './demo-records';

const base = { account: 'a', identities: [], links: [], url: 'https://x.test', fetchedAt: 0, tokens: [] };
const rec = (connector: CustomerRecord['connector'], type: CustomerRecord['type'], id: string, fields: CustomerRecord['fields'], updatedAt = 0): CustomerRecord => ({ ...base, key: `${connector}:a:${type}:${id}`, connector, type, id, title: id, fields, updatedAt });

describe('key facts across tools', () => {
  const profile: ResolvedProfile = {
    root: rec('hubspot', 'person', 'p1', { lifecycleStage: 'customer' }),
    members: [
      rec('hubspot', 'person', 'p1', { lifecycleStage: 'customer' }),
      rec('stripe', 'person', 'cus_1', { lifetimeValue: { amountMinor: 89100, currency: 'USD' }, mrr: { amountMinor: 37950, currency: 'USD' } }),
    ],
    associated: [],
    activity: [
      rec('zendesk', 'ticket', 't1', { status: 'open', createdAt: 3000 }),
      rec('zendesk', 'ticket', 't2', { status: 'solved', createdAt: 1000 }),
      rec('stripe', 'order', 'in_1', { amount: { amountMinor: 100, currency: 'USD' }, createdAt: 2000 }),
      rec('mailchimp', 'list', 'newsletter', { createdAt: 4000 }),
    ],
    sharedIdentities: [],
    overrides: { splits: [], merges: [] },
  };

  it('takes money from billing, stage from the CRM, and counts only open tickets', () => {
    expect(keyFacts(profile)).toMatchObject({
      lifetimeValue: { value: { amountMinor: 89100, currency: 'USD' } },
      mrr: { value: { amountMinor: 37950, currency: 'USD' } },
      openTickets: { value: 1 },
      lifecycleStage: { value: 'customer', from: [{ connector: 'hubspot' }] },
      lastActivityAt: { value: 3000, from: [{ connector: 'zendesk' }] },
    });
  });

  it('shows the lifecycle stage of the tool the marketing team runs on over another tool’s, whichever came first', () => {
    const intercomFirst = { ...profile, members: [rec('intercom', 'person', 'i1', { lifecycleStage: 'lead' }), ...profile.members] };
    expect(keyFacts(intercomFirst).lifecycleStage).toMatchObject({ value: 'customer', from: [{ connector: 'hubspot' }] });
    const intercomOnly = { ...profile, members: [rec('intercom', 'person', 'i1', { lifecycleStage: 'lead' }), profile.members[1]!] };
    expect(keyFacts(intercomOnly).lifecycleStage).toMatchObject({ value: 'lead', from: [{ connector: 'intercom' }] });
  });

  it('counts orders only where a shop tool counts them, adding two shops’ counts', () => {
    expect(keyFacts(profile).orderCount).toBeUndefined();
    const shops = [rec('shopify', 'person', 's1', { orderCount: 3 }), { ...rec('shopify', 'person', 's2', { orderCount: 2 }), account: 'b', key: 'shopify:b:person:s2' }];
    const withShops = { ...profile, members: [...profile.members, ...shops] };
    expect(keyFacts(withShops).orderCount).toMatchObject({ value: 5, from: [{ connector: 'shopify' }] });
  });

  it('credits open tickets only to the tools that have open ones; with none open, to every tool read', () => {
    const withHubspot = { ...profile, activity: [...profile.activity, rec('hubspot', 'ticket', 'h1', { status: 'closed', createdAt: 500 })] };
    expect(keyFacts(withHubspot).openTickets).toEqual({ value: 1, from: [{ connector: 'zendesk', fetchedAt: 0 }] });
    const allClosed = { ...withHubspot, activity: withHubspot.activity.filter((r) => r.id !== 't1') };
    expect(keyFacts(allClosed).openTickets).toEqual({ value: 0, from: [{ connector: 'zendesk', fetchedAt: 0 }, { connector: 'hubspot', fetchedAt: 0 }] });
  });

  it('orders the timeline newest first, without the lists the person is in (memberships, not events)', () => {
    expect(timeline(profile).map((r) => r.id)).toEqual(['t1', 'in_1', 't2']);
  });

  it('puts campaign emails in the timeline; one opened is the person’s last activity, one only sent or bounced is not', () => {
    const withEmails = { ...profile, activity: [...profile.activity, rec('klaviyo', 'campaign', 'sent1', { activity: 'sent', createdAt: 9000 }), rec('mailchimp', 'campaign', 'bounce1', { activity: 'bounce', createdAt: 8000 }), rec('mailchimp', 'campaign', 'open1', { activity: 'open', createdAt: 5000 })] };
    expect(timeline(withEmails).map((r) => r.id)).toEqual(['sent1', 'bounce1', 'open1', 't1', 'in_1', 't2']);
    expect(keyFacts(withEmails).lastActivityAt).toEqual({ value: 5000, from: [{ connector: 'mailchimp', fetchedAt: 0 }] });
  });
});

describe('key facts of the demo Ann Lee, as her eight tools describe her', async () => {
  const ann = demoRecords.find((r) => r.key === hubspotKey('person', '101'))!;
  const profile = await resolveProfile(ann, sourceOf(demoRecords));
  const facts = keyFacts(profile);

  it('is one person in eight tools', () => {
    expect(new Set(profile.members.map((m) => m.connector))).toEqual(new Set(['hubspot', 'stripe', 'zendesk', 'intercom', 'mailchimp', 'klaviyo', 'salesforce', 'pipedrive']));
  });

  it('takes lifetime value and MRR from Stripe only: Klaviyo’s $1,188 from shop orders are the same payments', () => {
    expect(profile.members.find((m) => m.connector === 'klaviyo')!.fields.lifetimeValue).toEqual({ amountMinor: 118800, currency: 'USD' });
    expect(facts.lifetimeValue).toEqual({ value: { amountMinor: 94050, currency: 'USD' }, from: [{ connector: 'stripe', fetchedAt: FETCHED.stripe }] });
    expect(facts.mrr).toEqual({ value: { amountMinor: 37950, currency: 'USD' }, from: [{ connector: 'stripe', fetchedAt: FETCHED.stripe }] });
  });

  it('uses a non-billing tool’s lifetime value when no billing tool knows the person', () => {
    const withoutStripe = { ...profile, members: profile.members.filter((m) => m.connector !== 'stripe') };
    expect(keyFacts(withoutStripe).lifetimeValue).toEqual({ value: { amountMinor: 118800, currency: 'USD' }, from: [{ connector: 'klaviyo', fetchedAt: FETCHED.klaviyo }] });
  });

  it('counts open tickets and cases from HubSpot, Zendesk and Salesforce, naming every tool it read', () => {
    // HubSpot 9001 (open), Zendesk #1 open and #2 pending, the Salesforce case New; HubSpot's closed one and Zendesk's solved one are not.
    expect(facts.openTickets).toEqual({
      value: 4,
      from: [
        { connector: 'hubspot', fetchedAt: FETCHED.hubspot },
        { connector: 'zendesk', fetchedAt: FETCHED.zendesk },
        { connector: 'salesforce', fetchedAt: FETCHED.salesforce },
      ],
    });
  });

  it('names the last conversation: the newest thread in any tool, with its tool, time, subject and deep link', () => {
    // The Salesforce case was modified on the replica's "now"; Intercom's last reply came the day before.
    expect(facts.lastConversation).toEqual({
      key: expect.stringMatching(/^salesforce:.*:ticket:/),
      connector: 'salesforce',
      subject: 'Robot arm calibration fails',
      status: 'New',
      at: Date.UTC(2026, 9, 1, 12),
      url: expect.stringMatching(/^https:\/\/acme\.lightning\.force\.com\/lightning\/r\/Case\/500\w+\/view$/),
      fetchedAt: FETCHED.salesforce,
    });
  });

  it('falls back to Intercom’s open conversation (subject from its first words) and Zendesk’s ticket subject without the number', () => {
    const without = (connector: string) => ({ ...profile, activity: profile.activity.filter((r) => r.connector !== connector) });
    expect(keyFacts(without('salesforce')).lastConversation).toMatchObject({ connector: 'intercom', subject: 'Refund for the annual plan Thanks, Ann', status: 'open', url: expect.stringContaining('https://app.intercom.com/') });
    const zendeskOnly = { ...profile, activity: profile.activity.filter((r) => r.connector === 'zendesk') };
    expect(keyFacts(zendeskOnly).lastConversation).toMatchObject({ connector: 'zendesk', subject: 'Export to CSV fails', status: 'pending', url: expect.stringMatching(/^https:\/\/acme\.zendesk\.com\/agent\/tickets\/2$/) });
  });

  it('shows her one-off payment in the timeline, and her payments there add up to her lifetime value', () => {
    const payments = timeline(profile).filter((r) => r.fields.orderKind === 'payment');
    expect(payments.map((p) => p.id)).toContain('ch_DemoAnnOneOff');
    expect(timeline(profile).some((r) => r.id === 'ch_DemoAnnOneOff' && r.type === 'order')).toBe(true);
    expect(payments.reduce((sum, p) => sum + p.fields.amount!.amountMinor, 0)).toBe(facts.lifetimeValue!.value.amountMinor);
  });

  it('names a subscription without repeating its status, which is its own field', () => {
    const subscriptions = timeline(profile).filter((r) => r.type === 'subscription');
    expect(subscriptions.map((s) => [s.title, s.fields.status])).toEqual(expect.arrayContaining([['Growth monthly', 'active'], ['Scale yearly', 'active']]));
  });

  it('lists her lists and campaigns in Mailchimp, Klaviyo and Intercom, linked to the list where the tool has one, never Stripe’s plans', () => {
    expect(facts.memberships.map((m) => [m.connector, m.kind, m.name])).toEqual([
      ['intercom', 'list', 'Product updates (email)'],
      ['mailchimp', 'list', 'Newsletter: subscribed'],
      ['klaviyo', 'list', 'VIP customers'],
      ['klaviyo', 'list', 'Newsletter'],
      ['intercom', 'tag', 'VIP'],
      ['intercom', 'tag', 'Beta tester'],
      ['mailchimp', 'tag', 'Customer'],
      ['mailchimp', 'tag', 'Webinar 2026'],
    ]);
    expect(facts.memberships.find((m) => m.name === 'VIP customers')).toEqual({ name: 'VIP customers', kind: 'list', connector: 'klaviyo', url: 'https://www.klaviyo.com/list/VIPcst', fetchedAt: FETCHED.klaviyo });
    expect(facts.memberships.find((m) => m.name === 'Newsletter: subscribed')!.url).toBe('https://us6.admin.mailchimp.com/lists/members?id=210001');
    expect(profile.members.find((m) => m.connector === 'stripe')!.fields.memberships).toEqual(['Growth monthly', 'Scale yearly']);
  });

  it('has no last conversation and no memberships for a person with neither', () => {
    const bare = { ...profile, members: [ann], activity: [] };
    expect(keyFacts(bare)).toMatchObject({ openTickets: { value: 0, from: [] }, memberships: [] });
    expect(keyFacts(bare).lastConversation).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { z } from '../../../src/model/zod-setup';
import { readSample, sampleFiles } from '../samples';
import { parseVendorPayload } from '../../../src/connectors/errors';
import {
  brevoAccountSchema,
  brevoCampaignStatsSchema,
  brevoContactSchema,
  brevoContactsPage,
  brevoDealSchema,
  brevoDealsPage,
  brevoEmailCampaignSchema,
  brevoEmailCampaignsPage,
  brevoErrorSchema,
  brevoListSchema,
  brevoListsPage,
} from '../../../src/connectors/brevo/schemas';
import { normalizeBrevoCampaignEvents, normalizeBrevoContact, normalizeBrevoDeal, normalizeBrevoList } from '../../../src/connectors/brevo/normalize';
import { normalizeBrevoPayload } from '../../../src/connectors/brevo/payload';
import { BrevoApi, HourlyBudget } from '../../../src/connectors/brevo/api';
import { normalizePayload } from '../../../src/import/normalize-payload';
import { customerRecordSchema } from '../../../src/model/record';

const ctx = { account: 'org1', fetchedAt: 1_700_000_000_000 };

const expectations: Record<string, z.ZodMiniType> = {
  'account.json': brevoAccountSchema,
  'contact_campaign_stats.json': brevoCampaignStatsSchema,
  'contact_get_by_identifier.json': brevoContactSchema,
  'contacts_list.json': brevoContactsPage,
  'crm_deal_get.json': brevoDealSchema,
  'crm_deals_list.json': brevoDealsPage,
  'email_campaign_get.json': brevoEmailCampaignSchema,
  'email_campaigns_list.json': brevoEmailCampaignsPage,
  'error_code_message_SDK_placeholder.json': brevoErrorSchema,
  'list_contacts.json': brevoContactsPage,
  'list_get.json': brevoListSchema,
  'lists_list.json': brevoListsPage,
};

describe('Brevo schemas on the published samples', () => {
  it('has an expectation for every sample file', () => {
    expect(sampleFiles('brevo').sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('parses %s', (file, schema) => {
    expect(() => parseVendorPayload('Brevo', schema, readSample('brevo', file), file)).not.toThrow();
  });

  it('refuses a contact without its id, naming the path', () => {
    const { id: _id, ...contact } = readSample('brevo', 'contact_get_by_identifier.json') as Record<string, unknown>;
    expect(() => parseVendorPayload('Brevo', brevoContactSchema, contact, 'contact')).toThrow(/contact we could not read: id/);
  });
});

describe('Brevo normalisation', () => {
  it('normalises a contact with its lists by name, blocklist status and last engagement', () => {
    const contact = brevoContactSchema.parse(readSample('brevo', 'contact_get_by_identifier.json'));
    const record = normalizeBrevoContact({ ...contact, attributes: { FIRSTNAME: 'Peggy', LASTNAME: 'Rain', SMS: '+14155550100' } }, { ...ctx, listNames: new Map([[40, 'Customers']]) });
    expect(customerRecordSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({
      key: 'brevo:org1:person:42',
      title: 'Peggy Rain',
      identities: ['email:peggy.rain@example.com', 'phone:+14155550100'],
      links: ['brevo:org1:list:40'],
      url: 'https://app.brevo.com/contact/index/42',
      updatedAt: Date.parse('2017-05-02T16:40:31Z'),
    });
    expect(record.fields).toMatchObject({ status: 'subscribed', memberships: ['Customers'], lastActivityAt: Date.parse('2017-01-30T13:56:40Z') });
  });

  it('keeps a contact without a name or with a blocklisted email readable', () => {
    const page = brevoContactsPage.parse(readSample('brevo', 'contacts_list.json'));
    const [first] = page.contacts.map((c) => normalizeBrevoContact(c, ctx));
    expect(first).toMatchObject({ title: 'contact1@example.com', fields: { status: 'blocklisted', memberships: ['List 43', 'List 58'] } });
  });

  it('turns the contact statistics into campaign events named by campaign, newest first', () => {
    const stats = brevoCampaignStatsSchema.parse(readSample('brevo', 'contact_campaign_stats.json'));
    const events = normalizeBrevoCampaignEvents(42, stats, { ...ctx, campaigns: new Map([[21, { name: 'Spring sale', subject: '20% off' }]]) });
    for (const event of events) expect(customerRecordSchema.parse(event)).toEqual(event);
    // A hard and a soft bounce of one send at one time are one bounce.
    expect(events.map((e) => [e.fields.activity, e.title])).toEqual([
      ['bounce', 'Campaign 3'],
      ['unsubscribe', 'Campaign 3'],
      ['open', 'Campaign 45'],
      ['sent', 'Campaign 45'],
      ['sent', 'Campaign 42'],
      ['click', 'Spring sale'],
      ['open', 'Spring sale'],
      ['sent', 'Spring sale'],
    ]);
    expect(events.every((e) => e.links[0] === 'brevo:org1:person:42' && e.tokens.length === 0)).toBe(true);
    expect(events.find((e) => e.title === 'Spring sale')!.fields.subject).toBe('20% off');
  });

  it('normalises lists with their size, and deals linked to their contacts (money only with a known currency)', () => {
    const list = normalizeBrevoList(brevoListSchema.parse(readSample('brevo', 'list_get.json')), ctx);
    expect(list).toMatchObject({ key: 'brevo:org1:list:12', title: 'Newsletter_Weekly', url: 'https://app.brevo.com/contact/list/id/12', fields: { subject: '6596 contacts' } });
    const deal = brevoDealSchema.parse(readSample('brevo', 'crm_deal_get.json'));
    const plain = normalizeBrevoDeal(deal, ctx);
    expect(customerRecordSchema.parse(plain)).toEqual(plain);
    expect(plain).toMatchObject({ type: 'deal', title: 'testname', links: ['brevo:org1:person:1', 'brevo:org1:person:2', 'brevo:org1:person:3'] });
    expect(plain.fields.amount).toBeUndefined();
    expect(normalizeBrevoDeal(deal, { ...ctx, currency: 'EUR' }).fields.amount).toEqual({ amountMinor: 1200, currency: 'EUR' });
  });
});

describe('Brevo payload reader (npm run normalize brevo <file>)', () => {
  const counts: Record<string, number> = {
    'account.json': 0,
    'contact_campaign_stats.json': 0,
    'contact_get_by_identifier.json': 8,
    'contacts_list.json': 2,
    'crm_deal_get.json': 1,
    'crm_deals_list.json': 1,
    'email_campaign_get.json': 0,
    'email_campaigns_list.json': 0,
    'list_contacts.json': 3,
    'list_get.json': 1,
    'lists_list.json': 2,
  };

  it.each(sampleFiles('brevo').filter((f) => !f.startsWith('error')))('reads %s', (file) => {
    const notes: string[] = [];
    const records = normalizeBrevoPayload(readSample('brevo', file), 'org1', notes);
    for (const record of records) expect(customerRecordSchema.parse(record)).toEqual(record);
    expect(records).toHaveLength(counts[file]!);
    // Nothing imported is never silent: the note says why.
    expect(notes).toEqual(records.length ? [] : [expect.stringMatching(/^Checked a .*nothing was imported/)]);
    expect(normalizePayload('brevo', readSample('brevo', file))).toHaveLength(records.length);
  });

  it('refuses an error body with Brevo’s own words', () => {
    expect(() => normalizeBrevoPayload(readSample('brevo', 'error_code_message_SDK_placeholder.json'), 'org1')).toThrow('This is a Brevo error response, not records: invalid_parameter: message');
  });

  it('names a shape it does not know', () => {
    expect(() => normalizeBrevoPayload({ hello: 'world' }, 'org1')).toThrow(/not a contact/);
  });
});

describe('Brevo key and pacing', () => {
  it('refuses an SMTP key before any call', () => {
    expect(() => new BrevoApi('xsmtpsib-abc')).toThrow(/SMTP key/);
  });

  it('spends at most the hourly budget and says when it refills', () => {
    let now = 0;
    const budget = new HourlyBudget(2, () => now);
    budget.spend('account');
    now = 1_000;
    budget.spend('account');
    expect(() => budget.spend('account')).toThrow(/100 calls an hour.*60 min/);
    now = 3_600_001;
    expect(() => budget.spend('account')).not.toThrow();
  });
});

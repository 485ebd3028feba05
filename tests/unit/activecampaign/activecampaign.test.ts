import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSample, sampleFiles } from '../samples';
import { activecampaignPages } from '../../../src/connectors/activecampaign/pages';
import { activecampaignAccount } from '../../../src/connectors/activecampaign/api';
import { acTime, campaignRates } from '../../../src/connectors/activecampaign/normalize';
import { acCampaignsPage } from '../../../src/connectors/activecampaign/schemas';
import { normalizeActiveCampaignPayload } from '../../../src/connectors/activecampaign/payload';
import { customerRecordSchema } from '../../../src/model/record';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/activecampaign');
const fixture = (file: string): unknown => JSON.parse(readFileSync(resolve(FIXTURES, file), 'utf8'));
const detect = (href: string) => activecampaignPages.map((d) => d.detect(new URL(href))).find(Boolean) ?? null;

describe('ActiveCampaign payloads', () => {
  it.each(sampleFiles('activecampaign'))('reads the published sample %s into valid records', (file) => {
    const records = normalizeActiveCampaignPayload(readSample('activecampaign', file), 'acme');
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(() => customerRecordSchema.parse(record)).not.toThrow();
    expect(records[0]!.url).toMatch(/^https:\/\/acme\.activehosted\.com\/app\/contacts\/\d+$/);
  });

  it('reads the contacts page with names, emails and the creation date', () => {
    const [john, aaron] = normalizeActiveCampaignPayload(readSample('activecampaign', 'contacts_list_docs_example.json'), 'acme');
    expect(john).toMatchObject({ key: 'activecampaign:acme:person:68', title: 'John Doe', identities: expect.arrayContaining(['email:janedoe@example.com']) });
    expect(john!.fields.createdAt).toBe(Date.parse('2017-01-25T23:58:14-06:00'));
    expect(aaron!.title).toBe('Aaron Allen');
  });

  it.each(readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && !f.startsWith('error')))('reads the hand-written fixture %s', (file) => {
    for (const record of normalizeActiveCampaignPayload(fixture(file), 'acme')) expect(() => customerRecordSchema.parse(record)).not.toThrow();
  });

  it('reads a contact with its memberships and deal: amount in cents, deal linked to the person', () => {
    const [person, deal] = normalizeActiveCampaignPayload(fixture('contact_with_relations.json'), 'acme');
    expect(person!.fields.memberships).toEqual(['List 1: active']);
    expect(person!.links).toEqual(['activecampaign:acme:list:1', 'activecampaign:acme:deal:1']);
    expect(deal).toMatchObject({ type: 'deal', title: 'AC Deal', links: ['activecampaign:acme:person:68'] });
    expect(deal!.fields).toMatchObject({ amount: { amountMinor: 45600, currency: 'USD' }, status: 'open' });
  });

  it('reads deals as won/lost/open with their own currency', () => {
    const deals = normalizeActiveCampaignPayload(fixture('deals.json'), 'acme');
    expect(deals.map((d) => [d.fields.status, d.fields.amount])).toEqual([
      ['open', { amountMinor: 45600, currency: 'USD' }],
      ['won', { amountMinor: 120000, currency: 'EUR' }],
    ]);
  });

  it('refuses an error body with ActiveCampaign’s own message', () => {
    expect(() => normalizeActiveCampaignPayload(fixture('error_404.json'), 'acme')).toThrow(/No Result found for Subscriber with id 999/);
  });

  it('computes campaign open and click rates from unique opens and clicks, none for unsent drafts', () => {
    const { campaigns } = acCampaignsPage.parse(fixture('campaigns.json'));
    expect(campaigns.map(campaignRates)).toEqual([{ sent: 400, openRate: 40, clickRate: 7.5 }, { sent: 0 }]);
  });

  it('reads "never" dates as unknown and zone-less times as UTC', () => {
    expect(acTime('0000-00-00 00:00:00')).toBeUndefined();
    expect(acTime('2017-02-22 15:26:24')).toBe(Date.UTC(2017, 1, 22, 15, 26, 24));
  });
});

describe('ActiveCampaign account URL', () => {
  it.each([
    ['acme', 'acme'],
    ['https://acme.api-us1.com', 'acme'],
    ['https://Acme-Demo.api-us1.com/', 'acme-demo'],
    ['https://acme.activehosted.com/app/contacts/68', 'acme'],
  ])('reads %s as account %s', (site, account) => {
    expect(activecampaignAccount(site)).toBe(account);
  });

  it.each(['', 'https://evil.example/acme', 'acme.api-us1.com.evil.example', 'a b'])('refuses %j', (site) => {
    expect(() => activecampaignAccount(site)).toThrow(/account URL/);
  });
});

describe('ActiveCampaign pages', () => {
  it('finds a contact page with its account and id', () => {
    expect(detect('https://acme.activehosted.com/app/contacts/68')).toEqual({ connector: 'activecampaign', account: 'acme', type: 'person', id: '68', host: 'acme.activehosted.com' });
  });
  it('ignores the contacts table and deal pages', () => {
    expect(detect('https://acme.activehosted.com/app/contacts?listid=1')).toBeNull();
    expect(detect('https://acme.activehosted.com/app/deals/1')).toBeNull();
  });
});

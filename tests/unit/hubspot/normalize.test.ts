import { describe, expect, it } from 'vitest';
import { normalizeHubspotCompany, normalizeHubspotContact, parseHubspotDate } from '../../../src/connectors/hubspot/normalize';
import type { HubspotObject } from '../../../src/connectors/hubspot/schemas';

const ctx = {
  portal: '4815162',
  consoleHost: 'app-eu1.hubspot.com',
  fetchedAt: 1_700_000_000_000,
  currency: 'EUR',
  owners: new Map([['71234501', { id: '71234501', firstName: 'Dana', lastName: 'Scully', email: 'dana@example.com' }]]),
  companyNames: new Map([['5001', 'Acme Robotics']]),
};

const contact: HubspotObject = {
  id: '101',
  properties: {
    firstname: 'Ann',
    lastname: 'Lee',
    email: 'Ann.Lee@Acme-Robotics.com',
    hs_additional_emails: 'ann.lee.home@gmail.com;not-an-email',
    phone: '+1 415-555-0100',
    mobilephone: '',
    jobtitle: 'VP Marketing',
    company: 'Acme (typed by hand)',
    lifecyclestage: 'customer',
    hubspot_owner_id: '71234501',
    createdate: '2024-01-02T03:04:05.000Z',
    lastmodifieddate: '1718000000000',
  },
  associations: {
    companies: {
      results: [
        { id: '5001', type: 'contact_to_company' },
        { id: '5001', type: 'contact_to_company_unlabeled' },
      ],
    },
  },
  createdAt: '2024-01-02T03:04:05.000Z',
  updatedAt: '2024-06-10T06:13:20.000Z',
};

describe('normalizeHubspotContact', () => {
  const record = normalizeHubspotContact(contact, ctx);

  it('keys the record by portal and builds a deep link on the console host the user is on', () => {
    expect(record.key).toBe('hubspot:4815162:person:101');
    expect(record.url).toBe('https://app-eu1.hubspot.com/contacts/4815162/record/0-1/101');
  });

  it('turns HubSpot strings into typed fields', () => {
    expect(record.title).toBe('Ann Lee');
    expect(record.fields.emails).toEqual(['Ann.Lee@Acme-Robotics.com', 'ann.lee.home@gmail.com']);
    expect(record.fields.phones).toEqual(['+1 415-555-0100']);
    expect(record.fields.createdAt).toBe(Date.parse('2024-01-02T03:04:05.000Z'));
    expect(record.fields.lastModifiedAt).toBe(1718000000000);
    expect(record.fields.ownerName).toBe('Dana Scully');
    expect(record.fields.lifecycleStage).toBe('customer');
  });

  it('prefers the associated company over the free-text company property, and links it once', () => {
    expect(record.fields.companyName).toBe('Acme Robotics');
    expect(record.links).toEqual(['hubspot:4815162:company:5001']);
  });

  it('normalises identities and search tokens', () => {
    expect(record.identities).toEqual(['email:ann.lee@acme-robotics.com', 'email:annleehome@gmail.com', 'phone:+14155550100']);
    expect(record.tokens).toEqual(expect.arrayContaining(['ann', 'lee', 'ann.lee@acme-robotics.com', 'acme-robotics.com', 'acme', 'robotics']));
  });

  it('falls back to the email, then the id, when a contact has no name', () => {
    const nameless = { ...contact, properties: { email: 'x@y.io' } };
    expect(normalizeHubspotContact(nameless, ctx).title).toBe('x@y.io');
    expect(normalizeHubspotContact({ ...contact, properties: {} }, ctx).title).toBe('Contact 101');
  });
});

describe('normalizeHubspotCompany', () => {
  it('types revenue in minor units in the portal currency and never treats free mail as a domain', () => {
    const company: HubspotObject = {
      id: '5001',
      properties: { name: 'Acme Robotics', domain: 'www.Acme-Robotics.com', annualrevenue: '1250000.50', numberofemployees: '120', hs_lastmodifieddate: '2024-05-01T00:00:00Z' },
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-05-01T00:00:00Z',
    };
    const record = normalizeHubspotCompany(company, ctx);
    expect(record.fields.domain).toBe('acme-robotics.com');
    expect(record.identities).toEqual(['domain:acme-robotics.com']);
    expect(record.fields.annualRevenue).toEqual({ amountMinor: 125000050, currency: 'EUR' });
    expect(record.fields.employees).toBe(120);
    expect(record.url).toBe('https://app-eu1.hubspot.com/contacts/4815162/record/0-2/5001');
    const freeMail = normalizeHubspotCompany({ ...company, properties: { name: 'Solo', domain: 'gmail.com' } }, ctx);
    expect(freeMail.identities).toEqual([]);
  });
});

describe('parseHubspotDate', () => {
  it.each([
    ['2025-02-11T15:52:10.273Z', 1739289130273],
    ['1572480000000', 1572480000000],
    ['', undefined],
    [null, undefined],
    ['yesterday', undefined],
  ])('%s → %s', (input, expected) => {
    expect(parseHubspotDate(input)).toBe(expected);
  });
});

describe('dealsByStage', () => {
  it('sums decimal-string amounts into minor units per stage and counts deals', async () => {
    const { dealsByStage } = await import('../../../src/connectors/hubspot/index');
    const deal = (id: string, amount: string | null, dealstage: string) => ({ id, properties: { amount, dealstage }, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' });
    const stages = dealsByStage([deal('1', '1500.50', 'contractsent'), deal('2', '99', 'contractsent'), deal('3', null, 'qualifiedtobuy'), deal('4', 'n/a', 'qualifiedtobuy')]);
    expect(Object.fromEntries(stages)).toEqual({ contractsent: { valueMinor: 159950, count: 2 }, qualifiedtobuy: { valueMinor: 0, count: 2 } });
  });
});

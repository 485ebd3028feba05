import { describe, expect, it } from 'vitest';
import {
  normalizeHubspotCompany,
  normalizeHubspotContact,
  normalizeHubspotDeal,
  normalizeHubspotTicket,
  parseHubspotDate,
  stagesFromPipelines,
} from '../../../src/connectors/hubspot/normalize';
import { hubspotObjectSchema, hubspotPipelinesSchema, type HubspotObject } from '../../../src/connectors/hubspot/schemas';
import { keyFacts } from '../../../src/identity/key-facts';
import { customerRecordSchema } from '../../../src/model/record';
import { HUBSPOT_PIPELINES } from '../../replica/hubspot.mjs';

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
    // Emails are searched through the identities; the personal address's domain is no company.
    expect(record.tokens).toEqual(['ann', 'lee', 'ann lee', 'acme-robotics.com']);
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

describe('normalizeHubspotDeal', () => {
  const dealStages = stagesFromPipelines(hubspotPipelinesSchema.parse(HUBSPOT_PIPELINES.deals));
  // As GET /crm/v3/objects/deals/{id}?associations=contacts,companies returns it: every property a string.
  const deal = hubspotObjectSchema.parse({
    id: '7041',
    properties: {
      dealname: 'Acme Robotics – Expansion',
      amount: '1234.56',
      deal_currency_code: null,
      dealstage: 'contractsent',
      pipeline: 'default',
      closedate: '2024-03-31T00:00:00Z',
      createdate: '2024-01-05T10:00:00.000Z',
      hs_lastmodifieddate: '2024-02-01T10:00:00.000Z',
      hubspot_owner_id: '71234501',
      hs_object_id: '7041',
    },
    associations: {
      contacts: { results: [{ id: '101', type: 'deal_to_contact' }] },
      companies: { results: [{ id: '5001', type: 'deal_to_company' }, { id: '5001', type: 'deal_to_company_unlabeled' }] },
    },
    createdAt: '2024-01-05T10:00:00.000Z',
    updatedAt: '2024-02-01T10:00:00.000Z',
    archived: false,
  });

  it('turns the amount string into minor units in the portal currency, names the stage, links contacts and companies', () => {
    const record = customerRecordSchema.parse(normalizeHubspotDeal(deal, { ...ctx, dealStages }));
    expect(record).toMatchObject({
      key: 'hubspot:4815162:deal:7041',
      type: 'deal',
      title: 'Acme Robotics – Expansion',
      url: 'https://app-eu1.hubspot.com/contacts/4815162/record/0-3/7041',
      identities: [],
      links: ['hubspot:4815162:person:101', 'hubspot:4815162:company:5001'],
      updatedAt: Date.parse('2024-02-01T10:00:00.000Z'),
    });
    expect(record.fields).toEqual({
      amount: { amountMinor: 123456, currency: 'EUR' },
      status: 'Contract Sent',
      ownerId: '71234501',
      ownerName: 'Dana Scully',
      createdAt: Date.parse('2024-01-05T10:00:00.000Z'),
      lastModifiedAt: Date.parse('2024-02-01T10:00:00.000Z'),
    });
  });

  it('prefers the deal’s own currency, falls back to the stage id, and leaves out what is missing', () => {
    const own = normalizeHubspotDeal({ ...deal, properties: { ...deal.properties, amount: '99.999', deal_currency_code: 'gbp', dealstage: '123456789' } }, { ...ctx, dealStages });
    expect(own.fields.amount).toEqual({ amountMinor: 10000, currency: 'GBP' });
    expect(own.fields.status).toBe('123456789');
    const bare = normalizeHubspotDeal({ ...deal, properties: { amount: '', dealstage: null }, associations: undefined }, { ...ctx, currency: undefined }, ['hubspot:4815162:person:101']);
    expect(bare.title).toBe('Deal 7041');
    expect(bare.fields.amount).toBeUndefined();
    expect(bare.fields.status).toBeUndefined();
    expect(bare.links).toEqual(['hubspot:4815162:person:101']);
    expect(normalizeHubspotDeal({ ...deal, properties: { amount: '10' } }, { ...ctx, currency: undefined }).fields.amount).toEqual({ amountMinor: 1000, currency: 'USD' });
  });

  it('does not link the same record twice when the request that found it already knows it', () => {
    expect(normalizeHubspotDeal(deal, ctx, ['hubspot:4815162:person:101']).links).toEqual(['hubspot:4815162:person:101', 'hubspot:4815162:company:5001']);
  });
});

describe('normalizeHubspotTicket', () => {
  const ticketStages = stagesFromPipelines(hubspotPipelinesSchema.parse(HUBSPOT_PIPELINES.tickets));
  const ticket = (id: string, stage: string | null, extra: Record<string, string | null> = {}) =>
    hubspotObjectSchema.parse({
      id,
      properties: { subject: `Ticket subject ${id}`, content: 'Long text', hs_pipeline: '0', hs_pipeline_stage: stage, hs_ticket_priority: 'HIGH', createdate: '2024-01-12T09:00:00.000Z', hs_lastmodifieddate: '2024-01-14T09:00:00.000Z', ...extra },
      associations: { contacts: { results: [{ id: '101', type: 'ticket_to_contact' }] }, companies: { results: [{ id: '5001', type: 'ticket_to_company' }] } },
      createdAt: '2024-01-12T09:00:00.000Z',
      updatedAt: '2024-01-14T09:00:00.000Z',
    });

  it('reads the stage’s ticketState into an open/closed status, keeps the label and priority as tags', () => {
    const record = customerRecordSchema.parse(normalizeHubspotTicket(ticket('9001', '2'), { ...ctx, ticketStages }));
    expect(record).toMatchObject({
      key: 'hubspot:4815162:ticket:9001',
      type: 'ticket',
      title: 'Ticket subject 9001',
      url: 'https://app-eu1.hubspot.com/contacts/4815162/record/0-5/9001',
      links: ['hubspot:4815162:person:101', 'hubspot:4815162:company:5001'],
    });
    expect(record.fields).toEqual({
      subject: 'Ticket subject 9001',
      status: 'open',
      tags: ['Waiting on contact', 'high priority'],
      createdAt: Date.parse('2024-01-12T09:00:00.000Z'),
      lastModifiedAt: Date.parse('2024-01-14T09:00:00.000Z'),
    });
    expect(normalizeHubspotTicket(ticket('9002', '4'), { ...ctx, ticketStages }).fields.status).toBe('closed');
  });

  it('knows the default pipeline without the pipelines API, and shows unknown stages as they are', () => {
    expect(normalizeHubspotTicket(ticket('1', '1'), ctx).fields).toMatchObject({ status: 'open', tags: ['New', 'high priority'] });
    expect(normalizeHubspotTicket(ticket('2', '4'), ctx).fields.status).toBe('closed');
    const custom = normalizeHubspotTicket(ticket('3', '98765', { hs_pipeline: '555' }), ctx);
    expect(custom.fields.status).toBe('98765');
    const customKnown = stagesFromPipelines({ results: [{ id: '555', label: 'Escalations', stages: [{ id: '98765', label: 'Engineering looking', metadata: { ticketState: 'OPEN' } }] }] });
    expect(normalizeHubspotTicket(ticket('3', '98765', { hs_pipeline: '555' }), { ...ctx, ticketStages: customKnown }).fields).toMatchObject({ status: 'open', tags: ['Engineering looking', 'high priority'] });
    expect(normalizeHubspotTicket(ticket('4', null, { subject: null, hs_ticket_priority: null }), ctx)).toMatchObject({ title: 'Ticket 4', fields: {} });
  });

  it('counts open HubSpot tickets in key facts, next to Zendesk’s', () => {
    const withStages = { ...ctx, ticketStages };
    const hubspotTickets = [ticket('9001', '3'), ticket('9002', '4'), ticket('9003', '1')].map((t) => normalizeHubspotTicket(t, withStages));
    const person = normalizeHubspotContact(contact, ctx);
    const zendeskOpen = { ...hubspotTickets[0]!, key: 'zendesk:acme:ticket:1', connector: 'zendesk' as const, fields: { status: 'open' } };
    const facts = keyFacts({ root: person, members: [person], associated: [], activity: [...hubspotTickets, zendeskOpen], sharedIdentities: [], overrides: { splits: [], merges: [] } });
    expect(facts.openTickets.value).toBe(3);
  });
});

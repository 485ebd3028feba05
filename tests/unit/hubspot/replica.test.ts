import { describe, expect, it } from 'vitest';
import { makeHubspotData } from '../../replica/seed.mjs';
import { HUBSPOT_PIPELINES } from '../../replica/hubspot.mjs';
import { hubspotObjectSchema, hubspotOwnerSchema, hubspotPipelinesSchema } from '../../../src/connectors/hubspot/schemas';
import {
  normalizeHubspotCompany,
  normalizeHubspotContact,
  normalizeHubspotDeal,
  normalizeHubspotTicket,
  stagesFromPipelines,
} from '../../../src/connectors/hubspot/normalize';
import { customerRecordSchema } from '../../../src/model/record';

const data = makeHubspotData();
const ctx = { portal: String(data.portalId), consoleHost: 'app.hubspot.com', fetchedAt: 0 };

describe('HubSpot replica demo data', () => {
  it('speaks HubSpot: every contact, company and owner parses with the connector’s own schemas', () => {
    for (const contact of data.contacts) normalizeHubspotContact(hubspotObjectSchema.parse(contact), ctx);
    for (const company of data.companies) normalizeHubspotCompany(hubspotObjectSchema.parse(company), ctx);
    for (const owner of data.owners) hubspotOwnerSchema.parse(owner);
    expect(data.contacts).toHaveLength(240);
    expect(data.companies).toHaveLength(60);
  });

  it('has deals and tickets that parse, with pipelines whose stages name every stage they use', () => {
    const dealStages = stagesFromPipelines(hubspotPipelinesSchema.parse(HUBSPOT_PIPELINES.deals));
    const ticketStages = stagesFromPipelines(hubspotPipelinesSchema.parse(HUBSPOT_PIPELINES.tickets));
    const deals = data.deals.map((d) => customerRecordSchema.parse(normalizeHubspotDeal(hubspotObjectSchema.parse(d), { ...ctx, dealStages })));
    const tickets = data.tickets.map((t) => customerRecordSchema.parse(normalizeHubspotTicket(hubspotObjectSchema.parse(t), { ...ctx, ticketStages })));
    expect(deals).toHaveLength(80);
    expect(deals.every((d) => d.fields.status && dealStages.has(data.deals.find((x) => x.id === d.id)!.properties.dealstage ?? ''))).toBe(true);
    expect(tickets.every((t) => t.fields.status === 'open' || t.fields.status === 'closed')).toBe(true);
    // Ann: an open and a closed ticket, and Acme Robotics' deals, one of them open.
    const annTickets = [...data.ticketContact].filter(([, contact]) => contact === '101').map(([id]) => tickets.find((t) => t.id === id)!);
    expect(annTickets.map((t) => t.fields.status).sort()).toEqual(['closed', 'open']);
    const annDeals = [...data.dealContacts].filter(([, contacts]) => contacts.includes('101')).map(([id]) => data.deals.find((d) => d.id === id)!);
    expect(annDeals.some((d) => d.properties.hs_is_closed === 'false')).toBe(true);
    expect(annDeals.every((d) => data.dealCompany.get(d.id) === '5001')).toBe(true);
  });

  it('keeps every property a string or null, as HubSpot does', () => {
    const values = [...data.contacts, ...data.companies, ...data.deals, ...data.tickets].flatMap((o) => Object.values(o.properties));
    expect(values.every((v) => v === null || typeof v === 'string')).toBe(true);
  });

  it('has unique emails and the documented fixture contact', () => {
    const emails = data.contacts.map((c) => c.properties.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
    expect(data.contacts[0]).toMatchObject({ id: '101', properties: { firstname: 'Ann', lastname: 'Lee', email: 'ann.lee@acme-robotics.com' } });
    expect(data.contactCompany.get('101')).toBe('5001');
    expect(data.contactCompany.has('102')).toBe(false);
  });

  it('is the same for the same seed and different for another', () => {
    expect(makeHubspotData(42).contacts[50]).toEqual(data.contacts[50]);
    expect(makeHubspotData(7).contacts[50]).not.toEqual(data.contacts[50]);
  });
});

import { describe, expect, it } from 'vitest';
import { makeHubspotData } from '../../replica/seed.mjs';
import { hubspotObjectSchema, hubspotOwnerSchema } from '../../../src/connectors/hubspot/schemas';
import { normalizeHubspotCompany, normalizeHubspotContact } from '../../../src/connectors/hubspot/normalize';

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

  it('keeps every property a string or null, as HubSpot does', () => {
    const values = [...data.contacts, ...data.companies].flatMap((o) => Object.values(o.properties));
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

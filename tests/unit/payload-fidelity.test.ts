import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizePayload } from '../../src/import/normalize-payload';
import { readSample } from './samples';

/** Payloads of the kinds the shared corpus lacks, written from each vendor's documented shape. */
const fixture = (vendor: string, file: string): unknown => JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/payloads', vendor, file), 'utf8'));

describe('HubSpot objects are read as what they are', () => {
  it('reads a search answer of deals as deals, not contacts', () => {
    const records = normalizePayload('hubspot', fixture('hubspot', 'deals_search.json'));
    expect(records.map((r) => [r.type, r.title])).toEqual([
      ['deal', 'Acme Robotics renewal'],
      ['deal', 'Deal 47941183902'],
    ]);
    expect(records[0]!.fields).toMatchObject({ amount: { amountMinor: 150000, currency: 'USD' }, status: 'contractsent' });
    expect(records.every((r) => r.identities.length === 0)).toBe(true);
  });

  it('reads a search answer of tickets as tickets', () => {
    const [ticket] = normalizePayload('hubspot', fixture('hubspot', 'tickets_search.json'));
    expect(ticket).toMatchObject({ type: 'ticket', title: 'Export broken', fields: { subject: 'Export broken', status: 'open' } });
  });

  it('still reads contacts and companies', () => {
    expect(normalizePayload('hubspot', readSample('hubspot', 'contact_get_docs_example_DERIVED_decoded.json'))[0]!.type).toBe('person');
  });

  it('refuses an object it cannot place instead of guessing a contact', () => {
    expect(() => normalizePayload('hubspot', fixture('hubspot', 'unplaceable_list.json'))).toThrow(/id 9001\) has none of the properties/);
  });

  it('says an error body is a HubSpot error response', () => {
    expect(() => normalizePayload('hubspot', readSample('hubspot', 'error.json'))).toThrow('This is a HubSpot error response, not records: VALIDATION_ERROR: Invalid input');
  });
});

describe('Stripe envelopes, payments and legacy subscriptions', () => {
  it('reads the customers of a search result and counts the objects it skips', () => {
    const notes: string[] = [];
    const records = normalizePayload('stripe', fixture('stripe', 'search_result_mixed.json'), notes);
    expect(records.map((r) => [r.type, r.title])).toEqual([['person', 'Jenny Rosen']]);
    expect(notes).toEqual(['Skipped 2 Stripe payment_method objects: not a customer, subscription, invoice or payment.']);
  });

  it('reads an event by its data.object', () => {
    const event = { id: 'evt_1', object: 'event', type: 'customer.created', created: 1680569016, livemode: false, data: { object: (fixture('stripe', 'search_result_mixed.json') as { data: unknown[] }).data[0] } };
    expect(normalizePayload('stripe', event).map((r) => r.key)).toEqual(['stripe:import:person:cus_NeGfPRiPKxeBi1']);
    const notes: string[] = [];
    expect(normalizePayload('stripe', readSample('stripe', 'event.json'), notes)).toEqual([]);
    expect(notes).toEqual([expect.stringContaining('Skipped 1 Stripe plan object')]);
  });

  it('reads charges and payment intents as payments of their customer, counted once in lifetime value', () => {
    const records = normalizePayload('stripe', fixture('stripe', 'customer_with_payments_list.json'));
    const customer = records.find((r) => r.type === 'person')!;
    // 50 € charged less 10 € refunded, plus a 20 € intent with no charge; the failed intent and the charged intent add nothing.
    expect(customer.fields.lifetimeValue).toEqual({ amountMinor: 6000, currency: 'EUR' });
    const payments = records.filter((r) => r.type === 'order');
    // The same payment records the connector makes: the amount kept (0 when not paid), how it ended.
    expect(payments.map((r) => [r.id, r.fields.amount?.amountMinor, r.fields.status, r.fields.orderKind])).toEqual([
      ['ch_3MmlLrLkdIwHu7ix0snN0B15', 4000, 'partly refunded', 'payment'],
      ['pi_3MtwBwLkdIwHu7ix28a3tqPa', 2000, 'paid', 'payment'],
      ['pi_3MtwBwLkdIwHu7ix28a3tqPb', 0, 'requires_payment_method', 'payment'],
    ]);
    for (const payment of payments) expect(payment.links).toEqual([customer.key]);
    expect(normalizePayload('stripe', readSample('stripe', 'charge.json'))[0]).toMatchObject({ type: 'order', fields: { amount: { amountMinor: 100, currency: 'USD' } } });
    expect(normalizePayload('stripe', readSample('stripe', 'payment_intent.json'))[0]).toMatchObject({ type: 'order', id: 'pi_1PgafyB7WZ01zgkWSjxsAJo3' });
  });

  it('reads a legacy subscription with a plan and no currency', () => {
    const [subscription] = normalizePayload('stripe', fixture('stripe', 'subscription_legacy_plan.json'));
    // £240 a year for two seats is £40 a month.
    expect(subscription).toMatchObject({ type: 'subscription', fields: { status: 'active', mrr: { amountMinor: 4000, currency: 'GBP' } }, links: ['stripe:import:person:cus_AJ6sGz3wUyuQ3v'] });
  });

  it('says an error body is a Stripe error response', () => {
    expect(() => normalizePayload('stripe', fixture('stripe', 'error_invalid_request.json'))).toThrow("This is a Stripe error response, not records: resource_missing: No such customer: 'cus_nope'");
  });
});

describe('Pipedrive search answers and v1 deals', () => {
  it('reads a v1 person search answer, emails and phones as plain strings', () => {
    const [person] = normalizePayload('pipedrive', fixture('pipedrive', 'persons_search_v1.json'));
    expect(person).toMatchObject({ type: 'person', title: 'Jane Doe', fields: { emails: ['jane@acme-robotics.com', 'j.doe@example.com'], phones: ['+1 415 555 0123'], companyName: 'Acme Robotics', ownerId: '1234' }, links: ['pipedrive:import:company:1'] });
    expect(person!.identities).toEqual(['email:jane@acme-robotics.com', 'email:j.doe@example.com', 'phone:+14155550123']);
  });

  it('reads a v2 search answer of deals and organisations as what they are', () => {
    const records = normalizePayload('pipedrive', fixture('pipedrive', 'deals_search_v2.json'));
    expect(records.map((r) => [r.type, r.title])).toEqual([['deal', 'Acme Robotics deal'], ['company', 'Acme Robotics']]);
    expect(records[0]).toMatchObject({ fields: { amount: { amountMinor: 150050, currency: 'EUR' }, ownerId: '1234' }, links: ['pipedrive:import:person:1', 'pipedrive:import:company:1'] });
    expect(records[1]!.links).toEqual([]);
  });

  it('keeps a v1 deal’s owner from user_id', () => {
    const [deal] = normalizePayload('pipedrive', fixture('pipedrive', 'deal_v1.json'));
    expect(deal!.fields).toMatchObject({ ownerId: '8877', ownerName: 'Olga Owner' });
  });
});

describe('Zendesk wrappers', () => {
  it('reads the plural organizations list', () => {
    const records = normalizePayload('zendesk', fixture('zendesk', 'organizations_list.json'));
    expect(records.map((r) => [r.type, r.title, r.fields.domain])).toEqual([
      ['company', 'One Organization', 'example.com'],
      ['company', 'Other Organization', undefined],
    ]);
  });

  it('reads a ticket with its side-loaded users', () => {
    const { ticket } = readSample('zendesk', 'ticket.json') as { ticket: unknown };
    const { user } = readSample('zendesk', 'user.json') as { user: unknown };
    expect(normalizePayload('zendesk', { ticket, users: [user] }).map((r) => r.type)).toEqual(['person', 'ticket']);
  });

  it('recognises ticket metrics and says why nothing is imported from them', () => {
    const notes: string[] = [];
    expect(normalizePayload('zendesk', readSample('zendesk', 'ticket_metrics.json'), notes)).toEqual([]);
    expect(notes).toEqual([expect.stringMatching(/^Read 1 Zendesk ticket metric .*not records/)]);
  });

  it('says an error body is a Zendesk error response', () => {
    expect(() => normalizePayload('zendesk', { error: 'RecordNotFound', description: 'Not found' })).toThrow('This is a Zendesk error response, not records: RecordNotFound: Not found');
  });
});

describe('Salesforce relationship queries', () => {
  it('reads accounts with their contacts from a child subquery, linked both ways', () => {
    const records = normalizePayload('salesforce', fixture('salesforce', 'accounts_with_contacts_subquery.json'));
    expect(records.map((r) => [r.type, r.title])).toEqual([
      ['company', 'Acme Robotics'],
      ['person', 'Ann Lee'],
      ['person', 'Bo Gray'],
      ['company', 'Globex'],
    ]);
    const [acme, ann, bo] = records;
    expect(acme!.links).toEqual([ann!.key, bo!.key]);
    expect(ann!.links).toEqual([acme!.key]);
    expect(ann!.identities).toEqual(['email:ann.lee@acme-robotics.com']);
  });

  it('fills the company, owner and links from parent fields, and makes a national phone an identity by the mailing country', () => {
    const [lena] = normalizePayload('salesforce', fixture('salesforce', 'contacts_with_parent_fields.json'));
    expect(lena).toMatchObject({ fields: { companyName: 'Beispiel GmbH', ownerName: 'Guy Smiley', ownerId: '005D0000001az2kIAA' }, links: ['salesforce:import:company:001D000000IRFmcIAH'] });
    expect(lena!.identities).toEqual(['email:lena.fischer@example.de', 'phone:+4930901820']);
    const [account] = normalizePayload('salesforce', readSample('salesforce', 'soql_query_relationship_field.json'));
    expect(account!.fields).toMatchObject({ ownerName: 'Guy Smiley', ownerId: '005B0000008UC2PIAW' });
  });
});

describe('Older and looser shapes', () => {
  it('reads a GA4 report whose metadata booleans are null, and says nothing is imported from it', () => {
    const report = { ...(readSample('ga4', 'run_report_basic.json') as object), metadata: { currencyCode: 'USD', timeZone: 'Europe/Berlin', dataLossFromOtherRow: null, subjectToThresholding: null } };
    const notes: string[] = [];
    expect(normalizePayload('ga4', report, notes)).toEqual([]);
    expect(notes).toEqual(['Checked a Google Analytics report of 2 rows: GA4 holds no people or companies, so nothing was imported.']);
  });

  it('recognises Intercom subscription types instead of calling them unrecognised', () => {
    const notes: string[] = [];
    expect(normalizePayload('intercom', readSample('intercom', 'contact_subscriptions.json'), notes)).toEqual([]);
    expect(notes).toEqual([expect.stringMatching(/^Read \d+ Intercom subscription types \(Newsletters \(email\).*nothing was imported/)]);
  });
});

describe('Values', () => {
  const contact = readSample('intercom', 'contact.json') as Record<string, unknown>;

  it('decodes the HTML entities Intercom writes into names, to text', () => {
    const [person] = normalizePayload('intercom', { ...contact, name: 'Ann &amp; Bo &lt;b&gt;Lee&lt;/b&gt; &#39;Jr&#x2019;' });
    expect(person!.title).toBe("Ann & Bo <b>Lee</b> 'Jr’");
    const notes: string[] = [];
    normalizePayload('intercom', { type: 'list', data: [{ type: 'subscription', id: '1', state: 'live', consent_type: 'opt_in', default_translation: { name: 'Phone &amp; SMS', locale: 'en' }, translations: [], content_types: ['sms_message'] }] }, notes);
    expect(notes[0]).toContain('(Phone & SMS (SMS))');
  });

  it('never makes a phone identity of a North American number with too few digits', () => {
    const [short] = normalizePayload('intercom', { ...contact, phone: '+1 555-1234' });
    expect(short!.fields.phones).toEqual(['+1 555-1234']);
    expect(short!.identities.some((id) => id.startsWith('phone:'))).toBe(false);
    const [full] = normalizePayload('intercom', { ...contact, phone: '+1 415-555-0132' });
    expect(full!.identities).toContain('phone:+14155550132');
  });
});

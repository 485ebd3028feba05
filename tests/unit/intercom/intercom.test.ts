import { describe, expect, it, vi } from 'vitest';
import type { z } from '../../../src/model/zod-setup';
import { readSample, sampleFiles } from '../samples';
import { parseVendorPayload } from '../../../src/connectors/errors';
import { intercomPages } from '../../../src/connectors/intercom/pages';
import {
  intercomCompanyList,
  intercomCompanySchema,
  intercomContactCompanies,
  intercomContactList,
  intercomContactSchema,
  intercomConversationList,
  intercomConversationSchema,
  intercomErrorSchema,
  intercomMe,
  intercomSubscriptionList,
  intercomTagList,
} from '../../../src/connectors/intercom/schemas';
import { intercomPlainText, normalizeIntercomCompany, normalizeIntercomContact, normalizeIntercomConversation } from '../../../src/connectors/intercom/normalize';
import { IntercomApi, intercomConsoleHost, intercomOrigin } from '../../../src/connectors/intercom/api';
import { normalizeIntercomPayload } from '../../../src/connectors/intercom/payload';
import { customerRecordSchema } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { INTERCOM_ANN, INTERCOM_APP_ID, makeIntercomData } from '../../replica/intercom.mjs';

const ctx = { appId: 'abc123', consoleHost: 'app.intercom.com', fetchedAt: 1_700_000_000_000 };
const detect = (href: string) => {
  const url = new URL(href);
  for (const detector of intercomPages) {
    const context = detector.detect(url);
    if (context) return context;
  }
  return null;
};

const expectations: Record<string, z.ZodMiniType> = {
  'companies_list.json': intercomCompanyList,
  'company.json': intercomCompanySchema,
  'contact.json': intercomContactSchema,
  'contact_subscriptions.json': intercomSubscriptionList,
  'contacts_list.json': intercomContactList,
  'conversation.json': intercomConversationSchema,
};

describe('Intercom schemas on the published responses', () => {
  it('has an expectation for every sample file', () => {
    expect(sampleFiles('intercom').sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('parses %s', (file, schema) => {
    expect(() => parseVendorPayload('Intercom', schema, readSample('intercom', file), file)).not.toThrow();
  });

  it('reads the error.list shape and refuses a contact with a numeric id', () => {
    expect(intercomErrorSchema.parse({ type: 'error.list', request_id: 'x', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] }).errors[0]!.code).toBe('unauthorized');
    const bad = { ...(readSample('intercom', 'contact.json') as object), id: 70 };
    expect(() => parseVendorPayload('Intercom', intercomContactSchema, bad, 'contact')).toThrow(/id/);
  });

  it('normalises a contact with unix seconds, identities and subscriptions as memberships', () => {
    const contact = intercomContactSchema.parse(readSample('intercom', 'contact.json'));
    const subscriptions = intercomSubscriptionList.parse(readSample('intercom', 'contact_subscriptions.json')).data;
    const record = normalizeIntercomContact(contact, ctx, { subscriptions });
    expect(customerRecordSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({
      key: 'intercom:abc123:person:6762f0d01bb69f9f2193bb7d',
      type: 'person',
      id: '6762f0d01bb69f9f2193bb7d',
      title: 'Joe Bloggs',
      identities: ['email:joe@bloggs.com'],
      links: [],
      url: 'https://app.intercom.com/a/apps/abc123/users/6762f0d01bb69f9f2193bb7d/all-conversations',
      updatedAt: 1734537424000,
    });
    // Only the opt-in type (93, SMS) is a membership; 91 is an opt-out the contact left.
    expect(record.fields).toEqual({ name: 'Joe Bloggs', emails: ['joe@bloggs.com'], lifecycleStage: 'user', memberships: ['Newsletters (SMS)'], createdAt: 1734537424000, lastModifiedAt: 1734537424000 });
    expect(record.tokens).toContain('bloggs.com');
  });

  it('normalises companies and a conversation (title from the HTML body, links to the contact)', () => {
    const company = normalizeIntercomCompany(intercomCompanySchema.parse(readSample('intercom', 'company.json')), ctx);
    expect(customerRecordSchema.parse(company)).toEqual(company);
    expect(company).toMatchObject({ key: 'intercom:abc123:company:6762f07f1bb69f9f2193baf5', title: 'company1', identities: [], url: 'https://app.intercom.com/a/apps/abc123/companies/6762f07f1bb69f9f2193baf5' });
    expect(company.fields).toEqual({ name: 'company1', createdAt: 1734537343000, lastModifiedAt: 1734537343000 });
    const listed = intercomCompanyList.parse(readSample('intercom', 'companies_list.json')).data.map((c) => normalizeIntercomCompany(c, ctx).title);
    expect(listed).toEqual(['IntercomQATest1']);

    const conversation = normalizeIntercomConversation(intercomConversationSchema.parse(readSample('intercom', 'conversation.json')), ctx);
    expect(customerRecordSchema.parse(conversation)).toEqual(conversation);
    expect(conversation).toMatchObject({
      key: 'intercom:abc123:conversation:503',
      type: 'conversation',
      title: 'this is the message body',
      links: ['intercom:abc123:person:6762f1261bb69f9f2193bba7'],
      url: 'https://app.intercom.com/a/inbox/abc123/inbox/conversation/503',
    });
    expect(conversation.fields).toEqual({ status: 'closed', ownerId: '991267715', tags: ['Test tag'], createdAt: 1734537511000, lastModifiedAt: 1734537511000, lastActivityAt: 1734537511000 });
  });

  it('maps website, size, plan, money and last activity; never throws on odd values', () => {
    const company = intercomCompanySchema.parse({ ...(readSample('intercom', 'company.json') as object), website: 'https://www.Acme-Robotics.com/about', size: 120, monthly_spend: 99.5, last_request_at: 1734600000, plan: { type: 'plan', id: '1', name: 'Growth' } });
    expect(normalizeIntercomCompany(company, { ...ctx, currency: 'USD' })).toMatchObject({ identities: ['domain:acme-robotics.com'], fields: { domain: 'acme-robotics.com', employees: 120, mrr: { amountMinor: 9950, currency: 'USD' }, memberships: ['Growth'], lastActivityAt: 1734600000000 } });
    const odd = intercomContactSchema.parse({ ...(readSample('intercom', 'contact.json') as object), email: 'not an email', name: null, role: 'lead', last_seen_at: 1734600000, last_replied_at: 1734700000, companies: { type: 'list', data: [{ type: 'company', id: 'c1', url: '/companies/c1' }] } });
    const record = normalizeIntercomContact(odd, ctx);
    expect(record).toMatchObject({ title: 'not an email', identities: [], links: ['intercom:abc123:company:c1'], fields: { lifecycleStage: 'lead', lastActivityAt: 1734700000000 } });
    expect(record.fields.emails).toBeUndefined();
    expect(intercomPlainText('<p>Tom &amp; Jerry&#39;s <b>order</b></p>')).toBe("Tom & Jerry's order");
    expect(intercomPlainText('x'.repeat(200)).length).toBe(80);
    const started = Date.now();
    expect(intercomPlainText('<'.repeat(1_000_000))).toBe('<'.repeat(79) + '…');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reads payload files by their type and refuses others with a path', () => {
    expect(normalizeIntercomPayload(readSample('intercom', 'contact.json'), 'import').map((r) => r.key)).toEqual(['intercom:import:person:6762f0d01bb69f9f2193bb7d']);
    expect(normalizeIntercomPayload(readSample('intercom', 'companies_list.json'), 'import').map((r) => r.type)).toEqual(['company']);
    expect(normalizeIntercomPayload(readSample('intercom', 'conversation.json'), 'import')[0]!.type).toBe('conversation');
    expect(normalizeIntercomPayload(readSample('intercom', 'contacts_list.json'), 'import')).toEqual([]);
    expect(() => normalizeIntercomPayload({ type: 'list', data: [{ type: 'admin', id: '1' }] }, 'import')).toThrow(/list item 0/);
    expect(() => normalizeIntercomPayload({ type: 'admin' }, 'import')).toThrow(/type “admin”/);
    expect(() => normalizeIntercomPayload({ type: 'contact', id: 1 }, 'import')).toThrow(expect.objectContaining({ kind: 'schema' }));
  });
});

describe('Intercom API', () => {
  it('only ever talks to the three regional API origins', () => {
    expect(intercomOrigin('')).toBe('https://api.intercom.io');
    expect(intercomOrigin(undefined)).toBe('https://api.intercom.io');
    expect(intercomOrigin('US')).toBe('https://api.intercom.io');
    expect(intercomOrigin(' eu ')).toBe('https://api.eu.intercom.io');
    expect(intercomOrigin('au')).toBe('https://api.au.intercom.io');
    expect(intercomConsoleHost('eu')).toBe('app.eu.intercom.com');
    for (const bad of ['evil.com', 'eu.evil.com', 'api.intercom.io@evil.com', 'https://evil.example', 'uk', 'e u', '../x', 'eu/../../evil', 'ca']) {
      expect(() => intercomOrigin(bad)).toThrow(expect.objectContaining({ kind: 'auth' }));
      expect(() => new IntercomApi({ token: 't', site: bad })).toThrow(/not an Intercom region/);
    }
  });

  it('sends the bearer token and Intercom-Version to the region’s API', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify(readSample('intercom', 'contact.json')), { status: 200 }));
    await new IntercomApi({ token: 'T0K', site: 'eu' }, fetchImpl as unknown as typeof fetch).contact('6762f0d01bb69f9f2193bb7d');
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://api.eu.intercom.io/contacts/6762f0d01bb69f9f2193bb7d');
    expect(init.headers).toMatchObject({ authorization: 'Bearer T0K', 'Intercom-Version': '2.11' });
  });

  it('searches with POST bodies and pages contacts with starting_after', async () => {
    const fetchImpl = vi.fn(async (url: string) => new Response(JSON.stringify(url.includes('conversations') ? { type: 'conversation.list', conversations: [], total_count: 0 } : readSample('intercom', 'contacts_list.json')), { status: 200 }));
    const api = new IntercomApi({ token: 'T' }, fetchImpl as unknown as typeof fetch);
    await api.searchContactsByEmail('Ann@x.com');
    await api.contactConversations('c1', 10);
    await api.contactsPage('WzE3MDAwMDBd');
    const calls = fetchImpl.mock.calls as unknown as [string, RequestInit][];
    expect(calls[0]![0]).toBe('https://api.intercom.io/contacts/search');
    expect(calls[0]![1].method).toBe('POST');
    expect(JSON.parse(String(calls[0]![1].body))).toEqual({ query: { field: 'email', operator: '=', value: 'Ann@x.com' }, pagination: { per_page: 5 } });
    expect(JSON.parse(String(calls[1]![1].body)).query).toEqual({ field: 'contact_ids', operator: '=', value: 'c1' });
    expect(calls[2]![0]).toBe('https://api.intercom.io/contacts?per_page=150&starting_after=WzE3MDAwMDBd');
  });

  it('reports a 401 as an auth error', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ type: 'error.list', request_id: 'r', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] }), { status: 401 }));
    await expect(new IntercomApi({ token: 'bad' }, fetchImpl as unknown as typeof fetch).me()).rejects.toMatchObject({ kind: 'auth' });
  });
});

describe('Intercom replica', () => {
  const data = makeIntercomData(makeHubspotData());
  it('speaks Intercom: everything parses with the connector’s schemas', () => {
    intercomContactList.parse({ type: 'list', data: data.contacts, total_count: data.contacts.length });
    intercomCompanyList.parse({ type: 'list', data: data.companies });
    intercomContactCompanies.parse({ type: 'list', data: data.companies.slice(0, 2), total_count: 2 });
    intercomConversationList.parse({ type: 'conversation.list', conversations: data.conversations, total_count: data.conversations.length });
    for (const subscriptions of data.contactSubscriptions.values()) intercomSubscriptionList.parse({ type: 'list', data: subscriptions });
    for (const tags of data.contactTags.values()) intercomTagList.parse({ type: 'list', data: tags });
    for (const contact of data.contacts) expect(customerRecordSchema.safeParse(normalizeIntercomContact(intercomContactSchema.parse(contact), ctx)).success).toBe(true);
    expect(intercomMe.safeParse({ type: 'admin', id: '1', app: { id_code: INTERCOM_APP_ID, name: 'Acme Demo' } }).success).toBe(true);
  });

  it('has Ann Lee with her email in capitals, Acme Robotics and two conversations, one open', () => {
    const ann = data.contacts.find((c: { id: string }) => c.id === INTERCOM_ANN.id);
    expect(ann).toMatchObject({ name: 'Ann Lee', email: 'ANN.LEE@acme-robotics.com', role: 'user' });
    const record = normalizeIntercomContact(intercomContactSchema.parse(ann), { ...ctx, appId: INTERCOM_APP_ID });
    expect(record.identities).toContain('email:ann.lee@acme-robotics.com');
    expect(record.url).toBe(INTERCOM_ANN.consoleUrl);
    const acme = data.companies.find((c: { id: string }) => c.id === ann.companies.data[0].id);
    expect(normalizeIntercomCompany(intercomCompanySchema.parse(acme), ctx).identities).toEqual(['domain:acme-robotics.com']);
    const states = data.conversations.filter((c: { contacts: { contacts: { id: string }[] } }) => c.contacts.contacts[0]!.id === ann.id).map((c: { state: string }) => c.state);
    expect(states.sort()).toEqual(['closed', 'open']);
    expect(detect(INTERCOM_ANN.consoleUrl)).toMatchObject({ account: INTERCOM_APP_ID, type: 'person', id: INTERCOM_ANN.id });
  });
});

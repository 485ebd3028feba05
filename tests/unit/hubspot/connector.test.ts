// The HubSpot connector end to end against the replica: fetch is routed to the replica's handleApi
// in-process (no server), so the real paths, associations, batch reads and pipelines are exercised.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearHubspotCaches, hubspot } from '../../../src/connectors/hubspot';
import { HubspotApi } from '../../../src/connectors/hubspot/api';
import { detectPage } from '../../../src/connectors/page-registry';
import { keyFacts, timeline } from '../../../src/identity/key-facts';
import { resolveProfile } from '../../../src/identity/resolve';
import { sourceOf } from '../demo-records';
import type { Connection } from '../../../src/model/health';
import type { RecordPageContext } from '../../../src/model/page-context';
import { customerRecordSchema, type CustomerRecord } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createHubspotReplica, HUBSPOT_DEMO_TOKEN } from '../../replica/hubspot.mjs';
import { answerFromReplica } from '../replica-fetch';

const replica = createHubspotReplica(makeHubspotData());
const hosts: string[] = [];

const replicaFetch = answerFromReplica(replica, hosts);

const credentials = { token: HUBSPOT_DEMO_TOKEN };
let connection: Connection;
const PORTAL = '4815162';
const key = (type: string, id: string) => `hubspot:${PORTAL}:${type}:${id}`;
const page = (href: string) => detectPage(href) as RecordPageContext;
type Logged = { method: string; path: string };
const requestsDuring = async <T>(run: () => Promise<T>): Promise<{ result: T; calls: string[] }> => {
  const before = replica.state.requests.length;
  const result = await run();
  return { result, calls: (replica.state.requests.slice(before) as Logged[]).map((r) => `${r.method} ${r.path}`) };
};
const byKey = (records: CustomerRecord[]) => new Map(records.map((r) => [r.key, r]));

beforeAll(async () => {
  vi.stubGlobal('fetch', vi.fn(replicaFetch));
  connection = { ...(await hubspot.verify(credentials)), connectedAt: 0 };
});
beforeEach(() => {
  replica.state.faults.length = 0;
});
afterAll(() => vi.unstubAllGlobals());
// About sixty requests in this file: the connector's own limiter (50 per 10 s) makes the last tests wait.
vi.setConfig({ testTimeout: 20_000 });

describe('HubSpot contact with its deals and tickets', () => {
  it('reads Ann with her company, her newest deals and tickets: one batch read per kind, pipelines once', async () => {
    clearHubspotCaches();
    const { result, calls } = await requestsDuring(() => hubspot.fetchRecord(page(`https://app.hubspot.com/contacts/${PORTAL}/record/0-1/101`), credentials, connection));
    const records = result.records.map((r) => customerRecordSchema.parse(r));
    expect(records.map((r) => r.key)).toEqual([
      key('person', '101'),
      key('company', '5001'),
      key('deal', '7041'),
      key('deal', '7008'),
      key('deal', '7005'),
      key('ticket', '9002'),
      key('ticket', '9001'),
    ]);
    const all = byKey(records);
    // Ann links to her company and to every deal and ticket of hers; each deal and ticket links back to her
    // and to the company whose own associations name it (batch reads carry no associations).
    expect(records[0]!.links).toEqual([key('company', '5001'), key('deal', '7041'), key('deal', '7008'), key('deal', '7005'), key('ticket', '9002'), key('ticket', '9001')]);
    expect(records[1]!.links).toEqual(expect.arrayContaining([key('person', '101'), key('deal', '7041'), key('ticket', '9001')]));
    expect(all.get(key('deal', '7041'))).toMatchObject({
      type: 'deal',
      title: 'Acme Robotics – Expansion',
      url: `https://app.hubspot.com/contacts/${PORTAL}/record/0-3/7041`,
      links: [key('person', '101'), key('company', '5001')],
      fields: { amount: { amountMinor: 50000, currency: 'USD' }, status: 'Appointment Scheduled' },
    });
    expect(all.get(key('deal', '7005'))!.fields.status).toBe('Closed Won');
    expect(all.get(key('ticket', '9001'))).toMatchObject({
      type: 'ticket',
      title: 'Robot arm calibration fails after firmware update',
      url: `https://app.hubspot.com/contacts/${PORTAL}/record/0-5/9001`,
      links: [key('person', '101'), key('company', '5001')],
      fields: { subject: 'Robot arm calibration fails after firmware update', status: 'open', tags: ['Waiting on us', 'high priority'], ownerId: '71234501', ownerName: 'Dana Scully' },
    });
    expect(all.get(key('ticket', '9002'))!.fields).toMatchObject({ status: 'closed', tags: ['Closed', 'low priority'] });

    const count = (prefix: string) => calls.filter((c) => c.startsWith(prefix)).length;
    expect(calls.find((c) => c.startsWith('GET /crm/v3/objects/contacts/101?'))).toContain('associations=companies%2Cdeals%2Ctickets');
    expect(count('GET /crm/v3/objects/contacts/101')).toBe(1);
    expect(count('POST /crm/v3/objects/deals/batch/read')).toBe(1);
    expect(count('POST /crm/v3/objects/tickets/batch/read')).toBe(1);
    expect(count('GET /crm/v3/pipelines/deals')).toBe(1);
    expect(count('GET /crm/v3/pipelines/tickets')).toBe(1);
    expect(calls.find((c) => c.startsWith('GET /crm/v3/objects/companies/5001?'))).toContain('associations=contacts%2Cdeals%2Ctickets');
    expect(calls.length).toBeLessThanOrEqual(8);

    // The pipelines are remembered for the portal: a refresh does not read them again.
    const again = await requestsDuring(() => hubspot.fetchRecord(page(`https://app.hubspot.com/contacts/${PORTAL}/record/0-1/101`), credentials, connection));
    expect(again.calls.filter((c) => c.includes('/pipelines/'))).toEqual([]);
    expect(again.result.records.map((r) => r.key)).toEqual(records.map((r) => r.key));
    expect(hosts.every((host) => host === 'api.hubapi.com')).toBe(true);
  });

  it('counts Ann’s open HubSpot ticket in her key facts and shows deals and tickets on her timeline', async () => {
    const { records } = await hubspot.fetchRecord(page(`https://app.hubspot.com/contacts/${PORTAL}/record/0-1/101`), credentials, connection);
    const profile = await resolveProfile(records[0]!, sourceOf(records));
    expect(profile.activity.map((r) => r.key).sort()).toEqual([key('deal', '7005'), key('deal', '7008'), key('deal', '7041'), key('ticket', '9001'), key('ticket', '9002')].sort());
    expect(keyFacts(profile).openTickets.value).toBe(1);
    expect(timeline(profile)[0]!.key).toBe(key('ticket', '9001'));
  });

  it('reads a contact without deals or tickets with no batch read and no pipelines', async () => {
    const { result, calls } = await requestsDuring(() => hubspot.fetchRecord(page(`https://app.hubspot.com/contacts/${PORTAL}/record/0-1/102`), credentials, connection));
    expect(result.records.map((r) => r.type)).toEqual(['person']);
    expect(calls.filter((c) => c.includes('batch/read') || c.includes('pipelines'))).toEqual([]);
  });

  it('still shows the contact when the token may not read deal or ticket associations (403), and remembers that', async () => {
    clearHubspotCaches();
    replica.state.faults.push({ pathIncludes: '/crm/v3/objects/contacts/101', status: 403, body: { status: 'error', message: 'This app hasn’t been granted all required scopes to make this call.', category: 'MISSING_SCOPES' }, times: 1 });
    const { result, calls } = await requestsDuring(() => hubspot.fetchRecord(page(`https://app.hubspot.com/contacts/${PORTAL}/record/0-1/101`), credentials, connection));
    expect(result.records.map((r) => r.type)).toEqual(['person', 'company']);
    expect(calls.filter((c) => c.startsWith('GET /crm/v3/objects/contacts/101'))).toEqual([
      expect.stringContaining('associations=companies%2Cdeals%2Ctickets'),
      expect.stringMatching(/associations=companies$/),
    ]);
    expect(result.records[0]!.links).toEqual([key('company', '5001')]);
    const again = await requestsDuring(() => hubspot.fetchRecord(page(`https://app.hubspot.com/contacts/${PORTAL}/record/0-1/101`), credentials, connection));
    expect(again.calls.filter((c) => c.startsWith('GET /crm/v3/objects/')).map((c) => c.replace(/\?.*associations=/, ' ').replace(/&.*$/, ''))).toEqual([
      'GET /crm/v3/objects/contacts/101 companies',
      'GET /crm/v3/objects/companies/5001 contacts',
    ]);
    clearHubspotCaches();
  });
});

describe('HubSpot pipelines, search and sync', () => {
  it('shows stage ids when the deal pipelines cannot be read, without asking again each time', async () => {
    clearHubspotCaches();
    replica.state.faults.push({ pathIncludes: '/crm/v3/pipelines/deals', status: 403, body: { status: 'error', message: 'missing scopes', category: 'MISSING_SCOPES' }, times: 1 });
    const { records } = await hubspot.fetchRecord(page(`https://app.hubspot.com/contacts/${PORTAL}/record/0-1/101`), credentials, connection);
    const all = byKey(records);
    expect(all.get(key('deal', '7041'))!.fields.status).toBe('appointmentscheduled');
    expect(all.get(key('ticket', '9001'))!.fields.status).toBe('open');
    const again = await requestsDuring(() => hubspot.fetchRecord(page(`https://app.hubspot.com/contacts/${PORTAL}/record/0-1/101`), credentials, connection));
    expect(again.calls.filter((c) => c.includes('/pipelines/'))).toEqual([]);
    clearHubspotCaches();
  });

  it('finds Ann by email with her links to her deals and tickets, without reading them', async () => {
    const { result, calls } = await requestsDuring(() => hubspot.findByEmail('ann.lee@acme-robotics.com', credentials, connection));
    expect(result.records.map((r) => r.type)).toEqual(['person', 'company']);
    expect(result.records[0]!.links).toContain(key('ticket', '9001'));
    expect(calls.filter((c) => c.includes('batch/read'))).toEqual([]);
  });

  it('syncs contacts and companies with their deal and ticket links', async () => {
    const first = await hubspot.sync(null, credentials, connection);
    const acme = first.records.find((r) => r.id === '5001')!;
    expect(customerRecordSchema.parse(acme).links).toEqual(expect.arrayContaining([key('person', '101'), key('deal', '7041')]));
    const contacts = await hubspot.sync(JSON.stringify({ kind: 'contacts', after: null }), credentials, connection);
    expect(contacts.records.find((r) => r.id === '101')!.links).toEqual(expect.arrayContaining([key('company', '5001'), key('deal', '7041'), key('ticket', '9002')]));
  });
});

describe('HubSpot company with its deals', () => {
  it('reads Acme Robotics with its deals and its people’s tickets, linked to the company', async () => {
    const { result } = await requestsDuring(() => hubspot.fetchRecord(page(`https://app.hubspot.com/contacts/${PORTAL}/record/0-2/5001`), credentials, connection));
    const records = result.records.map((r) => customerRecordSchema.parse(r));
    expect(records[0]!.key).toBe(key('company', '5001'));
    expect(records[0]!.links).toEqual(expect.arrayContaining([key('person', '101'), key('deal', '7041'), key('deal', '7005'), key('ticket', '9001')]));
    const deals = records.filter((r) => r.type === 'deal');
    expect(deals.map((d) => d.id)).toEqual(['7041', '7008', '7005']);
    expect(deals.every((d) => d.links.includes(key('company', '5001')))).toBe(true);
    const tickets = records.filter((r) => r.type === 'ticket');
    expect(tickets.map((t) => t.id)).toEqual(expect.arrayContaining(['9001', '9002']));
    expect(tickets.every((t) => t.links.includes(key('company', '5001')))).toBe(true);
  });
});

describe('HubSpot deal and ticket pages', () => {
  it('reads a deal from its record page with its contacts and companies', async () => {
    const { result, calls } = await requestsDuring(() => hubspot.fetchRecord(page(`https://app-eu1.hubspot.com/contacts/${PORTAL}/record/0-3/7041/view/1`), credentials, connection));
    expect(result.records).toHaveLength(1);
    const deal = customerRecordSchema.parse(result.records[0]);
    expect(deal).toMatchObject({
      key: key('deal', '7041'),
      title: 'Acme Robotics – Expansion',
      url: `https://app-eu1.hubspot.com/contacts/${PORTAL}/record/0-3/7041`,
      links: [key('person', '101'), key('company', '5001')],
      fields: { amount: { amountMinor: 50000, currency: 'USD' }, status: 'Appointment Scheduled' },
    });
    expect(calls.find((c) => c.startsWith('GET /crm/v3/objects/deals/7041?'))).toContain('associations=contacts%2Ccompanies');
  });

  it('reads a ticket from its legacy URL as open, linked to its contact and company', async () => {
    const { records } = await hubspot.fetchRecord(page(`https://app.hubspot.com/contacts/${PORTAL}/ticket/9001`), credentials, connection);
    expect(customerRecordSchema.parse(records[0])).toMatchObject({
      key: key('ticket', '9001'),
      links: [key('person', '101'), key('company', '5001')],
      fields: { status: 'open', subject: 'Robot arm calibration fails after firmware update' },
    });
  });

  it('says when a deal does not exist', async () => {
    await expect(hubspot.fetchRecord(page(`https://app.hubspot.com/contacts/${PORTAL}/record/0-3/123456`), credentials, connection)).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('HubSpot batch read', () => {
  it('leaves out ids HubSpot no longer has (207) and asks for at most 20', async () => {
    const api = new HubspotApi(HUBSPOT_DEMO_TOKEN);
    expect((await api.batchRead('deals', ['7041', '999999'])).map((d) => d.id)).toEqual(['7041']);
    const { calls } = await requestsDuring(() => api.batchRead('tickets', Array.from({ length: 30 }, (_, i) => String(9001 + i))));
    expect(calls).toEqual(['POST /crm/v3/objects/tickets/batch/read']);
    const sent = vi.mocked(fetch).mock.calls.at(-1)![1]!;
    expect(JSON.parse(String(sent.body)).inputs).toHaveLength(20);
    expect(await api.batchRead('tickets', [])).toEqual([]);
  });
});

describe('HubSpot companies by domain', () => {
  it('finds Acme Robotics by its registrable domain, read with its associations, and nothing for a stranger', async () => {
    const { result, calls } = await requestsDuring(() => hubspot.findByDomain!('acme-robotics.com', credentials, connection));
    expect(result.records.map((r) => [r.key, r.title])).toEqual([[key('company', '5001'), 'Acme Robotics']]);
    expect(calls[0]).toBe('POST /crm/v3/objects/companies/search');
    expect(calls[1]).toMatch(/^GET \/crm\/v3\/objects\/companies\/5001\?.*associations=/);
    // Its people and deals stay linked: a company found this way no longer overwrites a cached one without them.
    expect(result.records[0]!.links).toEqual(expect.arrayContaining([key('person', '101'), expect.stringContaining(':deal:')]));
    expect((await hubspot.findByDomain!('nobody-here.example', credentials, connection)).records).toEqual([]);
  });
});

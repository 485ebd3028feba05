import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { customerDb } from '../../src/store/db';
import { getRecord, saveRecords } from '../../src/store/records';
import { profileOf } from '../../src/store/profiles';
import { hubspotObjectSchema } from '../../src/connectors/hubspot/schemas';
import { normalizeHubspotCompany, normalizeHubspotContact } from '../../src/connectors/hubspot/normalize';
import { clearHubspotCaches } from '../../src/connectors/hubspot';
import { connectorFor, connectors } from '../../src/connectors/registry';
import { peopleTools } from '../../src/ui/panel/use-company-people';
import type { Connection } from '../../src/model/health';
import { contactIdsOfCompany, makeHubspotData } from '../replica/seed.mjs';
import { createHubspotReplica, HUBSPOT_DEMO_TOKEN } from '../replica/hubspot.mjs';
import { answerFromReplica } from './replica-fetch';

// The company-people service against the HubSpot replica, with the browser's storage in memory
// and a fake-indexeddb store: what the panel's People list reads after a company is opened.
vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./memory-browser')).memoryBrowser() }));
const { browser } = await import('../../src/platform/browser');
const { readCompanyPeople } = await import('../../src/background/company-people-service');

const data = makeHubspotData();
const replica = createHubspotReplica(data);
const PORTAL = String(data.portalId);
const ctx = { portal: PORTAL, consoleHost: 'app.hubspot.com', fetchedAt: 1 };
const hubspot: Connection = { connector: 'hubspot', authMode: 'token', account: PORTAL, accountLabel: `Portal ${PORTAL}`, consoleHost: 'app.hubspot.com', isSandbox: false, connectedAt: 1 };
const raw = (kind: 'contacts' | 'companies', id: string) => hubspotObjectSchema.parse(data[kind].find((o: { id: string }) => o.id === id));
const acme = normalizeHubspotCompany(raw('companies', '5001'), ctx);
const acmeIds = contactIdsOfCompany(data, '5001');
const db = customerDb();
const associationCalls = () => replica.state.requests.filter((r: { path: string }) => r.path.includes('/associations/contacts')).length;

beforeAll(() => vi.stubGlobal('fetch', vi.fn(answerFromReplica(replica))));
afterAll(() => vi.unstubAllGlobals());
beforeEach(async () => {
  clearHubspotCaches();
  replica.state.faults.length = 0;
  await Promise.all(db.tables.map((table) => table.clear()));
  const local = browser.storage.local;
  await local.remove(Object.keys(await local.get(null)));
  await local.set({ 'connection:hubspot': hubspot, 'secret:hubspot': HUBSPOT_DEMO_TOKEN });
  await saveRecords([acme]);
});

describe('a company’s people, read when it is opened', () => {
  it('saves every person HubSpot associates with the company, so its profile lists them all', async () => {
    expect((await profileOf(acme)).associated).toEqual([]);
    await expect(readCompanyPeople(acme.key, false)).resolves.toEqual({ ok: true, data: { tools: [{ connector: 'hubspot', state: 'ok', count: acmeIds.length }] } });
    const people = (await profileOf(acme)).associated.filter((r) => r.type === 'person');
    expect(people.map((p) => p.id).sort()).toEqual([...acmeIds].sort());
    expect((await db.health.get('hubspot'))?.lastSuccessAt).toEqual(expect.any(Number));
  });

  it('keeps what a cached person already linked to (her deals), read in full before', async () => {
    const ann = normalizeHubspotContact(raw('contacts', '101'), ctx);
    const withDeal = { ...ann, links: [...ann.links, `hubspot:${PORTAL}:deal:7041`] };
    await saveRecords([withDeal]);
    await readCompanyPeople(acme.key, false);
    expect((await getRecord(ann.key))?.links).toEqual(expect.arrayContaining([`hubspot:${PORTAL}:deal:7041`, acme.key]));
  });

  it('asks again only after a while or when the user refreshes', async () => {
    await readCompanyPeople(acme.key, false);
    const asked = associationCalls();
    await expect(readCompanyPeople(acme.key, false)).resolves.toMatchObject({ ok: true, data: { tools: [{ state: 'ok', count: acmeIds.length }] } });
    expect(associationCalls()).toBe(asked);
    await readCompanyPeople(acme.key, true);
    expect(associationCalls()).toBe(asked + 1);
  });

  it('says in HubSpot’s words why it could not list them, and keeps the people already known', async () => {
    // Ann, read before from her own page, which linked her to Acme.
    await saveRecords([{ ...normalizeHubspotContact(raw('contacts', '101'), ctx), links: [acme.key] }]);
    replica.state.faults.push({ pathIncludes: '/associations/contacts', status: 403, body: { status: 'error', message: 'This app hasn’t been granted all required scopes to make this call.', category: 'MISSING_SCOPES' }, times: 1 });
    const reply = await readCompanyPeople(acme.key, true);
    expect(reply.ok && reply.data.tools[0]).toMatchObject({ connector: 'hubspot', state: 'error', error: { kind: 'auth', message: expect.stringContaining('required scopes') } });
    expect((await profileOf(acme)).associated.map((p) => p.id)).toEqual(['101']);
  });

  it('asks nothing of a record that is not a company', async () => {
    const ann = normalizeHubspotContact(raw('contacts', '101'), ctx);
    await saveRecords([ann]);
    await expect(readCompanyPeople(ann.key, false)).resolves.toMatchObject({ ok: false, error: { kind: 'rejected' } });
  });
});

describe('which tools the panel says it is loading from', () => {
  it('names the connected tools that list people and have the company, once each', () => {
    const pipedriveOrg = { ...acme, key: 'pipedrive:acme:company:1', connector: 'pipedrive' as const, account: 'acme' };
    expect(peopleTools([acme, acme], [hubspot])).toEqual(['hubspot']);
    expect(peopleTools([acme], [{ ...hubspot, account: '999' }])).toEqual([]);
    expect(peopleTools([acme, pipedriveOrg], [hubspot, { ...hubspot, connector: 'pipedrive', account: 'acme' }])).toEqual(
      ['hubspot', 'pipedrive'].filter((id) => connectorFor(id as 'hubspot').companyPeople),
    );
  });

  it('says a tool lists people exactly when its connector can', () => {
    for (const connector of connectors) expect([connector.id, !!connector.traits.companyPeople]).toEqual([connector.id, !!connector.companyPeople]);
  });
});

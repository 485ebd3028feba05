// A company's people read from HubSpot's associations when the company is opened, against the
// replica: v4 association pages, then batch reads of the contacts, each person linked to the company.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clearHubspotCaches, hubspot } from '../../../src/connectors/hubspot';
import { HubspotApi } from '../../../src/connectors/hubspot/api';
import type { Connection } from '../../../src/model/health';
import { customerRecordSchema } from '../../../src/model/record';
import { addBulkContacts, contactIdsOfCompany, makeHubspotData } from '../../replica/seed.mjs';
import { createHubspotReplica, HUBSPOT_DEMO_TOKEN } from '../../replica/hubspot.mjs';
import { answerFromReplica } from '../replica-fetch';

const data = makeHubspotData();
// 1,200 more contacts spread over the 60 companies; then all but Acme's join 5002 (a crowd) and 5060 has none.
addBulkContacts(data, 1_200);
for (const [contact, company] of data.contactCompany) if ((Number(contact) >= 1_000_000 && company !== '5001') || company === '5060') data.contactCompany.set(contact, '5002');
const replica = createHubspotReplica(data);
const credentials = { token: HUBSPOT_DEMO_TOKEN };
const PORTAL = '4815162';
let connection: Connection;

const requestsDuring = async <T>(run: () => Promise<T>) => {
  const before = replica.state.requests.length;
  const result = await run();
  return { result, calls: (replica.state.requests.slice(before) as Array<{ method: string; path: string }>).map((r) => `${r.method} ${r.path.split('?')[0]}`) };
};

beforeAll(async () => {
  vi.stubGlobal('fetch', vi.fn(answerFromReplica(replica)));
  connection = { ...(await hubspot.verify(credentials)), connectedAt: 0 };
  clearHubspotCaches();
});
afterAll(() => vi.unstubAllGlobals());
vi.setConfig({ testTimeout: 20_000 });

describe('HubSpot company people', () => {
  it('lists every contact associated with Acme Robotics, named, each linked to the company', async () => {
    const expected = contactIdsOfCompany(data, '5001');
    expect(expected.length).toBeGreaterThan(5);
    const { result, calls } = await requestsDuring(() => hubspot.companyPeople!('5001', credentials, connection));
    const people = result.records.map((r) => customerRecordSchema.parse(r));
    expect(people.map((p) => p.id).sort()).toEqual([...expected].sort());
    expect(people.every((p) => p.type === 'person' && p.links.includes(`hubspot:${PORTAL}:company:5001`))).toBe(true);
    const ann = people.find((p) => p.id === '101')!;
    expect(ann.title).toBe('Ann Lee');
    expect(ann.fields.emails).toContain('ann.lee@acme-robotics.com');
    expect(calls.filter((c) => !c.includes('/owners/'))).toEqual(['GET /crm/v4/objects/companies/5001/associations/contacts', 'POST /crm/v3/objects/contacts/batch/read']);
  });

  it('pages through the associations and reads at most 200 people of a crowded company, 100 per batch', async () => {
    const associated = contactIdsOfCompany(data, '5002');
    expect(associated.length).toBeGreaterThan(1_000);
    const { result, calls } = await requestsDuring(() => hubspot.companyPeople!('5002', credentials, connection));
    expect(result.records).toHaveLength(200);
    expect(result.records.map((r) => r.id)).toEqual(associated.slice(0, 200));
    expect(calls.filter((c) => c.includes('batch/read'))).toHaveLength(2);
    // Past the first page of 500 ids, the `after` cursor HubSpot hands out is followed.
    const ids = await new HubspotApi(HUBSPOT_DEMO_TOKEN).companyContactIds('5002', 1_100);
    expect(ids).toEqual(associated.slice(0, 1_100));
  });

  it('says which company HubSpot does not know', async () => {
    await expect(hubspot.companyPeople!('9999999', credentials, connection)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('a company without contacts has no people, not an error', async () => {
    expect(contactIdsOfCompany(data, '5060')).toEqual([]);
    const { result, calls } = await requestsDuring(() => hubspot.companyPeople!('5060', credentials, connection));
    expect(result.records).toEqual([]);
    expect(calls.some((c) => c.includes('batch/read'))).toBe(false);
  });
});

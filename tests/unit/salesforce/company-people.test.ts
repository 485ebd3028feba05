import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { salesforce } from '../../../src/connectors/salesforce';
import { customerRecordSchema } from '../../../src/model/record';
import type { Connection } from '../../../src/model/health';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createSalesforceReplica, SALESFORCE_DEMO_TOKEN, SALESFORCE_SITE } from '../../replica/salesforce.mjs';
import { answerFromReplica } from '../replica-fetch';

// An account's contacts, read by SOQL when the company is opened, against the replica.
type Row = { Id: string; Name: string; AccountId?: string | null; CreatedDate: string };
const replica = createSalesforceReplica(makeHubspotData());
const data = replica.data as unknown as Record<'Account' | 'Contact', Row[]>;
const credentials = { site: SALESFORCE_SITE, token: SALESFORCE_DEMO_TOKEN };
let connection: Connection;

beforeAll(async () => {
  vi.stubGlobal('fetch', vi.fn(answerFromReplica(replica)));
  connection = { ...(await salesforce.verify(credentials)), connectedAt: 1 };
});
afterAll(() => vi.unstubAllGlobals());

describe('Salesforce account contacts', () => {
  it('lists every contact of the Acme Robotics account, each linked to it, in one query', async () => {
    const acme = data.Account.find((a) => a.Name === 'Acme Robotics')!;
    const expected = data.Contact.filter((c) => c.AccountId === acme.Id);
    expect(expected.length).toBeGreaterThan(1);
    const before = replica.state.requests.length;
    const { records } = await salesforce.companyPeople!(acme.Id, credentials, connection);
    const people = records.map((r) => customerRecordSchema.parse(r));
    expect(people.map((p) => p.title).sort()).toEqual(expected.map((c) => c.Name).sort());
    expect(people.every((p) => p.type === 'person' && p.links.includes(`salesforce:${connection.account}:company:${acme.Id}`))).toBe(true);
    const queries = (replica.state.requests.slice(before) as Array<{ path: string }>).map((r) => decodeURIComponent(r.path.replace(/\+/g, ' ')));
    expect(queries.some((q) => /FROM Contact WHERE AccountId IN \('[\w]+'\) ORDER BY CreatedDate ASC LIMIT 200$/.test(q))).toBe(true);
  });

  it('says which account Salesforce does not show this user', async () => {
    await expect(salesforce.companyPeople!('001000000000000AAA', credentials, connection)).rejects.toMatchObject({ kind: 'not-found' });
  });
});

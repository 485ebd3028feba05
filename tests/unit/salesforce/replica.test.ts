import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { salesforce } from '../../../src/connectors/salesforce';
import { salesforcePages } from '../../../src/connectors/salesforce/pages';
import {
  salesforceAccountSchema,
  salesforceCaseSchema,
  salesforceContactSchema,
  salesforceLeadSchema,
  salesforceOpportunitySchema,
  salesforceOrganizationSchema,
} from '../../../src/connectors/salesforce/schemas';
import { normalizeSalesforceContact } from '../../../src/connectors/salesforce/normalize';
import { customerRecordSchema, type CustomerRecord } from '../../../src/model/record';
import type { Connection } from '../../../src/model/health';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createSalesforceReplica, runSoql, SALESFORCE_ANN, SALESFORCE_DEMO_TOKEN, SALESFORCE_SITE } from '../../replica/salesforce.mjs';
import { answerFromReplica } from '../replica-fetch';

type Row = Record<string, unknown> & { Id: string; Email?: string; AccountId?: string | null; ContactId?: string; IsClosed?: boolean };
const replica = createSalesforceReplica(makeHubspotData());
const data = replica.data as unknown as Record<'Account' | 'Contact' | 'Lead' | 'Opportunity' | 'Case' | 'Organization', Row[]>;

/** fetch, answered by the replica's handler in-process; every request must go to the instance host. */
const bridge = answerFromReplica(replica);

const credentials = { site: SALESFORCE_SITE, token: SALESFORCE_DEMO_TOKEN };
let connection: Connection;

beforeAll(async () => {
  vi.stubGlobal('fetch', vi.fn(bridge));
  connection = { ...(await salesforce.verify(credentials)), connectedAt: 1 };
});
afterAll(() => {
  vi.unstubAllGlobals();
});

describe('Salesforce replica data', () => {
  it('parses with the connector’s schemas', () => {
    for (const r of data.Contact) salesforceContactSchema.parse(r);
    for (const r of data.Lead) salesforceLeadSchema.parse(r);
    for (const r of data.Account) salesforceAccountSchema.parse(r);
    for (const r of data.Opportunity) salesforceOpportunitySchema.parse(r);
    for (const r of data.Case) salesforceCaseSchema.parse(r);
    salesforceOrganizationSchema.parse(data.Organization[0]);
  });

  it('has Ann Lee as a Contact with another email case, under Acme Robotics, with open work', () => {
    const ann = data.Contact.find((c) => c.Id === SALESFORCE_ANN.id)!;
    expect(ann).toMatchObject({ Name: 'Ann Lee', Email: 'Ann.Lee@acme-robotics.com', Account: { Name: 'Acme Robotics' } });
    const record = normalizeSalesforceContact(salesforceContactSchema.parse(ann), { org: 'o', consoleHost: 'acme.lightning.force.com', currency: 'USD', fetchedAt: 1 });
    expect(record.identities).toEqual(['email:ann.lee@acme-robotics.com', 'phone:+14155550100', expect.stringMatching(/^phone:\+1/)]);
    expect(data.Case.filter((c) => c.ContactId === ann.Id && !c.IsClosed)).toHaveLength(1);
    expect(data.Opportunity.filter((o) => o.AccountId === ann.AccountId && !o.IsClosed)).toHaveLength(2);
    expect(data.Lead.length).toBeGreaterThan(10);
  });

  it('refuses queries it was not written for, the way Salesforce does', () => {
    expect(runSoql(replica.data, 'SELECT Id FROM Contact WHERE Name LIKE \'%a%\'')).toMatchObject({ status: 400, body: [{ errorCode: 'MALFORMED_QUERY' }] });
    expect(runSoql(replica.data, 'SELECT Bacon__c FROM Account LIMIT 2')).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_FIELD' }] });
    expect(runSoql(replica.data, 'SELECT Id FROM User')).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_TYPE' }] });
  });

  it('answers a bad token with INVALID_SESSION_ID and serves Lightning pages with the person’s name', async () => {
    const res = await bridge('https://acme.my.salesforce.com/services/data/v62.0/query?q=x', { headers: { authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    let html = '';
    replica.handleConsole({ method: 'GET', headers: {} } as never, { writeHead: () => undefined, end: (b: string) => (html = b) } as never, new URL(SALESFORCE_ANN.consoleUrl));
    expect(html).toContain('Ann Lee');
  });
});

describe('Salesforce connector against the replica', () => {
  it('verifies: org id, name, Lightning host, currency', () => {
    expect(connection).toMatchObject({ connector: 'salesforce', account: data.Organization[0]!.Id, accountLabel: expect.stringContaining('Acme Demo Inc.'), consoleHost: 'acme.lightning.force.com', isSandbox: false, currency: 'USD' });
    expect(connection.account).toHaveLength(18);
  });

  it('fetches Ann from her Lightning page with her account, open opportunities and open case', async () => {
    const page = salesforcePages.map((d) => d.detect(new URL(SALESFORCE_ANN.consoleUrl))).find(Boolean)!;
    const { records } = await salesforce.fetchRecord({ ...page, account: connection.account }, credentials, connection);
    for (const r of records) customerRecordSchema.parse(r);
    const [ann, ...rest] = records as [CustomerRecord, ...CustomerRecord[]];
    expect(ann).toMatchObject({ key: `salesforce:${connection.account}:person:${SALESFORCE_ANN.id}`, title: 'Ann Lee', url: SALESFORCE_ANN.consoleUrl, fields: { companyName: 'Acme Robotics', emails: ['Ann.Lee@acme-robotics.com'] } });
    const account = rest.find((r) => r.type === 'company')!;
    expect(ann.links).toEqual([account.key]);
    expect(account.fields).toMatchObject({ name: 'Acme Robotics', domain: 'acme-robotics.com' });
    expect(rest.filter((r) => r.type === 'deal').map((r) => r.fields.amount)).toEqual([{ amountMinor: 2_400_000, currency: 'USD' }, { amountMinor: 850_000, currency: 'USD' }]);
    expect(rest.filter((r) => r.type === 'ticket').map((r) => r.title)).toEqual(['#00001001 Robot arm calibration fails']);
  });

  it('finds Ann by her normalised email, and nobody with a hostile one', async () => {
    const { records } = await salesforce.findByEmail('ann.lee@acme-robotics.com', credentials, connection);
    expect(records[0]!.id).toBe(SALESFORCE_ANN.id);
    expect(records.map((r) => r.type)).toEqual(['person', 'company', 'deal', 'deal', 'ticket']);
    expect((await salesforce.findByEmail(String.raw`x\' OR Email != '`, credentials, connection)).records).toEqual([]);
    const lead = data.Lead[0]!;
    expect((await salesforce.findByEmail(lead.Email!.toUpperCase(), credentials, connection)).records.map((r) => r.id)).toEqual([lead.Id]);
  });

  it('finds the account by domain, and fetches deals, cases and accounts by id', async () => {
    const { records } = await salesforce.findByDomain!('acme-robotics.com', credentials, connection);
    expect(records.map((r) => r.type)).toEqual(['company', 'deal', 'deal']);
    expect((await salesforce.findByDomain!('robotics.com', credentials, connection)).records).toEqual([]);
    const ctx = (id: string) => ({ connector: 'salesforce' as const, account: connection.account, type: 'deal' as const, id, host: 'acme.my.salesforce.com' });
    const deal = await salesforce.fetchRecord(ctx(data.Opportunity[0]!.Id), credentials, connection);
    expect(deal.records.map((r) => r.type)).toEqual(['deal', 'company']);
    expect(deal.records[0]!.url).toMatch(/^https:\/\/acme\.lightning\.force\.com\/lightning\/r\/Opportunity\//);
    const ticket = await salesforce.fetchRecord({ ...ctx(data.Case[0]!.Id), type: 'ticket' }, credentials, connection);
    expect(ticket.records.map((r) => r.type)).toEqual(['ticket', 'person', 'company']);
    await expect(salesforce.fetchRecord(ctx('0065g0000099999AAA'), credentials, connection)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('syncs accounts, contacts and leads in pages of 200 through nextRecordsUrl', async () => {
    const extra = Array.from({ length: 250 }, (_, i) => ({ ...data.Contact[1]!, Id: `0035g00009${String(i).padStart(5, '0')}AAA`, Email: `bulk${i}@example.org` }));
    data.Contact.push(...extra);
    try {
      const cursors: Array<string | null> = [];
      const keys = new Set<string>();
      let cursor: string | null = null;
      do {
        const page = await salesforce.sync(cursor, credentials, connection);
        page.records.forEach((r) => keys.add(r.key));
        cursor = page.cursor;
        cursors.push(cursor);
      } while (cursor && cursors.length < 20);
      expect(cursors.map((c) => c?.replace(/query\/\w+-/, 'query/<locator>-') ?? null)).toEqual(['Contact', 'Contact:/services/data/v62.0/query/<locator>-200', 'Lead', null]);
      expect(keys.size).toBe(data.Account.length + data.Contact.length + data.Lead.length);
      await expect(salesforce.sync('Contact:https://evil.com/x', credentials, connection)).rejects.toMatchObject({ kind: 'schema' });
      await expect(salesforce.sync('User', credentials, connection)).rejects.toMatchObject({ kind: 'schema' });
    } finally {
      data.Contact.splice(-extra.length);
    }
  });

  it('reads open pipeline, open opportunities, open cases and new leads', async () => {
    const points = await salesforce.metrics!(credentials, connection);
    const open = data.Opportunity.filter((o) => !o.IsClosed);
    const value = (metric: string) => points.find((p) => p.metric === metric)!;
    expect(value('open-pipeline')).toMatchObject({ unit: 'USD', value: open.reduce((s, o) => s + (o.Amount as number) * 100, 0) });
    expect(value('open-opportunities')).toMatchObject({ unit: 'opportunities', value: open.length });
    expect(value('open-cases')).toMatchObject({ unit: 'cases', value: data.Case.filter((c) => !c.IsClosed).length });
    expect(value('new-leads-30d').value).toBeGreaterThan(0);
  });
});

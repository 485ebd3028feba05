// The connector end to end against the replica: fetch is routed to the replica's handleApi
// in-process (no server), so the real paths, auth, paging, rate limit and error shapes are exercised.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { activecampaign } from '../../../src/connectors/activecampaign';
import type { Connection } from '../../../src/model/health';
import { customerRecordSchema, type CustomerRecord } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { ACTIVECAMPAIGN_ANN, ACTIVECAMPAIGN_DEMO_TOKEN, createActiveCampaignReplica } from '../../replica/activecampaign.mjs';
import { answerFromReplica } from '../replica-fetch';

const replica = createActiveCampaignReplica(makeHubspotData());
const hosts: string[] = [];
const credentials = { token: ACTIVECAMPAIGN_DEMO_TOKEN, site: 'https://acme.api-us1.com' };
let connection: Connection;
const parsed = (records: CustomerRecord[]) => records.map((r) => customerRecordSchema.parse(r));

beforeAll(async () => {
  vi.stubGlobal('fetch', vi.fn(answerFromReplica(replica, hosts)));
  connection = { ...(await activecampaign.verify(credentials)), connectedAt: 0 };
});
afterAll(() => vi.unstubAllGlobals());

describe('ActiveCampaign connector on the replica', () => {
  it('verifies the token with one call on the account’s own host and names the account', () => {
    expect(connection).toMatchObject({ connector: 'activecampaign', account: 'acme', accountLabel: 'acme.api-us1.com (admin)', consoleHost: 'acme.activehosted.com', isSandbox: false });
    expect(replica.state.requests[0]).toMatchObject({ host: 'acme.api-us1.com', path: '/api/3/users/me', auth: true });
  });

  it('rejects a wrong token as an auth error', async () => {
    await expect(activecampaign.verify({ ...credentials, token: 'nope' })).rejects.toMatchObject({ kind: 'auth' });
  });

  it('opens Ann’s console page as her contact with both lists and her won deal', async () => {
    const ctx = activecampaign.pages[0]!.detect(new URL(ACTIVECAMPAIGN_ANN.consoleUrl))!;
    const records = parsed((await activecampaign.fetchRecord(ctx, credentials, connection)).records);
    const [ann] = records;
    expect(ann).toMatchObject({ key: 'activecampaign:acme:person:1201', title: 'ANN LEE', identities: ['email:ann.lee@acme-robotics.com'], url: ACTIVECAMPAIGN_ANN.consoleUrl });
    expect(ann!.fields).toMatchObject({ memberships: ['Newsletter: active', 'Customers: active'], status: 'subscribed' });
    expect(records.filter((r) => r.type === 'list').map((r) => r.title)).toEqual(['Newsletter', 'Customers']);
    const deal = records.find((r) => r.type === 'deal')!;
    expect(deal.fields).toMatchObject({ amount: { amountMinor: 1_250_000, currency: 'USD' }, status: 'won' });
    expect(deal.links).toEqual([ann!.key]);
  });

  it('brings Ann’s campaign activity from her tracking log, named by campaign, her last activity the newest click', async () => {
    const ctx = activecampaign.pages[0]!.detect(new URL(ACTIVECAMPAIGN_ANN.consoleUrl))!;
    const records = parsed((await activecampaign.fetchRecord(ctx, credentials, connection)).records);
    const ann = records[0]!;
    const events = records.filter((r) => r.type === 'campaign');
    expect(events.map((e) => `${e.fields.activity} ${e.title}`).sort()).toEqual([
      'click Autumn webinar invite',
      'open Autumn webinar invite',
      'open Spring sale',
      'sent Autumn webinar invite',
      'sent Spring sale',
    ]);
    expect(events.every((e) => e.links.includes(ann.key))).toBe(true);
    const click = events.find((e) => e.fields.activity === 'click')!;
    expect(ann.fields.lastActivityAt).toBe(click.fields.createdAt);
  });

  it('still opens Ann when her tracking log fails, with a warning and no campaign events', async () => {
    replica.state.faults.push({ pathIncludes: '/trackingLogs', status: 500, body: { message: 'Internal error' }, times: 5 });
    const ctx = activecampaign.pages[0]!.detect(new URL(ACTIVECAMPAIGN_ANN.consoleUrl))!;
    const result = await activecampaign.fetchRecord(ctx, credentials, connection);
    replica.state.faults.length = 0;
    expect(result.records[0]).toMatchObject({ title: 'ANN LEE' });
    expect(result.records.some((r) => r.type === 'campaign')).toBe(false);
    expect(result.warnings?.length).toBe(1);
  });

  it('finds Ann by email in another spelling, and nobody for an unknown address', async () => {
    const { records } = await activecampaign.findByEmail('Ann.Lee@Acme-Robotics.com', credentials, connection);
    expect(records[0]!.id).toBe('1201');
    expect((await activecampaign.findByEmail('nobody@example.com', credentials, connection)).records).toEqual([]);
  });

  it('says a missing contact is not found', async () => {
    await expect(activecampaign.fetchRecord({ connector: 'activecampaign', account: 'acme', type: 'person', id: '999999', host: 'acme.activehosted.com' }, credentials, connection)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('syncs every contact by offset pages of 100, lists first, and ends', async () => {
    const seen: CustomerRecord[] = [];
    let cursor: string | null = null;
    let calls = 0;
    do {
      const page = await activecampaign.sync(cursor, credentials, connection);
      seen.push(...page.records);
      cursor = page.cursor;
      calls += 1;
    } while (cursor && calls < 50);
    const people = seen.filter((r) => r.type === 'person');
    expect(new Set(people.map((p) => p.id)).size).toBe(replica.data.contacts.length);
    expect(seen.filter((r) => r.type === 'list').map((r) => r.title)).toEqual(['Newsletter', 'Customers']);
    expect(calls).toBe(Math.ceil(replica.data.contacts.length / 100));
  });

  it('reports contacts, list sizes and campaign open and click rates', async () => {
    const points = await activecampaign.metrics!(credentials, connection);
    const value = (metric: string, dimension?: string) => points.find((p) => p.metric === metric && p.dimension === dimension)?.value;
    expect(value('contacts')).toBe(replica.data.contacts.length);
    const activeOn = (list: string) => replica.data.contactLists.filter((m: { list: string; status: string }) => m.list === list && m.status === '1').length;
    expect(value('list-size', 'Newsletter')).toBe(activeOn('1'));
    expect(value('list-size', 'Customers')).toBe(activeOn('2'));
    expect(value('open-rate', 'Autumn webinar invite')).toBe(43);
    expect(value('click-rate', 'Spring sale')).toBe(5.79);
  });

  it('waits out a 429 and retries', async () => {
    replica.state.faults.push({ pathIncludes: '/users/me', status: 429, headers: { 'retry-after': '0' }, body: { message: 'Too Many Requests' }, times: 1 });
    await expect(activecampaign.verify(credentials)).resolves.toMatchObject({ account: 'acme' });
  });

  it('sends the token only to the account’s API host', () => {
    expect(new Set(hosts)).toEqual(new Set(['acme.api-us1.com']));
  });
});

// The connector end to end against the replica: fetch is routed to the replica's handleApi
// in-process (no server), so the real paths, auth, paging, limits and error shapes are exercised.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { brevo } from '../../../src/connectors/brevo';
import type { Connection } from '../../../src/model/health';
import { customerRecordSchema, type CustomerRecord } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { BREVO_ANN, BREVO_DEMO_KEY, createBrevoReplica } from '../../replica/brevo.mjs';
import { answerFromReplica } from '../replica-fetch';

const replica = createBrevoReplica(makeHubspotData());
const hosts: string[] = [];
const replicaFetch = answerFromReplica(replica, hosts);

const credentials = { token: BREVO_DEMO_KEY };
let connection: Connection;
const parsed = (records: CustomerRecord[]) => records.map((r) => customerRecordSchema.parse(r));
const annPage = () => ({ ...brevo.pages[0]!.detect(new URL(BREVO_ANN.consoleUrl))!, account: connection.account });

beforeAll(async () => {
  vi.stubGlobal('fetch', vi.fn(replicaFetch));
  connection = { ...(await brevo.verify(credentials)), connectedAt: 0 };
});
afterAll(() => vi.unstubAllGlobals());

describe('Brevo connector on the replica', () => {
  it('verifies the key with one call and names the account', () => {
    expect(connection).toMatchObject({ connector: 'brevo', account: '66b2f0c9a1d4e5f6a7b8c9d0', accountLabel: 'Acme Demo Marketing (marketing@acme-demo.com)', consoleHost: 'app.brevo.com', isSandbox: false });
    expect(replica.state.requests.map((r: { path: string }) => r.path)).toEqual(['/v3/account']);
  });

  it('rejects a wrong key as an auth error', async () => {
    await expect(brevo.verify({ token: 'xkeysib-wrong' })).rejects.toMatchObject({ kind: 'auth' });
  });

  it('opens Ann’s contact page with her lists, her deal and her campaign activity', async () => {
    const { records, warnings } = await brevo.fetchRecord(annPage(), credentials, connection);
    expect(warnings).toBeUndefined();
    const [ann, ...rest] = parsed(records);
    expect(ann).toMatchObject({ key: `brevo:${connection.account}:person:1000`, title: 'ANN LEE', identities: ['email:ann.lee@acme-robotics.com', 'phone:+14155550100'], url: BREVO_ANN.consoleUrl });
    expect(ann!.fields).toMatchObject({ emails: ['ann.lee@ACME-Robotics.com'], memberships: ['Customers', 'Webinar attendees'], status: 'subscribed' });
    expect(rest.filter((r) => r.type === 'list').map((r) => r.title)).toEqual(['Customers', 'Webinar attendees']);
    expect(ann!.links).toEqual(rest.filter((r) => r.type === 'list').map((r) => r.key));
    const deals = rest.filter((r) => r.type === 'deal');
    expect(deals.map((d) => [d.title, d.links])).toEqual([[BREVO_ANN.deal, [ann!.key]]]);
    const events = rest.filter((r) => r.type === 'campaign');
    expect(events.map((e) => [e.fields.activity, e.title])).toEqual([
      ['click', 'Webinar follow-up'],
      ['open', 'Webinar follow-up'],
      ['sent', 'Webinar follow-up'],
      ['click', 'October customer digest'],
      ['open', 'October customer digest'],
      ['sent', 'October customer digest'],
    ]);
    expect(events[0]!.fields.subject).toBe('The recording and the slides');
    expect(ann!.fields.lastActivityAt).toBe(events[0]!.fields.createdAt);
    expect(events.every((e) => e.links[0] === ann!.key)).toBe(true);
  });

  it('finds Ann by email in any case; nobody for an unknown address', async () => {
    const { records } = await brevo.findByEmail('Ann.Lee@acme-robotics.com', credentials, connection);
    expect(records[0]).toMatchObject({ id: '1000', type: 'person' });
    expect((await brevo.findByEmail('nobody@example.com', credentials, connection)).records).toEqual([]);
  });

  it('keeps Ann and her lists when deals are refused, and says why as a warning', async () => {
    replica.state.faults.push({ pathIncludes: '/v3/crm/deals', status: 403, body: { code: 'permission_denied', message: 'The Sales CRM is not enabled on this account' }, times: 1 });
    const { records, warnings } = await brevo.findByEmail('ann.lee@acme-robotics.com', credentials, connection);
    expect(records.filter((r) => r.type === 'deal')).toEqual([]);
    expect(records[0]!.type).toBe('person');
    expect(warnings).toEqual([expect.objectContaining({ kind: 'auth', message: expect.stringContaining('permission_denied: The Sales CRM is not enabled') })]);
  });

  it('reads campaign names once per ten minutes, not once per person', async () => {
    const before = replica.state.requests.length;
    await brevo.findByEmail('ann.lee@acme-robotics.com', credentials, connection);
    expect(replica.state.requests.slice(before).filter((r: { path: string }) => r.path.startsWith('/v3/emailCampaigns'))).toEqual([]);
  });

  it('says not found for an unknown contact or an id that is not one', async () => {
    await expect(brevo.fetchRecord({ ...annPage(), id: '999999' }, credentials, connection)).rejects.toMatchObject({ kind: 'not-found', message: expect.stringContaining('contact 999999') });
    await expect(brevo.fetchRecord({ ...annPage(), id: '../account' }, credentials, connection)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('syncs every contact with a resumable offset cursor', async () => {
    const seen: CustomerRecord[] = [];
    const cursors: Array<string | null> = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await brevo.sync(cursor, credentials, connection);
      seen.push(...parsed(page.records));
      cursor = page.cursor;
      cursors.push(cursor);
      if (!cursor) break;
    }
    expect(cursors.at(-1)).toBeNull();
    expect(seen.filter((r) => r.type === 'list').map((r) => r.title)).toEqual(['Newsletter', 'Customers', 'Webinar attendees']);
    expect(new Set(seen.filter((r) => r.type === 'person').map((r) => r.id)).size).toBe(replica.data.contacts.length);
    expect(replica.state.requests.some((r: { path: string }) => r.path === '/v3/contacts?limit=500&offset=0&sort=asc')).toBe(true);
  });

  it('reports contacts, list sizes and campaign open and click rates', async () => {
    const points = await brevo.metrics!(credentials, connection);
    expect(points.find((p) => p.metric === 'contacts')?.value).toBe(replica.data.contacts.length);
    const customers = (replica.data.lists as unknown as Array<{ name: string; uniqueSubscribers: number }>).find((l) => l.name === 'Customers')!;
    expect(points.find((p) => p.metric === 'list-contacts' && p.dimension === 'Customers')?.value).toBe(customers.uniqueSubscribers);
    const stats = replica.data.campaigns.map((c: { statistics: { globalStats: { delivered: number; uniqueViews: number; uniqueClicks: number } } }) => c.statistics.globalStats);
    const delivered = stats.reduce((sum: number, s: { delivered: number }) => sum + s.delivered, 0);
    const opens = stats.reduce((sum: number, s: { uniqueViews: number }) => sum + s.uniqueViews, 0);
    expect(points.find((p) => p.metric === 'open-rate' && !p.dimension)).toMatchObject({ value: Math.round((opens / delivered) * 10_000) / 100, unit: '%' });
    expect(points.find((p) => p.metric === 'click-rate' && p.dimension === 'Webinar follow-up')?.unit).toBe('%');
  });

  it('waits out a 429 and retries', async () => {
    replica.state.faults.push({ pathIncludes: '/v3/contacts/lists', status: 429, body: { code: 'too_many_requests', message: 'The expected rate limit is exceeded.' }, headers: { 'retry-after': '0' }, times: 1 });
    const before = replica.state.requests.length;
    await brevo.fetchRecord({ ...annPage(), type: 'list', id: '3' }, credentials, connection).catch(() => undefined);
    const lists = await brevo.metrics!(credentials, connection);
    expect(lists.find((p) => p.metric === 'lists')?.value).toBe(3);
    expect(replica.state.requests.length - before).toBeGreaterThan(3);
  });

  it('answers 429 past Brevo’s 10 contacts calls a second, as Brevo does', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => replicaFetch('https://api.brevo.com/v3/contacts/1000', { headers: { 'api-key': BREVO_DEMO_KEY } })));
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThan(0);
    const limited = answers.find((a) => a.status === 429)!;
    expect(limited.headers.get('x-sib-ratelimit-limit')).toBe('10');
  });

  // Last of the calls: it leaves the hourly bucket paused for this file's module.
  it('reads when the hourly limit resets from x-sib-ratelimit-reset and says so, rather than retrying into it', async () => {
    replica.state.faults.push({ pathIncludes: '/v3/account', status: 429, body: { code: 'too_many_requests', message: 'The expected rate limit is exceeded.' }, headers: { 'x-sib-ratelimit-reset': '3600' }, times: 1 });
    const before = replica.state.requests.filter((r) => r.path.startsWith('/v3/account')).length;
    await expect(brevo.verify(credentials)).rejects.toMatchObject({ kind: 'rate-limit', detail: { retryAfterMs: 3_600_000 }, message: expect.stringContaining('try again in 3600 s') });
    expect(replica.state.requests.filter((r) => r.path.startsWith('/v3/account')).length - before).toBe(1);
  });

  it('sent the key to the replica’s API host only, and never logged it', () => {
    expect(new Set(hosts)).toEqual(new Set(['api.brevo.com']));
    expect(JSON.stringify(replica.state.requests)).not.toContain(BREVO_DEMO_KEY);
  });
});

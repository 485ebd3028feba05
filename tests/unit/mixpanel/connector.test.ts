// The connector end to end against the replica: fetch is routed to the replica's handleApi
// in-process (no server), so the real paths, Basic auth, residency, paging and refusals are exercised.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mixpanel } from '../../../src/connectors/mixpanel';
import { forgetMixpanelCache } from '../../../src/connectors/mixpanel/index';
import { MixpanelApi } from '../../../src/connectors/mixpanel/api';
import { RateLimiter } from '../../../src/connectors/rate-limiter';
import type { Connection } from '../../../src/model/health';
import { customerRecordSchema, type CustomerRecord } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createMixpanelReplica, MIXPANEL_ACCOUNT, MIXPANEL_ANN, MIXPANEL_DEMO_KEY, MIXPANEL_EVENTS, MIXPANEL_PROJECT, MIXPANEL_SITE } from '../../replica/mixpanel.mjs';
import { answerFromReplica } from '../replica-fetch';

const replica = createMixpanelReplica(makeHubspotData());
const hosts: string[] = [];
const credentials = { token: MIXPANEL_DEMO_KEY, site: MIXPANEL_SITE };
let connection: Connection;
const parsed = (records: CustomerRecord[]) => records.map((r) => customerRecordSchema.parse(r));
const queries = () => replica.state.requests.filter((r: { path: string }) => r.path.startsWith('/api/query')).length;

beforeAll(async () => {
  vi.stubGlobal('fetch', vi.fn(answerFromReplica(replica, hosts)));
  forgetMixpanelCache();
  connection = { ...(await mixpanel.verify(credentials)), connectedAt: 0 };
});
beforeEach(() => {
  replica.state.faults.length = 0;
  replica.state.resetRate();
});
afterAll(() => vi.unstubAllGlobals());

describe('Mixpanel connector on the replica', () => {
  it('verifies the service account on the EU host and names the project, its residency and size', () => {
    expect(connection).toMatchObject({ connector: 'mixpanel', account: MIXPANEL_PROJECT, site: MIXPANEL_SITE, accountLabel: `Mixpanel project ${MIXPANEL_PROJECT} (EU, ${replica.data.profiles.length} profiles)`, consoleHost: 'eu.mixpanel.com' });
    expect(new Set(hosts)).toEqual(new Set(['eu.mixpanel.com']));
    expect(replica.state.requests.some((r: { path: string }) => r.path.includes(MIXPANEL_ACCOUNT.secret))).toBe(false);
  });

  it('rejects a wrong secret as an auth error that names the service account', async () => {
    await expect(mixpanel.verify({ ...credentials, token: `${MIXPANEL_ACCOUNT.username}:wrong-secret-0000` })).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('rejected the service account’s username and secret') });
  });

  it('says where the data lives when the EU project is asked on the US host', async () => {
    await expect(mixpanel.verify({ ...credentials, site: MIXPANEL_PROJECT })).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('eu.mixpanel.com') });
  });

  it('finds Ann by email with her properties, last seen and newest events for the timeline', async () => {
    const { records, warnings } = await mixpanel.findByEmail('ann.lee@acme-robotics.com', credentials, connection);
    expect(warnings).toBeUndefined();
    const [ann, ...events] = parsed(records);
    expect(ann).toMatchObject({ key: `mixpanel:${MIXPANEL_PROJECT}:person:${MIXPANEL_ANN.id}`, title: 'Ann L.', identities: ['email:ann.lee@acme-robotics.com'] });
    expect(ann!.fields.tags).toEqual(['plan: Growth', 'signup_source: Webinar']);
    expect(Date.now() - ann!.fields.lastActivityAt!).toBeLessThan(2 * 86_400_000);
    expect(events.map((e) => e.title)).toEqual(['Exported Report', 'Logged in', 'Viewed Pricing', 'Viewed Page', 'Logged in']);
    expect(events.every((e) => e.links[0] === ann!.key && e.url === ann!.url)).toBe(true);
  });

  it('finds nobody for an address Mixpanel does not hold', async () => {
    await expect(mixpanel.findByEmail('nobody@nowhere.example', credentials, connection)).resolves.toEqual({ records: [] });
  });

  it('opens Ann’s profile page by its distinct id', async () => {
    const ctx = mixpanel.pages[0]!.detect(new URL(MIXPANEL_ANN.consoleUrl))!;
    const { records } = await mixpanel.fetchRecord(ctx, credentials, connection);
    expect(records[0]).toMatchObject({ id: MIXPANEL_ANN.id, title: 'Ann L.' });
  });

  it('keeps the profile when its activity feed is refused, with the refusal as a warning', async () => {
    replica.state.faults.push({ pathIncludes: '/stream/query', status: 500, body: { error: 'stream unavailable' }, times: 3 });
    const { records, warnings } = await mixpanel.findByEmail('ann.lee@acme-robotics.com', credentials, connection);
    expect(records.map((r) => r.type)).toEqual(['person']);
    expect(warnings?.[0]?.message).toContain('stream unavailable');
  });

  it('counts events over 7 and 30 days, then asks only for today and sees new events', async () => {
    forgetMixpanelCache();
    const before = queries();
    const first = await mixpanel.metrics!(credentials, connection);
    expect(queries() - before).toBe(2);
    const total7 = first.find((p) => p.metric === 'events-7d')!.value;
    expect(first.filter((p) => p.metric === 'event-count-30d').map((p) => p.dimension)).toEqual(MIXPANEL_EVENTS);
    expect(first.find((p) => p.metric === 'events-30d')!.value).toBeGreaterThan(total7);
    replica.state.addEvents('Signed up', 5);
    const second = await mixpanel.metrics!(credentials, connection);
    expect(queries() - before).toBe(3);
    expect(second.find((p) => p.metric === 'events-7d')!.value).toBe(total7 + 5);
    expect(second.find((p) => p.metric === 'event-count-7d' && p.dimension === 'Signed up')!.value).toBe(first.find((p) => p.metric === 'event-count-7d' && p.dimension === 'Signed up')!.value + 5);
  });

  it('syncs every profile page by page with Mixpanel’s session id', async () => {
    const api = new MixpanelApi(MIXPANEL_SITE, MIXPANEL_DEMO_KEY, { limiter: new RateLimiter(30, 3_600_000) });
    replica.state.pageSize = 25;
    try {
      const first = await mixpanel.sync(null, credentials, connection);
      expect(first.records).toHaveLength(25);
      expect(first.cursor).toMatch(/^1:/);
      const second = await mixpanel.sync(first.cursor, credentials, connection);
      expect(second.records[0]!.id).toBe(replica.data.profiles[25].$distinct_id);
      // Mixpanel refuses a later page without the session id of the first.
      await expect(api.engage({ page: 1 }, 'profiles')).rejects.toMatchObject({ message: expect.stringContaining('session_id') });
    } finally {
      replica.state.pageSize = 1000;
    }
    const { records, cursor } = await mixpanel.sync(null, credentials, connection);
    expect(cursor).toBeNull();
    expect(records).toHaveLength(replica.data.profiles.length);
  });

  it('holds every query back after a 429 and says the hourly budget is spent', async () => {
    const limiter = new RateLimiter(30, 3_600_000);
    const api = new MixpanelApi(MIXPANEL_SITE, MIXPANEL_DEMO_KEY, { limiter });
    replica.state.faults.push({ pathIncludes: '/events/names', status: 429, body: { error: 'Query rate limit exceeded: 60 queries per hour', status: 'error' }, times: 1 });
    await expect(api.eventNames(5)).rejects.toMatchObject({ kind: 'rate-limit', message: expect.stringContaining('60 queries an hour') });
    expect(limiter.pausedForMs()).toBeGreaterThan(60_000);
    const sent = queries();
    await expect(api.eventNames(5)).rejects.toMatchObject({ kind: 'rate-limit' });
    expect(queries()).toBe(sent);
  });
});

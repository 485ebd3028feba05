import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ga4 } from '../../../src/connectors/ga4';
import { setup as ga4Setup } from '../../../src/connectors/ga4/meta';
import { connectionSchema, type Connection } from '../../../src/model/health';
import { metricPointSchema } from '../../../src/model/metric';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createGa4Replica, GA4_DEMO_TOKEN, GA4_PROPERTY, runReport } from '../../replica/ga4.mjs';
import { answerFromReplica } from '../replica-fetch';

type Replica = ReturnType<typeof createGa4Replica>;

/** Routes fetch into the replica's handler, the way the HTTPS server would. */
function replicaFetch(replica: Replica) {
  return vi.fn(answerFromReplica(replica));
}

describe('GA4 connector against the replica', () => {
  let replica: Replica;
  beforeEach(() => {
    replica = createGa4Replica(makeHubspotData());
    vi.stubGlobal('fetch', replicaFetch(replica));
  });
  afterEach(() => vi.unstubAllGlobals());

  const credentials = { token: GA4_DEMO_TOKEN, site: `properties/${GA4_PROPERTY}` };
  const connection: Connection = { connector: 'ga4', authMode: 'token', site: GA4_PROPERTY, account: GA4_PROPERTY, accountLabel: 'GA4', consoleHost: 'analytics.google.com', isSandbox: false, currency: 'USD', connectedAt: 0 };

  it('verifies the token against the property and names it', async () => {
    const verified = await ga4.verify(credentials);
    expect(verified).toEqual({ connector: 'ga4', authMode: 'token', site: GA4_PROPERTY, account: GA4_PROPERTY, accountLabel: `GA4 property ${GA4_PROPERTY} (America/Los_Angeles, USD)`, consoleHost: 'analytics.google.com', isSandbox: false, currency: 'USD' });
    expect(connectionSchema.parse({ ...verified, connectedAt: 1 })).toBeTruthy();
    expect(replica.state.requests[0]).toMatchObject({ host: 'analyticsdata.googleapis.com', method: 'POST', path: `/v1beta/properties/${GA4_PROPERTY}:runReport`, auth: true });
  });

  it('reports a bad token and a foreign property as auth errors', async () => {
    await expect(ga4.verify({ ...credentials, token: 'ya29.expired' })).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/expire after an hour/) });
    await expect(ga4.verify({ ...credentials, site: '999999999' })).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/property 999999999/) });
    await expect(ga4.verify({ ...credentials, site: 'evil.example' })).rejects.toMatchObject({ kind: 'auth' });
    expect(replica.state.requests).toHaveLength(2);
  });

  it('reads 7- and 28-day metrics, falling back from keyEvents to conversions', async () => {
    const points = await ga4.metrics!(credentials, connection);
    for (const point of points) metricPointSchema.parse(point);
    const byId = (id: string) => points.find((p) => p.metric === id);
    const expected = runReport({ dateRanges: [{ startDate: '7daysAgo', endDate: 'yesterday' }], metrics: ['activeUsers', 'conversions', 'totalRevenue', 'engagementRate'].map((name) => ({ name })) }).body as { rows: Array<{ metricValues: Array<{ value: string }> }> };
    const [users, conversions, revenue, rate] = expected.rows[0]!.metricValues.map((v) => Number(v.value));
    expect(byId('active-users-7d')).toMatchObject({ value: users, unit: 'users', connector: 'ga4', account: GA4_PROPERTY, label: 'GA4 active users (7 days)' });
    expect(byId('key-events-7d')).toMatchObject({ value: conversions, unit: 'conversions', label: 'GA4 conversions (7 days)' });
    expect(byId('revenue-7d')).toMatchObject({ value: Math.round(revenue! * 100), unit: 'USD' });
    expect(byId('engagement-rate-7d')).toMatchObject({ value: Math.round(rate! * 1000) / 10, unit: '%' });
    expect(byId('sessions-28d')!.value).toBeGreaterThan(byId('sessions-7d')!.value);
    const channels = points.filter((p) => p.metric === 'sessions-by-channel-7d');
    expect(channels.map((p) => p.dimension)).toEqual(['Organic Search', 'Direct', 'Paid Search', 'Email', 'Organic Social', 'Referral']);
    // keyEvents refused with INVALID_ARGUMENT, then asked again with conversions; plus the channel report.
    expect(replica.state.requests).toHaveLength(3);
    expect(points).toHaveLength(12 + 6);
  });

  it('has no records: not-found for pages, nothing by email, an empty sync', async () => {
    await expect(ga4.fetchRecord({ connector: 'ga4', account: GA4_PROPERTY, type: 'person', id: 'x', host: 'analytics.google.com' }, credentials, connection)).rejects.toMatchObject({ kind: 'not-found', message: expect.stringMatching(/no customer records/) });
    expect(await ga4.findByEmail('ann.lee@acme-robotics.com', credentials, connection)).toEqual({ records: [] });
    expect(await ga4.sync(null, credentials, connection)).toEqual({ records: [], cursor: null });
    expect(replica.state.requests).toHaveLength(0);
  });

  it('declares its hosts and an OAuth token help with the read-only scope', () => {
    // The token endpoint renews a Google sign-in's access token.
    expect(ga4.apiMatches).toEqual(['https://analyticsdata.googleapis.com/*', 'https://oauth2.googleapis.com/*']);
    // No record pages: no content script on the GA4 console.
    expect(ga4.consoleMatches).toEqual([]);
    expect(ga4Setup.tokenHelp.scopes).toEqual(['https://www.googleapis.com/auth/analytics.readonly']);
    expect(new RegExp(`^(?:${ga4Setup.siteField!.pattern})$`).test('properties/312345678')).toBe(true);
  });
});

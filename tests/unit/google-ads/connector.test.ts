import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { googleAds } from '../../../src/connectors/google-ads';
import { connectionSchema, type Connection } from '../../../src/model/health';
import { metricPointSchema, type MetricPoint } from '../../../src/model/metric';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createGoogleAdsReplica, GOOGLE_ADS_ACCESS_TOKEN, GOOGLE_ADS_CUSTOMER, GOOGLE_ADS_DEMO_TOKEN, runQuery } from '../../replica/google-ads.mjs';
import { answerFromReplica } from '../replica-fetch';

type Replica = ReturnType<typeof createGoogleAdsReplica>;
type Row = { metrics: Record<string, string | number>; campaign?: { name: string } };

describe('Google Ads connector against the replica', () => {
  let replica: Replica;
  let fetchMock: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    replica = createGoogleAdsReplica(makeHubspotData());
    fetchMock = vi.fn(answerFromReplica(replica));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  const credentials = { token: GOOGLE_ADS_DEMO_TOKEN, site: GOOGLE_ADS_CUSTOMER };
  const connection: Connection = { connector: 'google-ads', authMode: 'token', site: GOOGLE_ADS_CUSTOMER, account: '1234567890', accountLabel: 'Demo', consoleHost: 'ads.google.com', isSandbox: false, currency: 'EUR', connectedAt: 0 };
  const sentHeaders = (i: number) => fetchMock.mock.calls[i]![1].headers as Record<string, string>;

  it('names the account on connect, with its id, currency and time zone', async () => {
    const verified = await googleAds.verify(credentials);
    expect(verified).toEqual({ connector: 'google-ads', authMode: 'token', site: GOOGLE_ADS_CUSTOMER, account: '1234567890', accountLabel: 'Demo Store – Search (123-456-7890, EUR, Europe/Berlin)', consoleHost: 'ads.google.com', isSandbox: false, currency: 'EUR' });
    expect(connectionSchema.parse({ ...verified, connectedAt: 1 })).toBeTruthy();
    expect(replica.state.requests[0]).toMatchObject({ host: 'googleads.googleapis.com', method: 'POST', path: '/v22/customers/1234567890/googleAds:searchStream', auth: true });
    expect(sentHeaders(0)).toMatchObject({ authorization: `Bearer ${GOOGLE_ADS_ACCESS_TOKEN}`, 'developer-token': 'demoDevToken-Ab12Cd34Ef56' });
    expect(sentHeaders(0)).not.toHaveProperty('login-customer-id');
  });

  it('reaches a client account through its manager with login-customer-id, and says so when it is missing', async () => {
    const viaManager = await googleAds.verify({ ...credentials, site: '555-000-1111 via 987-654-3210' });
    expect(viaManager).toMatchObject({ account: '5550001111', accountLabel: 'Demo Store Japan (555-000-1111, JPY, Asia/Tokyo) via manager 987-654-3210', currency: 'JPY' });
    expect(sentHeaders(0)['login-customer-id']).toBe('9876543210');
    await expect(googleAds.verify({ ...credentials, site: '555-000-1111' })).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/refused access to 555-000-1111.*“555-000-1111 via <manager id>”/) });
  });

  it('explains refused tokens in Google’s terms, and sends nothing for a malformed id', async () => {
    await expect(googleAds.verify({ ...credentials, token: 'demoDevToken-Ab12Cd34Ef56:ya29.someone-elses' })).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/access token.*expire after an hour/), codes: ['authenticationError.OAUTH_TOKEN_INVALID'] });
    replica.data.expiredTokens.add(GOOGLE_ADS_ACCESS_TOKEN);
    await expect(googleAds.verify(credentials)).rejects.toMatchObject({ kind: 'auth', codes: ['authenticationError.OAUTH_TOKEN_EXPIRED'], message: expect.stringMatching(/fresh one/) });
    replica.data.expiredTokens.clear();
    await expect(googleAds.verify({ ...credentials, token: `wrong-dev-token:${GOOGLE_ADS_ACCESS_TOKEN}` })).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/rejected the developer token.*API Center/) });
    const requests = replica.state.requests.length;
    await expect(googleAds.verify({ ...credentials, site: '12345' })).rejects.toMatchObject({ kind: 'auth' });
    expect(replica.state.requests).toHaveLength(requests);
  });

  it('never shows either token when Google echoes them', async () => {
    replica.state.faults.push({ pathIncludes: 'searchStream', status: 400, times: 1, body: [{ error: { code: 400, message: 'bad', status: 'INVALID_ARGUMENT', details: [{ errors: [{ errorCode: { requestError: 'X' }, message: 'Credential {auth} and developer token demoDevToken-Ab12Cd34Ef56 refused' }] }] } }] });
    const error = (await googleAds.verify(credentials).then(
      () => new Error('verified'),
      (e: Error) => e,
    ));
    expect(error.message).toMatch(/Google Ads answered 400.*refused/);
    expect(error.message).not.toContain('demoDevToken-Ab12Cd34Ef56');
    expect(error.message).not.toContain(GOOGLE_ADS_ACCESS_TOKEN);
  });

  it('reads cost, clicks, impressions, conversions, cost per conversion and conversion value per account and campaign over 7 and 30 days', async () => {
    const points = await googleAds.metrics!(credentials, connection);
    for (const point of points) metricPointSchema.parse(point);
    const byId = (id: string, dimension?: string) => points.find((p: MetricPoint) => p.metric === id && p.dimension === dimension);
    // What the replica's own GAQL answers for the same ranges, summed independently.
    const sum = (query: string) => (runQuery(replica.data, '1234567890', query).rows as Row[]).reduce((acc, row) => ({ cost: acc.cost + Number(row.metrics.costMicros), clicks: acc.clicks + Number(row.metrics.clicks), conversions: acc.conversions + Number(row.metrics.conversions), value: acc.value + Number(row.metrics.conversionsValue) }), { cost: 0, clicks: 0, conversions: 0, value: 0 });
    const daily7 = sum('SELECT segments.date, metrics.cost_micros, metrics.clicks, metrics.conversions, metrics.conversions_value FROM customer WHERE segments.date DURING LAST_7_DAYS');
    expect(byId('cost-7d')).toMatchObject({ value: Math.round(daily7.cost / 10_000), unit: 'EUR', label: 'Google Ads cost (7 days)', connector: 'google-ads', account: '1234567890' });
    expect(byId('clicks-7d')!.value).toBe(daily7.clicks);
    expect(byId('conversions-7d')!.value).toBeCloseTo(daily7.conversions, 2);
    expect(byId('conversion-value-7d')!.value).toBe(Math.round(daily7.value * 100));
    expect(byId('cost-per-conversion-7d')!.value).toBe(Math.round(byId('cost-7d')!.value / byId('conversions-7d')!.value));
    expect(byId('impressions-30d')!.value).toBeGreaterThan(byId('impressions-7d')!.value * 3);
    const campaigns = points.filter((p: MetricPoint) => p.metric === 'campaign-cost-7d');
    expect(campaigns.map((p: MetricPoint) => p.dimension).sort()).toEqual(['Brand – Search', 'Generic – Search', 'Spring Sale – Performance Max']);
    // The campaigns add up to the account.
    expect(campaigns.reduce((a: number, p: MetricPoint) => a + p.value, 0)).toBeCloseTo(byId('cost-7d')!.value, -1);
    expect(new Set(points.map((p: MetricPoint) => p.metric.replace(/^campaign-/, '').replace(/-(7|30|prev7)d$/, '')))).toEqual(new Set(['cost', 'clicks', 'impressions', 'conversions', 'conversion-value', 'cost-per-conversion']));
    // The week before last: days 14 to 8 before today in the account's zone (Europe/Berlin), account totals only.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const day = (back: number) => new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
    const before = sum(`SELECT metrics.cost_micros, metrics.clicks, metrics.conversions, metrics.conversions_value FROM customer WHERE segments.date BETWEEN '${day(14)}' AND '${day(8)}'`);
    expect(byId('cost-prev7d')).toMatchObject({ value: Math.round(before.cost / 10_000), unit: 'EUR', label: 'Google Ads cost (previous 7 days)' });
    expect(byId('conversions-prev7d')!.value).toBeCloseTo(before.conversions, 2);
    expect(byId('cost-prev7d')!.value).not.toBe(byId('cost-7d')!.value);
    expect(points.some((p: MetricPoint) => p.metric.startsWith('campaign-') && p.metric.endsWith('prev7d'))).toBe(false);
    // The account (for its currency), account and campaign totals for each range, the week before: six operations.
    expect(replica.state.requests).toHaveLength(6);
    expect(replica.data.operations.get(`demoDevToken-Ab12Cd34Ef56:${new Date().toISOString().slice(0, 10)}`)).toBe(6);
  });

  it('reads every batch of a stream, and JPY money without decimals', async () => {
    replica.data.batchSize = 1;
    const points = await googleAds.metrics!({ ...credentials, site: '555-000-1111 via 987-654-3210' }, { ...connection, account: '5550001111', currency: 'JPY' });
    const micros = (runQuery(replica.data, '5550001111', 'SELECT metrics.cost_micros FROM customer WHERE segments.date DURING LAST_30_DAYS').rows as Row[]).reduce((a, r) => a + Number(r.metrics.costMicros), 0);
    expect(points.find((p: MetricPoint) => p.metric === 'cost-30d')).toMatchObject({ value: Math.round(micros / 1_000_000), unit: 'JPY' });
    expect(points.filter((p: MetricPoint) => p.metric === 'campaign-clicks-30d').map((p: MetricPoint) => p.dimension)).toEqual(['Japan – Search']);
  });

  it('stops at the developer token’s daily quota: RESOURCE_EXHAUSTED in Google’s words, then no more requests', async () => {
    // A token of its own: the pause Google asks for belongs to the developer token.
    replica.data.developerTokens.add('quotaDevToken-001');
    replica.data.operationsPerDay = 1;
    const quotaCredentials = { ...credentials, token: `quotaDevToken-001:${GOOGLE_ADS_ACCESS_TOKEN}` };
    await googleAds.verify(quotaCredentials);
    await expect(googleAds.metrics!(quotaCredentials, connection)).rejects.toMatchObject({ kind: 'rate-limit', message: expect.stringMatching(/try again in 86400 s.*Too many requests/), detail: expect.objectContaining({ retryAfterMs: 86_400_000 }) });
    const asked = replica.state.requests.length;
    await expect(googleAds.metrics!(quotaCredentials, connection)).rejects.toMatchObject({ kind: 'rate-limit' });
    expect(replica.state.requests).toHaveLength(asked);
  });

  it('waits out a short-term RESOURCE_TEMPORARILY_EXHAUSTED and carries on', async () => {
    replica.state.faults.push({ pathIncludes: 'searchStream', status: 429, times: 1, body: [{ error: { code: 429, message: 'Resource has been exhausted (e.g. check quota).', status: 'RESOURCE_EXHAUSTED', details: [{ errors: [{ errorCode: { quotaError: 'RESOURCE_TEMPORARILY_EXHAUSTED' }, message: 'Too many requests in a short amount of time.', details: { quotaErrorDetails: { rateScope: 'DEVELOPER', retryDelay: '1s' } } }] }] } }] });
    await expect(googleAds.verify(credentials)).resolves.toMatchObject({ account: '1234567890' });
    expect(replica.state.requests).toHaveLength(2);
  });

  it('has no records: not-found for pages, nothing by email, an empty sync', async () => {
    await expect(googleAds.fetchRecord({ connector: 'google-ads', objectType: 'contact', id: '1', account: '' } as never, credentials, connection)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(googleAds.findByEmail('ann@example.com', credentials, connection)).resolves.toEqual({ records: [] });
    await expect(googleAds.sync(null, credentials, connection)).resolves.toEqual({ records: [], cursor: null });
    expect(replica.state.requests).toHaveLength(0);
  });
});

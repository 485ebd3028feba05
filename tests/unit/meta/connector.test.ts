import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { metaAds } from '../../../src/connectors/meta';
import { setup as metaSetup } from '../../../src/connectors/meta/meta';
import { MetaApi } from '../../../src/connectors/meta/api';
import { RateLimiter } from '../../../src/connectors/rate-limiter';
import { connectionSchema, type Connection } from '../../../src/model/health';
import { metricPointSchema } from '../../../src/model/metric';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createMetaReplica, insightsAnswer, META_AD_ACCOUNT, META_DEMO_TOKEN } from '../../replica/meta.mjs';
import { answerFromReplica } from '../replica-fetch';

type Replica = ReturnType<typeof createMetaReplica>;

describe('Meta Ads connector against the replica', () => {
  let replica: Replica;
  beforeEach(() => {
    replica = createMetaReplica(makeHubspotData());
    vi.stubGlobal('fetch', vi.fn(answerFromReplica(replica)));
  });
  afterEach(() => vi.unstubAllGlobals());

  const credentials = { token: META_DEMO_TOKEN, site: META_AD_ACCOUNT.slice(4) };
  const connection: Connection = { connector: 'meta', authMode: 'token', site: META_AD_ACCOUNT, account: META_AD_ACCOUNT, accountLabel: 'Meta', consoleHost: 'adsmanager.facebook.com', isSandbox: false, currency: 'USD', connectedAt: 0 };

  it('names the ad account on connect: name, act_ id, currency, time zone', async () => {
    const verified = await metaAds.verify(credentials);
    expect(verified).toEqual({ connector: 'meta', authMode: 'token', site: META_AD_ACCOUNT, account: META_AD_ACCOUNT, accountLabel: `Acme Robotics – Ads (${META_AD_ACCOUNT}, USD, America/Los_Angeles)`, consoleHost: 'adsmanager.facebook.com', isSandbox: false, currency: 'USD' });
    expect(connectionSchema.parse({ ...verified, connectedAt: 1 })).toBeTruthy();
    expect(replica.state.requests[0]).toMatchObject({ host: 'graph.facebook.com', method: 'GET', auth: true });
    expect(replica.state.requests[0]!.path).toMatch(new RegExp(`^/v25\\.0/${META_AD_ACCOUNT}\\?fields=name`));
    // The token travels in the Authorization header, never in the URL.
    expect(replica.state.requests[0]!.path).not.toMatch(/access_token/);
  });

  it('turns OAuthException 190 and a foreign account into auth errors with Meta’s words', async () => {
    await expect(metaAds.verify({ ...credentials, token: 'EAAGexpired0000000000' })).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/rejected the access token.*Meta said: Invalid OAuth access token/) });
    await expect(metaAds.verify({ ...credentials, site: 'act_999999999' })).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/act_999999999.*Meta said: Unsupported get request/) });
    await expect(metaAds.verify({ ...credentials, site: 'me' })).rejects.toMatchObject({ kind: 'auth' });
    expect(replica.state.requests).toHaveLength(2);
  });

  it('reads 7- and 30-day account insights as the replica computes them', async () => {
    const points = await metaAds.metrics!(credentials, connection);
    for (const p of points) metricPointSchema.parse(p);
    const by = (id: string) => points.find((p) => p.metric === id)!;
    for (const [range, preset] of [['7d', 'last_7d'], ['30d', 'last_30d']] as const) {
      const row = (insightsAnswer(new URLSearchParams({ date_preset: preset, fields: 'spend,impressions,clicks,ctr,cpc' })).body as unknown as { data: Array<Record<string, string>> }).data[0]!;
      expect(by(`spend-${range}`)).toMatchObject({ value: Math.round(Number(row.spend) * 100), unit: 'USD', connector: 'meta', account: META_AD_ACCOUNT });
      expect(by(`impressions-${range}`).value).toBe(Number(row.impressions));
      expect(by(`clicks-${range}`).value).toBe(Number(row.clicks));
      expect(by(`ctr-${range}`).value).toBe(Math.round(Number(row.ctr) * 100) / 100);
      expect(by(`cpc-${range}`).value).toBe(Math.round(Number(row.cpc) * 100));
    }
    expect(by('spend-30d').value).toBeGreaterThan(by('spend-7d').value);
    expect(by('purchases-7d').value).toBeGreaterThan(0);
    expect(points.filter((p) => p.metric === 'actions-7d').map((p) => p.dimension)).toContain('landing_page_view');
    // The week before last, in the account's zone (America/Los_Angeles): days 14 to 8 before today.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());
    const day = (back: number) => new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
    const before = (insightsAnswer(new URLSearchParams({ time_range: JSON.stringify({ since: day(14), until: day(8) }), fields: 'spend,actions' })).body as unknown as { data: Array<Record<string, string>> }).data[0]!;
    expect(by('spend-prev7d')).toMatchObject({ value: Math.round(Number(before.spend) * 100), unit: 'USD', label: 'Meta spend (previous 7 days)' });
    expect(by('spend-prev7d').value).not.toBe(by('spend-7d').value);
    expect(by('purchases-prev7d').value).toBeGreaterThan(0);
    expect(replica.state.requests.map((r) => r.path)).toEqual([
      expect.stringMatching(new RegExp(`^/v25\\.0/${META_AD_ACCOUNT}\\?fields=name`)),
      expect.stringMatching(/insights\?level=account&date_preset=last_7d/),
      expect.stringMatching(/insights\?level=account&date_preset=last_30d/),
      expect.stringContaining(`insights?level=account&time_range=${encodeURIComponent(JSON.stringify({ since: day(14), until: day(8) }))}`),
    ]);
  });

  it('holds further calls when the usage headers say usage is high, and says when to try again', async () => {
    replica.data.usage.extraPercent = 80;
    const api = new MetaApi(credentials.site, credentials.token, undefined, new RateLimiter(300, 3_600_000));
    await api.insights('last_7d');
    expect(api.lastUsage!.percent).toBeGreaterThanOrEqual(80);
    // Backed off: the second call is refused here instead of spending the account's remaining budget.
    await expect(api.insights('last_30d')).rejects.toMatchObject({ kind: 'rate-limit', message: expect.stringMatching(/try again in \d+ s/) });
    expect(replica.state.requests).toHaveLength(1);
  });

  it('reads Meta’s 80000 throttle (HTTP 400) as rate limiting and waits as long as Meta says', async () => {
    replica.data.usage.extraPercent = 100;
    const api = new MetaApi(credentials.site, credentials.token, undefined, new RateLimiter(300, 3_600_000));
    await expect(api.insights('last_7d')).rejects.toMatchObject({ kind: 'rate-limit', message: expect.stringMatching(/Meta said: \(#80000\) There have been too many calls/) });
    expect(replica.state.requests).toHaveLength(1);
  });

  it('has no records: not-found for pages, nothing by email, an empty sync', async () => {
    await expect(metaAds.fetchRecord({ connector: 'meta', account: META_AD_ACCOUNT, type: 'person', id: 'x', host: 'adsmanager.facebook.com' }, credentials, connection)).rejects.toMatchObject({ kind: 'not-found' });
    expect(await metaAds.findByEmail('ann.lee@acme-robotics.com', credentials, connection)).toEqual({ records: [] });
    expect(await metaAds.sync(null, credentials, connection)).toEqual({ records: [], cursor: null });
    expect(replica.state.requests).toHaveLength(0);
  });

  it('pages campaign insights with cursors as Meta does', () => {
    const first = insightsAnswer(new URLSearchParams({ level: 'campaign', date_preset: 'last_7d', fields: 'campaign_name,spend', limit: '2' })).body as { data: unknown[]; paging: { cursors: { after: string }; next?: string } };
    expect(first.data).toHaveLength(2);
    expect(first.paging.next).toMatch(/^https:\/\/graph\.facebook\.com\/v25\.0\/act_\d+\/insights\?.*after=/);
    const second = insightsAnswer(new URLSearchParams({ level: 'campaign', date_preset: 'last_7d', fields: 'campaign_name,spend', limit: '2', after: first.paging.cursors.after })).body as { data: unknown[]; paging: { next?: string } };
    expect(second.data).toHaveLength(1);
    expect(second.paging.next).toBeUndefined();
  });

  it('declares its host and an ads_read token help', () => {
    expect(metaAds.apiMatches).toEqual(['https://graph.facebook.com/*']);
    expect(metaAds.consoleMatches).toEqual([]);
    expect(metaSetup.tokenHelp.scopes).toEqual(['ads_read']);
    const pattern = new RegExp(`^(?:${metaSetup.siteField!.pattern})$`);
    expect(pattern.test('act_798085168510957') && pattern.test('798085168510957') && !pattern.test('act_x')).toBe(true);
  });
});

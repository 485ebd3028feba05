import { describe, expect, it } from 'vitest';
import { readSample, sampleFiles } from '../samples';
import { parseVendorPayload } from '../../../src/connectors/errors';
import { metaErrorSchema, metaInsightsSchema } from '../../../src/connectors/meta/schemas';
import { insightsPoints, metaNumber } from '../../../src/connectors/meta/normalize';
import { HIGH_USAGE_PERCENT, isThrottle, metaAdAccountId, readUsage, usageBackoffMs } from '../../../src/connectors/meta/api';
import { normalizeMetaPayload } from '../../../src/connectors/meta/payload';
import { metaAdsManagerUrl } from '../../../src/connectors/meta/pages';
import { metricPointSchema } from '../../../src/model/metric';
import { insightsAnswer } from '../../replica/meta.mjs';

const ctx = { account: 'act_798085168510957', at: 1, currency: 'USD' };

describe('Meta samples', () => {
  it('reads the insights sample: string metrics, actions, paging cursors', () => {
    const insights = parseVendorPayload('Meta', metaInsightsSchema, readSample('meta', 'ads_insights_ad_level_THIRDPARTY_airbyte_fixture.json'), 'insights');
    expect(insights.data.length).toBeGreaterThan(1);
    expect(insights.data[0]).toMatchObject({ account_currency: 'USD', spend: '14.35', clicks: '9', ctr: '4.864865', cpc: '1.594444' });
    expect(insights.data[0]!.actions![0]).toEqual({ action_type: 'page_engagement', value: '10' });
    expect(insights.paging?.cursors).toEqual({ before: 'MAZDZD', after: 'NzIZD' });
  });

  it('turns one insights row into money in cents and counts', () => {
    const sample = readSample('meta', 'ads_insights_ad_level_THIRDPARTY_airbyte_fixture.json') as { data: unknown[] };
    const points = insightsPoints(metaInsightsSchema.parse({ data: [sample.data[0]] }), '7d', ctx);
    for (const p of points) metricPointSchema.parse(p);
    const by = (id: string) => points.find((p) => p.metric === id);
    expect(by('spend-7d')).toMatchObject({ value: 1435, unit: 'USD', label: 'Meta spend (7 days)', connector: 'meta', account: ctx.account });
    expect(by('cpc-7d')).toMatchObject({ value: 159, unit: 'USD' });
    expect(by('ctr-7d')).toMatchObject({ value: 4.86, unit: '%' });
    expect(by('impressions-7d')!.value).toBe(185);
    expect(by('clicks-7d')!.value).toBe(9);
    // This ad tracked engagement only: no purchases or leads, each tracked action by name.
    expect(by('purchases-7d')!.value).toBe(0);
    expect(by('leads-7d')!.value).toBe(0);
    expect(points.filter((p) => p.metric === 'actions-7d').map((p) => [p.dimension, p.value])).toEqual([['page_engagement', 10], ['post_engagement', 10]]);
  });

  it('imports every sample as checked-but-recordless, and refuses the error body with Meta’s message', () => {
    for (const file of sampleFiles('meta')) {
      const payload = readSample('meta', file);
      if (metaErrorSchema.safeParse(payload).success) {
        expect(() => normalizeMetaPayload(payload, 'act_1')).toThrow(/OAuthException 190: Message describing the error/);
      } else {
        const notes: string[] = [];
        expect(normalizeMetaPayload(payload, 'act_1', notes)).toEqual([]);
        expect(notes[0]).toMatch(/Checked Meta insights of \d+ rows/);
      }
    }
    expect(() => normalizeMetaPayload({ hello: 1 }, 'act_1')).toThrow(/neither insights/);
  });

  it('refuses a metric string that is not a number, naming the field', () => {
    expect(metaNumber('12.5', 'x')).toBe(12.5);
    expect(() => insightsPoints(metaInsightsSchema.parse({ data: [{ spend: '1,234.00' }] }), '7d', ctx)).toThrow(/data\.0\.spend: “1,234\.00” is not a number/);
  });
});

describe('Meta insights arithmetic', () => {
  it('counts purchases once though Meta reports them under three action types, and values them in the account currency', () => {
    const body = insightsAnswer(new URLSearchParams({ date_preset: 'last_7d', fields: 'account_currency,spend,actions,action_values' })).body as { data: Array<{ actions: Array<{ action_type: string; value: string }>; action_values: Array<{ action_type: string; value: string }> }> };
    const row = body.data[0]!;
    const purchases = Number(row.actions.find((a) => a.action_type === 'purchase')!.value);
    const value = Number(row.action_values.find((a) => a.action_type === 'purchase')!.value);
    const points = insightsPoints(metaInsightsSchema.parse(body), '7d', ctx);
    expect(points.find((p) => p.metric === 'purchases-7d')!.value).toBe(purchases);
    expect(points.find((p) => p.metric === 'purchase-value-7d')!.value).toBe(Math.round(value * 100));
    expect(points.find((p) => p.metric === 'leads-7d')!.value).toBeGreaterThan(0);
  });

  it('uses the account currency’s own decimals (JPY has none)', () => {
    const points = insightsPoints(metaInsightsSchema.parse({ data: [{ account_currency: 'JPY', spend: '15320', cpc: '87.4' }] }), '30d', ctx);
    expect(points.find((p) => p.metric === 'spend-30d')).toMatchObject({ value: 15320, unit: 'JPY' });
    expect(points.find((p) => p.metric === 'cpc-30d')).toMatchObject({ value: 87, unit: 'JPY' });
  });

  it('reads an account without delivery (data: []) as zeros', () => {
    const points = insightsPoints({ data: [] }, '7d', ctx);
    expect(points.find((p) => p.metric === 'spend-7d')).toMatchObject({ value: 0, unit: 'USD' });
    expect(points.filter((p) => p.metric === 'actions-7d')).toEqual([]);
  });
});

describe('Meta ids, usage headers and throttling', () => {
  it('accepts an ad account id with or without act_ and refuses anything else before a request', () => {
    expect(metaAdAccountId('act_798085168510957')).toBe('act_798085168510957');
    expect(metaAdAccountId(' 798085168510957 ')).toBe('act_798085168510957');
    expect(() => metaAdAccountId('act_1/../me')).toThrow(/not a Meta ad account id/);
    expect(metaAdsManagerUrl('act_798085168510957')).toBe('https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=798085168510957');
  });

  it('reads both usage headers and backs off from 75%', () => {
    const headers = (buc: unknown, account?: unknown) => new Headers({ 'x-business-use-case-usage': JSON.stringify(buc), ...(account ? { 'x-ad-account-usage': JSON.stringify(account) } : {}) });
    expect(readUsage(new Headers())).toBeNull();
    const low = readUsage(headers({ '1': [{ type: 'ads_insights', call_count: 12, total_cputime: 30, total_time: 20, estimated_time_to_regain_access: 0 }] }));
    expect(low).toEqual({ percent: 30, regainMinutes: 0, resetSeconds: 0 });
    expect(usageBackoffMs(low)).toBe(0);
    const high = readUsage(headers({ '1': [{ type: 'ads_insights', call_count: 40 }] }, { acc_id_util_pct: HIGH_USAGE_PERCENT + 5, reset_time_duration: 120 }));
    expect(usageBackoffMs(high)).toBe(120_000);
    const blocked = readUsage(headers({ '1': [{ type: 'ads_management', call_count: 100, estimated_time_to_regain_access: 7 }] }));
    expect(usageBackoffMs(blocked)).toBe(7 * 60_000);
    // A header that is not JSON is ignored rather than trusted.
    expect(readUsage(new Headers({ 'x-ad-account-usage': 'garbage' }))).toBeNull();
  });

  it('knows Meta’s throttling codes from its other errors', () => {
    expect(isThrottle({ message: 'x', code: 80000, error_subcode: 2446079 })).toBe(true);
    expect(isThrottle({ message: 'x', code: 17 })).toBe(true);
    expect(isThrottle({ message: 'x', code: 100, error_subcode: 1504022 })).toBe(true);
    expect(isThrottle({ message: 'x', code: 190, error_subcode: 460 })).toBe(false);
  });
});

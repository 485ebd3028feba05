import { describe, expect, it } from 'vitest';
import { readSample, sampleFiles } from '../samples';
import { parseVendorPayload } from '../../../src/connectors/errors';
import { googleAdsErrors, googleAdsFailureOf, googleAdsStreamSchema } from '../../../src/connectors/google-ads/schemas';
import { campaignPoints, microsToMinor, streamRows, totalsOf, totalsPoints } from '../../../src/connectors/google-ads/normalize';
import { googleAdsLogin } from '../../../src/connectors/google-ads/api';
import { normalizeGoogleAdsPayload } from '../../../src/connectors/google-ads/payload';
import { metricPointSchema } from '../../../src/model/metric';

const VENDOR = 'google-ads';
const ctx = { account: '1234567890', at: 1_700_000_000_000, currency: 'EUR' };

describe('Google Ads samples', () => {
  it('has samples to read', () => {
    expect(sampleFiles(VENDOR).length).toBeGreaterThanOrEqual(3);
  });

  it.each(sampleFiles(VENDOR).filter((f) => !f.startsWith('error_')))('%s parses as a searchStream answer and imports nothing, with a note', (file) => {
    const payload = readSample(VENDOR, file);
    const stream = parseVendorPayload('Google Ads', googleAdsStreamSchema, payload, 'sample');
    expect(streamRows(stream).length).toBeGreaterThan(0);
    const notes: string[] = [];
    expect(normalizeGoogleAdsPayload(payload, 'acct', notes)).toEqual([]);
    expect(notes).toEqual([expect.stringMatching(/^Checked a Google Ads searchStream answer of \d+ rows? in 1 batch/)]);
  });

  it.each(sampleFiles(VENDOR).filter((f) => f.startsWith('error_')))('%s is refused with Google’s own words', (file) => {
    const payload = readSample(VENDOR, file);
    const failure = googleAdsFailureOf(payload)!;
    expect(googleAdsErrors(failure)).toEqual([{ code: 'requestError.REQUIRED_FIELD_MISSING', message: 'Required field is missing' }]);
    expect(() => normalizeGoogleAdsPayload(payload, 'acct')).toThrow(/Google Ads error response, not a report: 3: Request contains an invalid argument\..*requestError\.REQUIRED_FIELD_MISSING: Required field is missing/);
    // Over REST the same Status comes as {error}, and from searchStream as [{error}].
    expect(googleAdsFailureOf({ error: payload })).toEqual(failure);
    expect(googleAdsFailureOf([{ error: payload }])).toEqual(failure);
  });

  it('sums the daily sample: int64 strings read as numbers, cost from micros in the account currency', () => {
    const rows = streamRows(parseVendorPayload('Google Ads', googleAdsStreamSchema, readSample(VENDOR, 'search_stream_customer_daily_clicks_cost_THIRDPARTY_test_dataset.json'), 'sample'));
    const totals = totalsOf(rows, 'EUR');
    expect(totals.clicks).toBe(204 + 220 + 206 + 167 + 152 + 148 + 147);
    const micros = [1061083620, 1109219997, 1164811394, 999073804, 881180318, 735822814, 617424074].reduce((a, b) => a + b, 0);
    expect(totals.cost).toBe(Math.round(micros / 10_000));
    // No conversions in the sample: no cost per conversion rather than a division by zero.
    const points = totalsPoints(totals, '7d', ctx);
    expect(points.map((p) => p.metric)).toEqual(['cost-7d', 'clicks-7d', 'impressions-7d', 'conversions-7d', 'conversion-value-7d']);
    for (const point of points) metricPointSchema.parse(point);
  });

  it('refuses rows whose int64 is not a whole number and names the path', () => {
    expect(() => parseVendorPayload('Google Ads', googleAdsStreamSchema, [{ results: [{ metrics: { clicks: '12.5' } }] }], 'report')).toThrow(/0\.results\.0\.metrics\.clicks/);
    expect(() => normalizeGoogleAdsPayload({ results: [] }, 'acct')).toThrow(/not a searchStream answer/);
  });
});

describe('Google Ads money and numbers', () => {
  it.each([
    [1_061_083_620, 'EUR', 106108],
    [1_061_083_620, 'JPY', 1061],
    [1_234_567, 'KWD', 1235],
    [5_000, 'USD', 1],
  ])('%d micros of %s are %d minor units', (micros, currency, minor) => {
    expect(microsToMinor(String(micros), currency)).toBe(minor);
  });

  it('computes cost per conversion from cost and fractional conversions, in minor units', () => {
    const totals = totalsOf([{ metrics: { costMicros: '100000000', conversions: 3, conversionsValue: 250.5, clicks: '40', impressions: '900' } }, { metrics: { conversions: 0.5 } }], 'EUR');
    expect(totals).toEqual({ cost: 10000, clicks: 40, impressions: 900, conversions: 3.5, conversionValue: 25050 });
    const points = totalsPoints(totals, '30d', ctx);
    expect(points.find((p) => p.metric === 'cost-per-conversion-30d')).toMatchObject({ value: 2857, unit: 'EUR', label: 'Google Ads cost per conversion (30 days)' });
    expect(points.find((p) => p.metric === 'conversions-30d')).toMatchObject({ value: 3.5, unit: 'conversions' });
  });

  it('groups campaign rows by id and keeps two campaigns of the same name apart', () => {
    const row = (id: string, name: string, clicks: string) => ({ campaign: { id, name }, metrics: { clicks, costMicros: '1000000' } });
    const points = campaignPoints([row('1', 'Brand', '5'), row('1', 'Brand', '7'), row('2', 'Sale', '3'), row('3', 'Sale', '4')], '7d', ctx);
    const clicks = points.filter((p) => p.metric === 'campaign-clicks-7d').map((p) => [p.dimension, p.value]);
    expect(clicks).toEqual([['Brand', 12], ['Sale (2)', 3], ['Sale (3)', 4]]);
    expect(points[0]).toMatchObject({ label: 'Google Ads cost by campaign (7 days)', connector: 'google-ads', account: '1234567890' });
  });
});

describe('Google Ads credentials', () => {
  it('splits the developer token from the access token and reads the customer and manager ids', () => {
    expect(googleAdsLogin({ token: ' devTok-123:ya29.a0AfB_x ', site: '123-456-7890' })).toEqual({ developerToken: 'devTok-123', accessToken: 'ya29.a0AfB_x', customerId: '1234567890' });
    expect(googleAdsLogin({ token: 'd:a', site: '1234567890 via 987-654-3210' })).toEqual({ developerToken: 'd', accessToken: 'a', customerId: '1234567890', managerId: '9876543210' });
  });

  it.each([
    [{ token: 'ya29.only-an-access-token', site: '123-456-7890' }, /developer token and the OAuth access token/],
    [{ token: ':ya29.x', site: '123-456-7890' }, /developer token and the OAuth access token/],
    [{ token: 'd:a', site: '123-456-789' }, /not a Google Ads customer id/],
    [{ token: 'd:a', site: '../1234567890' }, /not a Google Ads customer id/],
    [{ token: 'd:a', site: '123-456-7890 via evil' }, /“evil” is not a Google Ads customer id/],
  ])('refuses %o before any request', (credentials, message) => {
    expect(() => googleAdsLogin(credentials)).toThrow(message);
  });
});

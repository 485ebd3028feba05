import type { Connector, Credentials } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import type { MetricPoint } from '../../model/metric';
import { dashed, GoogleAdsApi } from './api';
import { googleAdsMeta } from './meta';
import { campaignPoints, streamRows, totalsOf, totalsPoints, type AdsMetricContext } from './normalize';
import { googleAdsCustomerSchema } from './schemas';
import { noCustomerRecords } from '../kit/metrics-only';
import { weekBeforeLast } from '../kit/weeks';

export { googleAdsLogin } from './api';

const ACCOUNT_QUERY = 'SELECT customer.id, customer.descriptive_name, customer.currency_code, customer.time_zone, customer.manager FROM customer';
const METRICS = 'metrics.cost_micros, metrics.clicks, metrics.impressions, metrics.conversions, metrics.conversions_value';
/** GAQL's own ranges: both end yesterday, in the account's time zone. */
const RANGES = [
  { name: '7d', during: 'LAST_7_DAYS' },
  { name: '30d', during: 'LAST_30_DAYS' },
] as const;

const apiFor = (credentials: Credentials) => new GoogleAdsApi(credentials);

/** The account row: its name, currency and time zone (one operation). */
async function account(api: GoogleAdsApi) {
  const row = streamRows(await api.searchStream(ACCOUNT_QUERY, 'account'))[0];
  if (!row?.customer) throw new ConnectorError('not-found', `Google Ads sent no account for ${dashed(api.login.customerId)}.`);
  return parseVendorPayload('Google Ads', googleAdsCustomerSchema, row.customer, 'account');
}

export const googleAds: Connector = {
  ...googleAdsMeta,

  async verify(credentials) {
    const api = apiFor(credentials);
    const customer = await account(api);
    const id = dashed(api.login.customerId);
    const details = [id, customer.currencyCode, customer.timeZone].filter(Boolean).join(', ');
    return {
      connector: 'google-ads',
      authMode: 'token',
      site: credentials.site?.trim() ?? id,
      account: api.login.customerId,
      accountLabel: `${customer.descriptiveName || 'Google Ads account'} (${details})${api.login.managerId ? ` via manager ${dashed(api.login.managerId)}` : ''}`,
      consoleHost: 'ads.google.com',
      isSandbox: customer.testAccount === true,
      ...(customer.currencyCode ? { currency: customer.currencyCode.toUpperCase() } : {}),
    };
  },

  // The Ads API holds campaigns, not people: no records to open, look up or sync.
  ...noCustomerRecords('Google Ads', 'spend, clicks and conversions'),

  /**
   * Six operations: the account (for its currency, which may have changed since connecting),
   * then account and per-campaign totals for each range, and the account's totals for the 7 days
   * before the last 7 (the weekly comparison). Rows come aggregated over the range (no
   * `segments.date` in the SELECT), one per account or campaign.
   */
  async metrics(credentials, connection) {
    const api = apiFor(credentials);
    const customer = await account(api);
    const ctx: AdsMetricContext = {
      account: connection.account || api.login.customerId,
      at: Date.now(),
      currency: (customer.currencyCode ?? connection.currency ?? 'USD').toUpperCase(),
    };
    const points: MetricPoint[] = [];
    for (const range of RANGES) {
      const where = `WHERE segments.date DURING ${range.during}`;
      const [totals, campaigns] = await Promise.all([
        api.searchStream(`SELECT ${METRICS} FROM customer ${where}`, `account totals (${range.name})`),
        api.searchStream(`SELECT campaign.id, campaign.name, ${METRICS} FROM campaign ${where}`, `campaign totals (${range.name})`),
      ]);
      points.push(...totalsPoints(totalsOf(streamRows(totals), ctx.currency), range.name, ctx), ...campaignPoints(streamRows(campaigns), range.name, ctx));
    }
    const week = weekBeforeLast(customer.timeZone, new Date(ctx.at));
    const before = await api.searchStream(`SELECT ${METRICS} FROM customer WHERE segments.date BETWEEN '${week.since}' AND '${week.until}'`, 'account totals (previous 7 days)');
    points.push(...totalsPoints(totalsOf(streamRows(before), ctx.currency), 'prev7d', ctx));
    return points;
  },
};

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { googleAds as connector };

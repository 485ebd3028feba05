import type { Connector, Credentials } from '../contract';
import { MetaApi } from './api';
import { insightsPoints } from './normalize';
import { META_CONSOLE_HOST } from './pages';
import { metaAdsMeta } from './meta';
import { noCustomerRecords } from '../kit/metrics-only';
import { weekBeforeLast } from '../kit/weeks';

export { metaAdsManagerUrl, metaPages } from './pages';

/** Meta's presets: whole days in the ad account's time zone, today excluded. */
const RANGES = [
  { preset: 'last_7d', name: '7d' },
  { preset: 'last_30d', name: '30d' },
];

const apiFor = (credentials: Credentials) => new MetaApi(credentials.site, credentials.token);

export const metaAds: Connector = {
  ...metaAdsMeta,

  async verify(credentials) {
    const api = apiFor(credentials);
    const account = await api.adAccount();
    const details = [api.accountId, account.currency, account.timezone_name].filter(Boolean).join(', ');
    return {
      connector: 'meta',
      authMode: 'token',
      site: api.accountId,
      account: api.accountId,
      accountLabel: `${account.name || 'Meta ad account'} (${details})`,
      consoleHost: META_CONSOLE_HOST,
      isSandbox: false,
      ...(account.currency ? { currency: account.currency.toUpperCase() } : {}),
    };
  },

  // The Marketing API has no people to open, look up or sync.
  ...noCustomerRecords('Meta Ads', 'spend, clicks and conversions'),

  async metrics(credentials, connection) {
    const api = apiFor(credentials);
    // The account first: its time zone says which days the week before last is.
    const account = await api.adAccount();
    const ctx = { account: connection.account || api.accountId, at: Date.now(), currency: (account.currency ?? connection.currency ?? 'USD').toUpperCase() };
    // One after the other, so usage headers from the first can hold the next.
    const points = [];
    for (const range of RANGES) points.push(...insightsPoints(await api.insights(range.preset), range.name, ctx));
    points.push(...insightsPoints(await api.insights(weekBeforeLast(account.timezone_name, new Date(ctx.at))), 'prev7d', ctx));
    return points;
  },
};

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { metaAds as connector };

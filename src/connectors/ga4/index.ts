import type { Connector, Credentials } from '../contract';
import { Ga4Api, isInvalidArgument } from './api';
import { GA4_CONSOLE_HOST } from './pages';
import { channelPoints, summaryMetrics, summaryPoints, type Ga4MetricContext } from './normalize';
import type { Ga4Report } from './schemas';
import { ga4Meta } from './meta';
import { noCustomerRecords } from '../kit/metrics-only';

export { reportRows } from './normalize';
export { ga4PropertyOf, ga4Pages, ga4ReportUrl } from './pages';

const RANGES = [
  { startDate: '7daysAgo', endDate: 'yesterday', name: '7d' },
  { startDate: '28daysAgo', endDate: 'yesterday', name: '28d' },
];

const apiFor = (credentials: Credentials) => new Ga4Api(credentials.site, credentials.token);

/**
 * Summary over 7 and 28 days. `keyEvents` is the current name of what GA4 used to call
 * `conversions`; where Google answers INVALID_ARGUMENT for it, ask again with `conversions`.
 */
async function summary(api: Ga4Api): Promise<{ report: Ga4Report; keyEventMetric: 'keyEvents' | 'conversions' }> {
  const request = (keyEventMetric: string) => ({ dateRanges: RANGES, metrics: summaryMetrics(keyEventMetric).map((name) => ({ name })), returnPropertyQuota: true });
  try {
    return { report: await api.runReport(request('keyEvents'), 'summary report'), keyEventMetric: 'keyEvents' };
  } catch (error) {
    if (!isInvalidArgument(error)) throw error;
    return { report: await api.runReport(request('conversions'), 'summary report'), keyEventMetric: 'conversions' };
  }
}

export const ga4: Connector = {
  ...ga4Meta,

  async verify(credentials) {
    const api = apiFor(credentials);
    const report = await api.runReport({ dateRanges: [{ startDate: 'yesterday', endDate: 'yesterday' }], metrics: [{ name: 'activeUsers' }], returnPropertyQuota: true }, 'property check');
    const { timeZone, currencyCode } = report.metadata ?? {};
    const details = [timeZone, currencyCode].filter(Boolean).join(', ');
    return {
      connector: 'ga4',
      authMode: 'token',
      site: api.propertyId,
      account: api.propertyId,
      accountLabel: `GA4 property ${api.propertyId}${details ? ` (${details})` : ''}`,
      consoleHost: GA4_CONSOLE_HOST,
      isSandbox: false,
      ...(currencyCode ? { currency: currencyCode } : {}),
    };
  },

  // GA4's terms forbid sending it PII and its API never returns emails: no people to open, look up or sync.
  ...noCustomerRecords('Google Analytics', 'traffic and conversions'),

  async metrics(credentials, connection) {
    const api = apiFor(credentials);
    const channelRequest = {
      dateRanges: [RANGES[0]!],
      dimensions: [{ name: 'sessionDefaultChannelGroup' }],
      metrics: [{ name: 'sessions' }],
      limit: 25,
      returnPropertyQuota: true,
    };
    const [{ report, keyEventMetric }, channels] = await Promise.all([summary(api), api.runReport(channelRequest, 'channel report')]);
    const ctx: Ga4MetricContext = {
      account: connection.account || api.propertyId,
      at: Date.now(),
      currency: (report.metadata?.currencyCode ?? connection.currency ?? 'USD').toUpperCase(),
      keyEventMetric,
    };
    return [...summaryPoints(report, ctx, RANGES.map((r) => r.name)), ...channelPoints(channels, ctx)];
  },
};

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { ga4 as connector };

import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { reportRows } from './normalize';
import { ga4ErrorSchema, ga4ReportSchema } from './schemas';

/**
 * For `npm run normalize` and imports. A GA4 payload is a runReport answer: it is checked
 * (schema + positional rows) but yields no records, since GA4 holds no people or companies.
 * Anything else, an error envelope included, is a schema error naming the path.
 */
export function normalizeGa4Payload(payload: unknown, account: string): CustomerRecord[] {
  void account;
  const body = payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
  if (ga4ErrorSchema.safeParse(payload).success) throw new ConnectorError('schema', 'This is a Google Analytics error response, not a report.', { path: 'error' });
  const looksLikeReport = body.kind === 'analyticsData#runReport' || 'metricHeaders' in body || 'dimensionHeaders' in body || 'rows' in body;
  if (!looksLikeReport) throw new ConnectorError('schema', 'Google Analytics payload is not a runReport answer (no metricHeaders, dimensionHeaders or rows).', { path: '(root)' });
  reportRows(parseVendorPayload('Google Analytics', ga4ReportSchema, payload, 'report'), 'report');
  return [];
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizeGa4Payload;

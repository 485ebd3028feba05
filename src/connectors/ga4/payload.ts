import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { reportRows } from './normalize';
import { ga4ErrorSchema, ga4ReportSchema } from './schemas';

/**
 * For `npm run normalize` and imports. A GA4 payload is a runReport answer: it is checked
 * (schema + positional rows) but yields no records, since GA4 holds no people or companies.
 * What was checked is told in a note. Booleans the schema wants (`metadata.dataLossFromOtherRow`)
 * may be null, as real answers send them. Anything else, an error envelope included (with its
 * message), is a schema error naming the path.
 */
export function normalizeGa4Payload(payload: unknown, account: string, notes: string[] = []): CustomerRecord[] {
  void account;
  const body = payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
  const error = ga4ErrorSchema.safeParse(payload);
  if (error.success) throw new ConnectorError('schema', `This is a Google Analytics error response, not a report: ${error.data.error.status ?? error.data.error.code}: ${error.data.error.message}`, { path: 'error' });
  const looksLikeReport = body.kind === 'analyticsData#runReport' || 'metricHeaders' in body || 'dimensionHeaders' in body || 'rows' in body;
  if (!looksLikeReport) throw new ConnectorError('schema', 'Google Analytics payload is not a runReport answer (no metricHeaders, dimensionHeaders or rows).', { path: '(root)' });
  const rows = reportRows(parseVendorPayload('Google Analytics', ga4ReportSchema, payload, 'report'), 'report');
  notes.push(`Checked a Google Analytics report of ${rows.length} row${rows.length === 1 ? '' : 's'}: GA4 holds no people or companies, so nothing was imported.`);
  return [];
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizeGa4Payload;

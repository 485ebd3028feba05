import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { insightsPoints } from './normalize';
import { metaAdAccountSchema, metaErrorSchema, metaInsightsSchema } from './schemas';

/**
 * For `npm run normalize` and imports. A Meta payload is an insights answer or an ad account: it
 * is checked (schema and every metric string) but yields no records, since Meta Ads holds no
 * people. Error bodies are refused with Meta's own message.
 */
export function normalizeMetaPayload(payload: unknown, account: string, notes: string[] = []): CustomerRecord[] {
  const error = metaErrorSchema.safeParse(payload);
  if (error.success) throw new ConnectorError('schema', `This is a Meta error response, not insights: ${error.data.error.type ?? 'error'} ${error.data.error.code}: ${error.data.error.message}`, { path: 'error' });
  const body = payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
  if (Array.isArray(body.data)) {
    const insights = parseVendorPayload('Meta', metaInsightsSchema, payload, 'insights');
    // Rows of any level (ad, campaign): each checked as the account-level reader reads it.
    insights.data.forEach((row) => insightsPoints({ data: [row] }, 'import', { account, at: 0, currency: row.account_currency ?? 'USD' }));
    notes.push(`Checked Meta insights of ${insights.data.length} row${insights.data.length === 1 ? '' : 's'}: Meta Ads holds no people or companies, so nothing was imported.`);
    return [];
  }
  if (typeof body.id === 'string' && body.id.startsWith('act_')) {
    parseVendorPayload('Meta', metaAdAccountSchema, payload, 'ad account');
    notes.push('Checked a Meta ad account: it holds no people or companies, so nothing was imported.');
    return [];
  }
  throw new ConnectorError('schema', 'Meta payload is neither insights ({data: [...]}) nor an ad account (id act_…).', { path: '(root)' });
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizeMetaPayload;

import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { streamRows } from './normalize';
import { googleAdsErrors, googleAdsFailureOf, googleAdsStreamSchema } from './schemas';

/**
 * For `npm run normalize` and imports. A Google Ads payload is a searchStream answer (an array of
 * batches): it is checked but yields no records, since Google Ads holds no people or companies;
 * what was checked is told in a note. A failure (a bare google.rpc.Status, `{error}` or
 * `[{error}]`) is refused with Google's own words; anything else is a schema error naming the path.
 */
export function normalizeGoogleAdsPayload(payload: unknown, account: string, notes: string[] = []): CustomerRecord[] {
  void account;
  const failure = googleAdsFailureOf(payload);
  if (failure) {
    const said = googleAdsErrors(failure).map((e) => `${e.code}: ${e.message}`);
    throw new ConnectorError('schema', `This is a Google Ads error response, not a report: ${failure.status ?? failure.code}: ${failure.message}${said.length ? ` (${said.join('; ')})` : ''}`, { path: 'error' });
  }
  if (!Array.isArray(payload)) throw new ConnectorError('schema', 'Google Ads payload is not a searchStream answer (an array of result batches).', { path: '(root)' });
  const stream = parseVendorPayload('Google Ads', googleAdsStreamSchema, payload, 'searchStream answer');
  const rows = streamRows(stream).length;
  notes.push(`Checked a Google Ads searchStream answer of ${rows} row${rows === 1 ? '' : 's'} in ${stream.length} batch${stream.length === 1 ? '' : 'es'}: Google Ads holds no people or companies, so nothing was imported.`);
  return [];
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizeGoogleAdsPayload;

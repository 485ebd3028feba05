import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { salesforceReaderFor, type SalesforceNormalizeContext } from './normalize';
import { salesforceAnyPage, salesforceErrorsSchema, salesforceRecordSchema } from './schemas';

/**
 * Canonical records from a saved Salesforce REST payload (`npm run normalize`, Options import):
 * a `/query` result page or one record, each read by its `attributes.type`. Records of objects
 * we do not model are skipped inside a page; anything else is a schema error with its path.
 */
export function normalizeSalesforcePayload(payload: unknown, account: string): CustomerRecord[] {
  // Imports do not know the org's My Domain; login.salesforce.com redirects a signed-in user there.
  const ctx: SalesforceNormalizeContext = { org: account, consoleHost: 'login.salesforce.com', currency: 'USD', fetchedAt: Date.now() };
  const errors = salesforceErrorsSchema.safeParse(payload);
  if (errors.success && errors.data.length) {
    throw new ConnectorError('schema', `This is a Salesforce error response, not records: ${errors.data[0]!.errorCode}: ${errors.data[0]!.message.trim()}`, { path: '0.errorCode' });
  }
  const read = (raw: unknown, where: string): CustomerRecord | null => {
    const { attributes } = parseVendorPayload('Salesforce', salesforceRecordSchema, raw, where);
    const reader = salesforceReaderFor(attributes.type);
    return reader ? reader.normalize(parseVendorPayload('Salesforce', reader.schema, raw, `${attributes.type} ${where}`), ctx) : null;
  };
  if (payload && typeof payload === 'object' && 'records' in payload) {
    const page = parseVendorPayload('Salesforce', salesforceAnyPage, payload, 'query result');
    // The page schema strips fields, so each record is read again from the original payload.
    const raw = (payload as { records: unknown[] }).records;
    return page.records.map((_, i) => read(raw[i], `record ${i}`)).filter((r): r is CustomerRecord => r !== null);
  }
  const record = read(payload, 'record');
  if (!record) {
    const type = salesforceRecordSchema.parse(payload).attributes.type;
    throw new ConnectorError('schema', `Salesforce ${type} records are not read (Contact, Lead, Account, Opportunity, Case).`, { path: 'attributes.type' });
  }
  return [record];
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizeSalesforcePayload;

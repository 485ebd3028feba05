import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { salesforceReaderFor, type SalesforceNormalizeContext } from './normalize';
import { salesforceAnyPage, salesforceErrorsSchema, salesforceRecordSchema } from './schemas';

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** A child subquery's result inside a record (`Contacts: {totalSize, done, records}`), or null. */
const childPage = (value: unknown): unknown[] | null => (isObject(value) && Array.isArray(value.records) && 'totalSize' in value ? value.records : null);

/** The id at the end of a related record's `attributes.url`, when its `…Id` field was not selected. */
const parentId = (value: unknown): string | undefined => {
  const url = isObject(value) && isObject(value.attributes) && typeof value.attributes.url === 'string' ? value.attributes.url : undefined;
  return url?.split('/').pop() || undefined;
};

/**
 * Canonical records from a saved Salesforce REST payload (`npm run normalize`, Options import):
 * a `/query` result page or one record, each read by its `attributes.type`. Records of objects
 * we do not model are skipped inside a page; anything else is a schema error with its path.
 * Relationship queries: a child subquery (`SELECT Name, (SELECT FirstName, LastName, Email FROM
 * Contacts) FROM Account`) nests a result page in the parent record; its records are read too
 * and linked both ways with the parent. A parent field (`Account.Name`, `Owner.Name`) arrives as
 * a nested record: its name fills the company or owner field, and its id (from its url when
 * `AccountId`/`OwnerId` was not selected) the link or owner id.
 */
export function normalizeSalesforcePayload(payload: unknown, account: string, notes: string[] = []): CustomerRecord[] {
  // Imports do not know the org's My Domain; login.salesforce.com redirects a signed-in user there.
  const ctx: SalesforceNormalizeContext = { org: account, consoleHost: 'login.salesforce.com', currency: 'USD', fetchedAt: Date.now() };
  const errors = salesforceErrorsSchema.safeParse(payload);
  if (errors.success && errors.data.length) {
    throw new ConnectorError('schema', `This is a Salesforce error response, not records: ${errors.data[0]!.errorCode}: ${errors.data[0]!.message.trim()}`, { path: '0.errorCode' });
  }
  const skipped = new Map<string, number>();
  const read = (raw: unknown, where: string): CustomerRecord[] => {
    const { attributes } = parseVendorPayload('Salesforce', salesforceRecordSchema, raw, where);
    const reader = salesforceReaderFor(attributes.type);
    if (!reader) skipped.set(attributes.type, (skipped.get(attributes.type) ?? 0) + 1);
    const fields = raw as Record<string, unknown>;
    // Ids of parents selected by relationship only: read as if their `…Id` field had been selected.
    const withParents = { ...fields };
    for (const relation of ['Account', 'Owner', 'Contact']) {
      if (withParents[`${relation}Id`] == null && parentId(fields[relation])) withParents[`${relation}Id`] = parentId(fields[relation]);
    }
    const record = reader ? reader.normalize(parseVendorPayload('Salesforce', reader.schema, withParents, `${attributes.type} ${where}`), ctx) : null;
    const children = Object.entries(fields).flatMap(([name, value]) => (childPage(value) ?? []).flatMap((child, i) => read(child, `${where}.${name}.records.${i}`)));
    if (record) {
      for (const child of children) {
        record.links = [...new Set([...record.links, child.key])];
        child.links = [...new Set([...child.links, record.key])];
      }
    }
    return [...(record ? [record] : []), ...children];
  };
  if (payload && typeof payload === 'object' && 'records' in payload) {
    const page = parseVendorPayload('Salesforce', salesforceAnyPage, payload, 'query result');
    // The page schema strips fields, so each record is read again from the original payload.
    const raw = (payload as { records: unknown[] }).records;
    const records = page.records.flatMap((_, i) => read(raw[i], `records.${i}`));
    for (const [type, count] of skipped) notes.push(`Skipped ${count} Salesforce ${type} record${count === 1 ? '' : 's'}: only Contact, Lead, Account, Opportunity and Case are read.`);
    if (!page.done) notes.push(`This is one page of ${page.totalSize} records (done: false); save the pages at nextRecordsUrl to import the rest.`);
    return records;
  }
  const records = read(payload, 'record');
  if (!records.length) {
    const type = salesforceRecordSchema.parse(payload).attributes.type;
    throw new ConnectorError('schema', `Salesforce ${type} records are not read (Contact, Lead, Account, Opportunity, Case).`, { path: 'attributes.type' });
  }
  return records;
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizeSalesforcePayload;

import type { CustomerRecord } from '../model/record';
import type { PayloadReader } from '../connectors/contract';
import { ConnectorError } from '../connectors/errors';
import { CONNECTOR_IDS } from '../model/keys';

/** Imported records are kept apart from any connected account's, under this account name. */
export const IMPORT_ACCOUNT = 'import';

/**
 * Each registered vendor's `readPayload` from its payload.ts, found by folder (the worker and
 * `npm run normalize` load this, never Options). tests/unit/conventions.test.ts fails for a
 * registered vendor without one, so a missing reader is found before anyone imports a file.
 */
const readerModules = import.meta.glob<PayloadReader>('../connectors/*/payload.ts', { eager: true, import: 'readPayload' });
const readers = new Map(CONNECTOR_IDS.flatMap((id) => {
  const reader = readerModules[`../connectors/${id}/payload.ts`];
  return reader ? [[id as string, reader] as const] : [];
}));

export const SUPPORTED_CONNECTORS = [...readers.keys()];

/**
 * Canonical records from a vendor payload file, for `npm run normalize` and imports. The shape
 * is recognised from the payload itself (wrappers, `object` fields, list envelopes); anything
 * else is a schema error naming the path that did not match. What a reader skips on purpose is
 * told in `notes` (stderr of `npm run normalize`).
 */
export function normalizePayload(connector: string, payload: unknown, notes: string[] = []): CustomerRecord[] {
  const reader = readers.get(connector);
  if (!reader) throw new ConnectorError('schema', `No reader for “${connector}”; supported: ${SUPPORTED_CONNECTORS.join(', ')}.`, { path: '(connector)' });
  const records = reader(payload, IMPORT_ACCOUNT, notes);
  // Zero records is never silent: a reader that had nothing to say about it read an empty list.
  if (records.length === 0 && notes.length === 0) notes.push('The payload holds no records (an empty list).');
  return records;
}

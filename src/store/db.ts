import Dexie, { type EntityTable } from 'dexie';
import type { Board, IdentityOverride, LookupResult, MetricDefinition, MetricPointRow, Pin, RecentView, StoredRecord, SyncState, VocabularyWord } from './schema';
import { termsOf, vocabularyOf } from './terms';
import type { ConnectorHealth } from '../model/health';

export type CustomerDb = Dexie & {
  vocabulary: EntityTable<VocabularyWord, 'token'>;
  boards: EntityTable<Board, 'id'>;
  pins: EntityTable<Pin, 'id'>;
  metrics: EntityTable<MetricDefinition, 'id'>;
  points: EntityTable<MetricPointRow, 'id'>;
  syncs: EntityTable<SyncState, 'connector'>;
  overrides: EntityTable<IdentityOverride, 'id'>;
  lookups: EntityTable<LookupResult, 'id'>;
  records: EntityTable<StoredRecord, 'key'>;
  recent: EntityTable<RecentView, 'key'>;
  health: EntityTable<ConnectorHealth, 'connector'>;
};

export const DB_NAME = 'unified-customer-view';

/**
 * Schema versions, oldest first. Never edit a shipped version: add the next one with an
 * `upgrade` that rewrites old rows, so every earlier database opens with its data intact.
 */
const versions: Array<{ version: number; stores: Record<string, string>; upgrade?: (tx: import('dexie').Transaction) => Promise<void> }> = [
  {
    version: 1,
    stores: {
      records: '&key, [connector+account], type, *identities, *tokens, *links, fetchedAt',
      recent: '&key, viewedAt',
      health: '&connector',
      lookups: '&id, connector, identity, checkedAt',
      overrides: '&id, a, b',
      syncs: '&connector, status',
      metrics: '&id, source, connector',
      pins: '&id, origin',
      boards: '&id',
      points: '&id, metricId, [metricId+at], snapshotId',
    },
  },
  {
    // One multi-entry index instead of six: every index entry is a write per record, and
    // identities, links and search tokens together were three times the record's own write.
    // `type`, `fetchedAt` and `[connector+account]` had no reader left.
    version: 2,
    // `vocabulary` holds each distinct search word once, for typo matching: scanning distinct
    // keys of a multi-entry index walks every duplicate entry.
    stores: { records: '&key, *terms', vocabulary: '&token' },
    upgrade: async (tx) => {
      // Loaded here so pages hold the tokenizer's public suffix list only when they upgrade.
      const { searchTokens } = await Dexie.waitFor(import('../identity/tokens'));
      const words = new Set<string>();
      await tx
        .table('records')
        .toCollection()
        .modify((record: StoredRecord) => {
          record.tokens = searchTokens(record.title, record.fields);
          record.terms = termsOf(record);
          for (const word of vocabularyOf(record.tokens)) words.add(word);
        });
      await tx.table('vocabulary').bulkPut([...words].map((token) => ({ token })));
    },
  },
  {
    // Phone and domain identities by libphonenumber and the public suffix list: no more
    // `domain:co.id` shared by every company under a suffix, no `phone:` of an invalid number.
    // Pages load the normalisers' metadata only if they are the ones to upgrade (the worker's
    // one-file build inlines it); waitFor keeps the upgrade transaction open meanwhile.
    version: 3,
    stores: {},
    upgrade: async (tx) => (await Dexie.waitFor(import('./upgrades/renormalize-identities'))).renormalizeIdentities(tx),
  },
  {
    // Search words folded (lower case, accents dropped, ß → ss, ł → l ...), so "dvorak" finds
    // "Dvořák". Every record's tokens are recomputed and the vocabulary is rebuilt from them:
    // the accented words left in it would only be typo candidates that match nothing.
    version: 4,
    stores: {},
    upgrade: async (tx) => (await Dexie.waitFor(import('./upgrades/fold-search-words'))).foldSearchWords(tx),
  },
];

export function openCustomerDb(name = DB_NAME): CustomerDb {
  const db = new Dexie(name) as CustomerDb;
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  // Another context upgraded the schema: close so it can proceed; Dexie reopens on next use.
  db.on('versionchange', () => {
    db.close();
    return false;
  });
  return db;
}

let shared: CustomerDb | undefined;

/**
 * The database of this extension context. Only extension pages and the worker may call it, and
 * only through the store's modules: each takes the database as its last parameter, this one by
 * default, so code outside src/store never holds it (tests pass a database of their own).
 */
export function customerDb(): CustomerDb {
  shared ??= openCustomerDb();
  return shared;
}

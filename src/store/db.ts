import Dexie, { type EntityTable } from 'dexie';
import type { CustomerRecord } from '../model/record';
import { termsOf, vocabularyOf } from './terms';
import type { ConnectorHealth } from '../model/health';

export interface RecentView {
  key: string;
  viewedAt: number;
}

/** The answer a tool gave for one identity, so the same lookup is not paid for twice. */
export interface LookupResult {
  /** `connector|account|identity`. */
  id: string;
  connector: string;
  identity: string;
  checkedAt: number;
  /** Keys of the records found; empty means the tool does not know this identity. */
  keys: string[];
}

/** A user's decision that two records are (merge) or are not (split) the same customer. */
export interface IdentityOverride {
  /** `a|b` with a < b. */
  id: string;
  a: string;
  b: string;
  kind: 'split' | 'merge';
  at: number;
}

/** A connector's paged sync, saved after every page so a killed worker resumes where it was. */
export interface SyncState {
  connector: string;
  account: string;
  status: 'running' | 'done' | 'error';
  /** Where the next page starts; null before the first page. */
  cursor: string | null;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  pages: number;
  records: number;
  error?: string;
}

/** A named number the user keeps history of: from a connector, or a pinned page element. */
export interface MetricDefinition {
  /** `connector:account:metric[:dimension]` or `pin:<id>`. */
  id: string;
  source: 'connector' | 'pin';
  connector?: string;
  account?: string;
  label: string;
  /** ISO currency (values in minor units), '%', 'pts', or a count noun. */
  unit: string;
  createdAt: number;
}

export interface MetricPointRow {
  /** `metricId|snapshotId`: capturing the same snapshot twice overwrites, never duplicates. */
  id: string;
  metricId: string;
  snapshotId: string;
  at: number;
  value: number;
}

/** A number the user pointed at on a page, re-read when a matching page is visited. */
export interface Pin {
  id: string;
  label: string;
  /** CSS selector that found the element when it was pinned. */
  selector: string;
  /** Origin plus path, with `*` for path segments that look like ids. */
  urlPattern: string;
  origin: string;
  createdAt: number;
  /** `ok`, or `missing` when the selector stopped matching a number (no value is recorded then). */
  status: 'ok' | 'missing';
  lastSeenAt?: number;
  lastText?: string;
}

/** A named, ordered group of metrics the user arranges (a personal dashboard). */
export interface Board {
  id: string;
  name: string;
  metricIds: string[];
  createdAt: number;
}

/** A record as stored: with `terms`, the one index that identity, link and search queries share. */
export type StoredRecord = CustomerRecord & { terms: string[] };

/** One distinct search word: typo tolerance compares against these, not against every record. */
export interface VocabularyWord {
  token: string;
}

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

/** The database of this extension context. Only extension pages and the worker may call it. */
export function customerDb(): CustomerDb {
  shared ??= openCustomerDb();
  return shared;
}

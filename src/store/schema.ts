import type { CustomerRecord } from '../model/record';

/**
 * The rows of every table, as stored. Code outside the store imports these types from here,
 * never from db.ts: only the store opens the database.
 */

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
  /** The team member's browser that captured it, when it came through team sync (absent: this one). */
  device?: string;
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

import Dexie from 'dexie';
import type { CustomerDb } from './db';
import type { CustomerRecord } from '../model/record';
import type { ConnectorErrorKind, HealthError } from '../model/health';
import type { ConnectorId } from '../model/record';
import { queryTerms } from '../identity/tokens';
import { allowedTypos, editDistanceWithin } from '../identity/edit-distance';

const MAX_HEALTH_ERRORS = 20;
const MAX_RECENT = 30;

/** A closed database (worker woke up, version change) is reopened once and the call retried. */
async function withReopen<T>(db: CustomerDb, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Dexie.DatabaseClosedError) {
      await db.open();
      return run();
    }
    throw error;
  }
}

/** Writes a fetch result in one transaction: all records land, or none do. */
export function saveRecords(db: CustomerDb, records: CustomerRecord[]): Promise<void> {
  return withReopen(db, () => db.transaction('rw', db.records, () => db.records.bulkPut(records)).then(() => undefined));
}

export function getRecord(db: CustomerDb, key: string): Promise<CustomerRecord | undefined> {
  return db.records.get(key);
}

export async function getRecords(db: CustomerDb, keys: string[]): Promise<CustomerRecord[]> {
  const found = await db.records.bulkGet(keys);
  return found.filter((record): record is CustomerRecord => !!record);
}

export function recordsByIdentity(db: CustomerDb, identity: string): Promise<CustomerRecord[]> {
  return db.records.where('identities').equals(identity).toArray();
}

/**
 * Prefix search over tokens: the longest term (usually the most selective) is an index range
 * scan, the other terms filter, and the scan stops once enough records matched. When nothing
 * matches, the longest term is retried with typos allowed (see typoCandidates).
 * People come before companies, then most recently fetched first.
 */
export async function searchRecords(db: CustomerDb, query: string, limit = 20): Promise<CustomerRecord[]> {
  const [first, ...rest] = [...new Set(queryTerms(query))].sort((a, b) => b.length - a.length);
  if (!first) return [];
  const matchesRest = (record: CustomerRecord) => rest.every((term) => record.tokens.some((token) => token.startsWith(term)));
  let candidates = await db.records.where('tokens').startsWith(first).distinct().filter(matchesRest).limit(limit * 3).toArray();
  if (candidates.length === 0) {
    const near = await typoCandidates(db, first);
    if (near.length) candidates = await db.records.where('tokens').anyOf(near).distinct().filter(matchesRest).limit(limit * 3).toArray();
  }
  return candidates
    .sort((a, b) => Number(b.type === 'person') - Number(a.type === 'person') || b.fetchedAt - a.fetchedAt)
    .slice(0, limit);
}

/**
 * Tokens within one or two typos of the term (or of a prefix of the same length), looked up
 * only among tokens that share its first letters: a bounded, index-only key scan.
 */
async function typoCandidates(db: CustomerDb, term: string): Promise<string[]> {
  const max = allowedTypos(term);
  if (max === 0) return [];
  // Longer words keep three letters in place; the key scan is capped so one query stays cheap.
  const prefix = term.slice(0, term.length >= 6 ? 3 : 2);
  const tokens = (await db.records.where('tokens').startsWith(prefix).limit(4000).uniqueKeys()) as string[];
  return tokens.filter((token) => editDistanceWithin(term, token.slice(0, term.length), max) || editDistanceWithin(term, token, max)).slice(0, 50);
}

export async function markViewed(db: CustomerDb, key: string, now = Date.now()): Promise<void> {
  await withReopen(db, () =>
    db.transaction('rw', db.recent, async () => {
      await db.recent.put({ key, viewedAt: now });
      const stale = await db.recent.orderBy('viewedAt').reverse().offset(MAX_RECENT).primaryKeys();
      await db.recent.bulkDelete(stale);
    }),
  );
}

export async function recentRecords(db: CustomerDb, limit = 10): Promise<CustomerRecord[]> {
  const views = await db.recent.orderBy('viewedAt').reverse().limit(limit).toArray();
  return getRecords(
    db,
    views.map((view) => view.key),
  );
}

export async function recordHealthError(db: CustomerDb, connector: ConnectorId, error: Omit<HealthError, 'at'>, now = Date.now()): Promise<void> {
  await withReopen(db, () =>
    db.transaction('rw', db.health, async () => {
      const health = (await db.health.get(connector)) ?? { connector, lastErrors: [], schemaDriftCount: 0 };
      health.lastErrors = [{ ...error, at: now }, ...health.lastErrors].slice(0, MAX_HEALTH_ERRORS);
      if (error.kind === ('schema' satisfies ConnectorErrorKind)) health.schemaDriftCount += 1;
      await db.health.put(health);
    }),
  );
}

export async function recordHealthSuccess(db: CustomerDb, connector: ConnectorId, now = Date.now()): Promise<void> {
  await withReopen(db, () =>
    db.transaction('rw', db.health, async () => {
      const health = (await db.health.get(connector)) ?? { connector, lastErrors: [], schemaDriftCount: 0 };
      await db.health.put({ ...health, lastSuccessAt: now });
    }),
  );
}

export function clearHealth(db: CustomerDb, connector: ConnectorId): Promise<void> {
  return withReopen(db, () => db.health.delete(connector));
}

/** Records this one links to, plus records that link to it (a company's people). */
export async function relatedRecords(db: CustomerDb, record: CustomerRecord): Promise<CustomerRecord[]> {
  const [outgoing, incoming] = await Promise.all([getRecords(db, record.links), db.records.where('links').equals(record.key).limit(50).toArray()]);
  const byKey = new Map([...outgoing, ...incoming].map((r) => [r.key, r]));
  byKey.delete(record.key);
  return [...byKey.values()];
}

import Dexie from 'dexie';
import { customerDb, type CustomerDb } from './db';
import type { StoredRecord } from './schema';
import { withReopen } from './reopen';
import type { CustomerRecord } from '../model/record';
import type { ConnectorId } from '../model/record';
import { queryTerms } from '../identity/query-terms';
import { fold } from '../identity/fold';
import { emailIdentity } from '../identity/email';
import { allowedTypos, editDistanceWithin } from '../identity/edit-distance';
import { linkTerm, toStored, tokenTerm, vocabularyOf } from './terms';

const MAX_RECENT = 30;

/** Writes a fetch result in one transaction: all records land, or none do. */
export function saveRecords(records: CustomerRecord[], db: CustomerDb = customerDb()): Promise<void> {
  return withReopen(db, () => db.transaction('rw', db.records, db.vocabulary, () => putRecords(db, records)));
}

/**
 * Writes records read in part (a company's people from a batch read, without their deals and
 * tickets): a record already cached keeps the links it had, so its profile loses nothing.
 */
export function saveRecordsKeepingLinks(records: CustomerRecord[], db: CustomerDb = customerDb()): Promise<void> {
  return withReopen(db, () =>
    db.transaction('rw', db.records, db.vocabulary, async () => {
      const cached = await db.records.bulkGet(records.map((r) => r.key));
      const merged = records.map((record, i) => (cached[i] ? { ...record, links: [...new Set([...record.links, ...cached[i]!.links])] } : record));
      await putRecords(db, merged);
    }),
  );
}

/** The user accepted a record read off a page: its identities now join profiles like any other. */
export async function acceptPageRecord(key: string, db: CustomerDb = customerDb()): Promise<boolean> {
  return withReopen(db, () =>
    db.transaction('rw', db.records, db.vocabulary, async () => {
      const record = await db.records.get(key);
      if (!record || record.pageRead !== 'pending') return false;
      const { terms: _terms, ...plain } = record;
      await putRecords(db, [{ ...plain, pageRead: 'accepted' }]);
      return true;
    }),
  );
}

/**
 * Puts records with the index terms every query relies on, and their words into the
 * vocabulary. Call it inside a transaction over `records` and `vocabulary`.
 */
export async function putRecords(db: CustomerDb, records: CustomerRecord[]): Promise<void> {
  const known = knownWords(db);
  const fresh = [...new Set(records.flatMap((record) => vocabularyOf(record.tokens)))].filter((word) => !known.has(word));
  await Promise.all([db.records.bulkPut(records.map(toStored)), fresh.length ? db.vocabulary.bulkPut(fresh.map((token) => ({ token }))) : undefined]);
  // Only once the transaction commits: a rolled-back batch must not mark its words as stored.
  if (fresh.length) Dexie.currentTransaction.on('complete', () => fresh.forEach((word) => known.add(word)));
}

/**
 * Words this context has already written to the vocabulary. Most words repeat from batch to
 * batch (names, company domains), and rewriting each one per batch cost as much as the records.
 * Lost with the context (a restarted worker writes them once more, harmlessly).
 */
const knownWordsByDb = new WeakMap<CustomerDb, Set<string>>();
function knownWords(db: CustomerDb): Set<string> {
  let known = knownWordsByDb.get(db);
  if (!known) knownWordsByDb.set(db, (known = new Set()));
  return known;
}

/** After the vocabulary was emptied: every word must be written again. */
export function forgetKnownWords(db: CustomerDb): void {
  knownWords(db).clear();
}

export function getRecord(key: string, db: CustomerDb = customerDb()): Promise<CustomerRecord | undefined> {
  return db.records.get(key);
}

export async function getRecords(keys: string[], db: CustomerDb = customerDb()): Promise<CustomerRecord[]> {
  const found = await db.records.bulkGet(keys);
  return found.filter((record): record is StoredRecord => !!record);
}

export function recordsByIdentity(identity: string, db: CustomerDb = customerDb()): Promise<CustomerRecord[]> {
  return db.records.where('terms').equals(identity).toArray();
}

/** Keys of the records carrying an identity, from the index alone (no record is read). */
export function recordKeysByIdentity(identity: string, limit = Infinity, db: CustomerDb = customerDb()): Promise<string[]> {
  return db.records.where('terms').equals(identity).limit(limit).primaryKeys() as Promise<string[]>;
}

/** Records that link to this one (a company's people, a person's tickets). */
export function recordsLinkingTo(key: string, limit = Infinity, db: CustomerDb = customerDb()): Promise<CustomerRecord[]> {
  return db.records.where('terms').equals(linkTerm(key)).limit(limit).toArray();
}

export function cachedRecordCount(db: CustomerDb = customerDb()): Promise<number> {
  return db.records.count();
}

/** How many records one tool account has cached (keys start with `connector:account:`). */
export function countRecords(connector: ConnectorId, account?: string, db: CustomerDb = customerDb()): Promise<number> {
  return db.records.where(':id').startsWith(account === undefined ? `${connector}:` : `${connector}:${account}:`).count();
}

/** Cap on the keys one term may contribute to an intersection: bounds a keystroke's work. */
const MAX_TERM_KEYS = 5000;
/**
 * The cap once the whole name already matched ("ann le" found Ann Lee): the words in another
 * order or field are extras then, and reading 5000 keys per word for them cost a small store
 * (where a name matches fewer than a page of records) more than a large one. Keys are not free
 * either: Chromium checks each index entry against its record, about 15 µs a key on two cores,
 * so four reads of 300 (two words, each as a name word and an email) took 18 of a keystroke's
 * 20 ms at 10,000 records.
 */
const EXTRA_TERM_KEYS = 100;

/**
 * Type-ahead over names, emails, companies and domains. A word alone reads the records it
 * starts a token or an email of. A query of several words is first tried as the start of a whole
 * name ("ann le"); otherwise every word must start a token or an email of the record, found by
 * intersecting primary keys (index-only reads) before any record is read. When nothing
 * matches, the longest word is retried with typos allowed.
 * Records whose name starts with the query come first, then people, then the freshest.
 */
export async function searchRecords(query: string, limit = 20, db: CustomerDb = customerDb()): Promise<CustomerRecord[]> {
  const words = queryTerms(query);
  const terms = [...new Set(words)].sort((a, b) => b.length - a.length);
  if (!terms.length) return [];
  const phrase = words.join(' ');
  const want = limit * 3;
  // Records already read with their keys (one request for a whole prefix), in match order.
  const found = new Map<string, CustomerRecord | undefined>();
  const keep = (key: string, record?: CustomerRecord) => {
    if (found.size < want && !found.has(key)) found.set(key, record);
  };
  const add = (records: CustomerRecord[]) => records.forEach((record) => keep(record.key, record));
  const addKeys = (keys: string[]) => keys.forEach((key) => keep(key));
  add(terms.length > 1 ? await prefixRecords(db, tokenTerm(phrase), want) : await recordsForTerm(db, terms[0]!, want));
  if (found.size < want && terms.length > 1) addKeys(await keysMatchingAll(db, terms, want, undefined, found.size ? EXTRA_TERM_KEYS : MAX_TERM_KEYS));
  if (found.size === 0) {
    const near = await typoCandidates(db, terms[0]!);
    const others = terms.slice(1);
    for (const token of near) {
      if (others.length) addKeys(await keysMatchingAll(db, others, want, await prefixKeys(db, tokenTerm(token), MAX_TERM_KEYS, true)));
      else add(await prefixRecords(db, tokenTerm(token), want - found.size, true));
      if (found.size >= want) break;
    }
  }
  const unread = [...found].filter(([, record]) => !record).map(([key]) => key);
  const read = new Map((await getRecords(unread, db)).map((record) => [record.key, record]));
  const records = [...found].flatMap(([key, record]) => record ?? read.get(key) ?? []);
  const startsName = (record: CustomerRecord) => Number(fold(record.title).startsWith(phrase));
  return records
    .sort((a, b) => startsName(b) - startsName(a) || Number(b.type === 'person') - Number(a.type === 'person') || b.fetchedAt - a.fetchedAt)
    .slice(0, limit);
}

/** Primary keys of records with an index term starting with `prefix` (or equal to it). */
async function prefixKeys(db: CustomerDb, prefix: string, limit: number, exact = false): Promise<string[]> {
  return [...new Set((await termRange(db, prefix, exact).limit(limit).primaryKeys()) as string[])];
}

/** Records with an index term starting with `prefix` (or equal to it), read in one request. */
function prefixRecords(db: CustomerDb, prefix: string, limit: number, exact = false): Promise<CustomerRecord[]> {
  return termRange(db, prefix, exact).limit(limit).toArray();
}

function termRange(db: CustomerDb, prefix: string, exact: boolean) {
  const where = db.records.where('terms');
  return exact ? where.equals(prefix) : where.startsWith(prefix);
}

/**
 * Up to `limit` records where a token or an email starts with `term`: the records themselves,
 * read by the index in a request per prefix, rather than their keys first (keysForTerm) and
 * then each record in a request of its own. The email prefix is read only when names fall short.
 */
async function recordsForTerm(db: CustomerDb, term: string, limit: number): Promise<CustomerRecord[]> {
  const byToken = new Map((await prefixRecords(db, tokenTerm(term), limit)).map((record) => [record.key, record]));
  if (byToken.size < limit) for (const record of await prefixRecords(db, emailIdentity(term), limit - byToken.size)) byToken.set(record.key, record);
  return [...byToken.values()];
}

/** Keys of records where a token or an email starts with `term`. */
async function keysForTerm(db: CustomerDb, term: string, limit: number): Promise<string[]> {
  const [byToken, byEmail] = await Promise.all([prefixKeys(db, tokenTerm(term), limit), prefixKeys(db, emailIdentity(term), limit)]);
  return [...new Set([...byToken, ...byEmail])];
}

/**
 * Keys matching every term. The most selective term (the longest) drives; each other term is
 * a key set to intersect with. `seed` replaces the driving term's keys when given.
 */
async function keysMatchingAll(db: CustomerDb, terms: string[], want: number, seed?: string[], cap = MAX_TERM_KEYS): Promise<string[]> {
  const rest = seed ? terms : terms.slice(1);
  let keys = seed ?? (await keysForTerm(db, terms[0]!, rest.length ? cap : want));
  for (const term of rest) {
    if (!keys.length) break;
    const allowed = new Set(await keysForTerm(db, term, cap));
    keys = keys.filter((key) => allowed.has(key));
  }
  return keys.slice(0, want);
}

/**
 * Words within one or two typos of the term (or of a prefix of the same length), looked up
 * only among vocabulary words that share its first letters: a bounded key scan.
 */
async function typoCandidates(db: CustomerDb, term: string): Promise<string[]> {
  const max = allowedTypos(term);
  if (max === 0) return [];
  // Longer words keep three letters in place; the key scan is capped so one query stays cheap.
  const prefix = term.slice(0, term.length >= 6 ? 3 : 2);
  const words = await db.vocabulary.where('token').startsWith(prefix).limit(4000).primaryKeys();
  return words
    .filter((token) => editDistanceWithin(term, token.slice(0, term.length), max) || editDistanceWithin(term, token, max))
    .slice(0, 50);
}

export async function markViewed(key: string, now = Date.now(), db: CustomerDb = customerDb()): Promise<void> {
  await withReopen(db, () =>
    db.transaction('rw', db.recent, async () => {
      await db.recent.put({ key, viewedAt: now });
      const stale = await db.recent.orderBy('viewedAt').reverse().offset(MAX_RECENT).primaryKeys();
      await db.recent.bulkDelete(stale);
    }),
  );
}

export async function recentRecords(limit = 10, db: CustomerDb = customerDb()): Promise<CustomerRecord[]> {
  const views = await db.recent.orderBy('viewedAt').reverse().limit(limit).toArray();
  return getRecords(views.map((view) => view.key), db);
}


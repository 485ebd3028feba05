import Dexie, { type Table } from 'dexie';
import type { CustomerDb } from './db';

/**
 * Reads that belong together (a profile's dozen, a list's rows), in one read transaction: each
 * read outside one pays for a transaction of its own. Dexie follows a transaction through native
 * async code by heuristics; when it loses track, a read runs outside, the transaction commits
 * under the rest and Dexie rejects with PrematureCommitError (1 search in 6 in a test: the panel
 * then said "Searching…" for good). The reads then run again, each in a transaction of its own:
 * slower, but answered. Only for reads: a write must stay all or nothing.
 */
export async function readTogether<T>(db: CustomerDb, tables: Table[], read: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('r', tables, read);
  } catch (error) {
    if (!(error instanceof Dexie.PrematureCommitError)) throw error;
    return read();
  }
}

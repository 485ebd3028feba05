import { customerDb, type CustomerDb } from './db';
import type { LookupResult } from './schema';
import { withReopen } from './reopen';

/** What a tool answered for one identity last time, so the same lookup is not paid for twice. */
export function cachedLookup(id: string, db: CustomerDb = customerDb()): Promise<LookupResult | undefined> {
  return db.lookups.get(id);
}

export async function saveLookup(answer: LookupResult, db: CustomerDb = customerDb()): Promise<void> {
  await withReopen(db, () => db.lookups.put(answer));
}

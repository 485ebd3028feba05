import { customerDb, type CustomerDb } from './db';
import { withReopen } from './reopen';
import { forgetKnownWords } from './records';

/**
 * Frees the space the record cache takes: cached records, the tools' lookup answers, recents and
 * sync progress (a sync that says "done" over an empty cache would mislead). Metric history,
 * pins, boards and the user's split/merge decisions stay: none of them can be fetched again.
 * Deletes need no room, so this works on a full disk.
 */
export async function clearCachedRecords(db: CustomerDb = customerDb()): Promise<number> {
  const count = await withReopen(db, () =>
    db.transaction('rw', [db.records, db.vocabulary, db.lookups, db.recent, db.syncs], async () => {
      const count = await db.records.count();
      await Promise.all([db.records.clear(), db.vocabulary.clear(), db.lookups.clear(), db.recent.clear(), db.syncs.clear()]);
      return count;
    }),
  );
  forgetKnownWords(db);
  return count;
}

import { customerDb, type CustomerDb } from './db';
import type { SyncState } from './schema';
import type { CustomerRecord } from '../model/record';
import { withReopen } from './reopen';
import { putRecords } from './records';

export function syncStateOf(connector: string, db: CustomerDb = customerDb()): Promise<SyncState | undefined> {
  return db.syncs.get(connector);
}

/** Syncs a stopped worker left running: a new worker carries them on. */
export function runningSyncs(db: CustomerDb = customerDb()): Promise<SyncState[]> {
  return db.syncs.where('status').equals('running').toArray();
}

/** One tool's sync (whatever its status), or every running sync when no tool is named. */
export function syncsShown(connector?: string, db: CustomerDb = customerDb()): Promise<SyncState[]> {
  return connector ? db.syncs.where('connector').equals(connector).toArray() : runningSyncs(db);
}

export async function saveSyncState(state: SyncState, db: CustomerDb = customerDb()): Promise<void> {
  await withReopen(db, () => db.syncs.put(state));
}

/**
 * A page's records and the sync state after it, in one transaction: a worker killed between
 * pages resumes from the saved cursor with nothing lost and nothing counted twice. Another
 * context (a restarted worker) may have moved on meanwhile: only the owner of `from`'s cursor
 * writes. False when it did not.
 */
export function commitSyncPage(from: SyncState, records: CustomerRecord[], next: SyncState, db: CustomerDb = customerDb()): Promise<boolean> {
  return withReopen(db, () =>
    db.transaction('rw', db.records, db.vocabulary, db.syncs, async () => {
      const current = await db.syncs.get(from.connector);
      if (current?.cursor !== from.cursor || current.status !== 'running') return false;
      await putRecords(db, records);
      await db.syncs.put(next);
      return true;
    }),
  );
}

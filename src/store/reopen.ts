import Dexie from 'dexie';

/**
 * Every write of the store goes through here. A service worker woken from sleep, or a schema
 * upgrade in another context, can leave the connection closed (DESIGN.md section 10): the
 * database is reopened once and the write tried again. A write is all or nothing (one
 * transaction), so trying it twice never writes it twice.
 */
export async function withReopen<T>(db: Dexie, run: () => Promise<T>): Promise<T> {
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

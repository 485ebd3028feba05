import { connectorFor } from '../connectors/registry';
import { isConnectorError } from '../connectors/errors';
import type { ConnectorId } from '../model/keys';
import { customerDb, type SyncState } from '../store/db';
import { putRecords, recordHealthSuccess } from '../store/records';
import { getConnection, getConnections } from '../platform/storage';
import { credentialsFor } from './credentials';
import { noteIfStorageFull, recordConnectorFailure, toErrorReply } from './errors';
import { unlessStorageFull } from '../store/quota';
import { clearStorageFull } from '../platform/storage-alerts';

/**
 * Paged, resumable sync. Each page's records and the cursor after it are written in one
 * transaction: a worker killed between pages resumes from the saved cursor with nothing lost
 * and nothing counted twice (records are keyed, so a re-read page overwrites itself).
 */
const running = new Set<ConnectorId>();

export async function startSync(connectorId: ConnectorId): Promise<void> {
  const connection = await getConnection(connectorId);
  if (!connection) return;
  const now = Date.now();
  try {
    await customerDb().syncs.put({ connector: connectorId, account: connection.account, status: 'running', cursor: null, startedAt: now, updatedAt: now, pages: 0, records: 0 });
  } catch (error) {
    await noteIfStorageFull(error, connectorId, `sync:${connectorId}`);
    throw error;
  }
  void runSync(connectorId);
}

/** After the worker starts again: carry on with every sync that was running. */
export async function resumeSyncs(): Promise<void> {
  const unfinished = await customerDb().syncs.where('status').equals('running').toArray();
  for (const state of unfinished) void runSync(state.connector as ConnectorId);
}

/** Scheduled syncs: start the connected tools whose last sync is older than `everyMs`. */
export async function syncDue(everyMs: number): Promise<void> {
  const db = customerDb();
  for (const connection of await getConnections()) {
    const state = await db.syncs.get(connection.connector);
    if (state?.status === 'running') continue;
    if (!state || Date.now() - (state.finishedAt ?? state.updatedAt) >= everyMs) await startSync(connection.connector);
  }
}

async function runSync(connectorId: ConnectorId): Promise<void> {
  if (running.has(connectorId)) return;
  running.add(connectorId);
  const db = customerDb();
  const connector = connectorFor(connectorId);
  try {
    for (;;) {
      const state = await db.syncs.get(connectorId);
      const connection = await getConnection(connectorId);
      const credentials = connection && (await credentialsFor(connection));
      if (!state || state.status !== 'running') return;
      if (!connection || !credentials || connection.account !== state.account) {
        await db.syncs.put({ ...state, status: 'error', error: `${connector.label} is no longer connected.`, updatedAt: Date.now() });
        return;
      }
      const page = await connector.sync(state.cursor, credentials, connection);
      const next: SyncState = {
        ...state,
        cursor: page.cursor,
        pages: state.pages + 1,
        records: state.records + page.records.length,
        updatedAt: Date.now(),
        ...(page.cursor === null ? { status: 'done' as const, finishedAt: Date.now() } : {}),
      };
      await db.transaction('rw', db.records, db.vocabulary, db.syncs, async () => {
        // Another context (a restarted worker) may have moved on meanwhile: only the owner of this cursor writes.
        const current = await db.syncs.get(connectorId);
        if (current?.cursor !== state.cursor || current.status !== 'running') return;
        await putRecords(db, page.records);
        await db.syncs.put(next);
      });
      await clearStorageFull(connectorId, `sync:${connectorId}`);
      if (page.cursor === null) {
        await unlessStorageFull(recordHealthSuccess(db, connectorId));
        return;
      }
    }
  } catch (error) {
    const reply = toErrorReply(error);
    await noteIfStorageFull(error, connectorId, `sync:${connectorId}`);
    const state = await db.syncs.get(connectorId);
    // A full disk refuses this write too: the sync then stays `running` at its last written
    // page, Options shows it stopped (from the note above), and a new worker resumes it there.
    if (state) await unlessStorageFull(db.syncs.put({ ...state, status: 'error', error: reply.message, updatedAt: Date.now() }));
    if (isConnectorError(error)) await recordConnectorFailure(db, connectorId, error);
  } finally {
    running.delete(connectorId);
  }
}

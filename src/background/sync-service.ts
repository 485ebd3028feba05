import { loadConnector } from './connectors';
import type { SyncPage } from '../connectors/contract';
import type { ConnectorId } from '../model/keys';
import type { SyncState } from '../store/schema';
import { commitSyncPage, runningSyncs, saveSyncState, syncStateOf } from '../store/syncs';
import { getConnection, getConnections } from '../platform/connections';
import { noteIfStorageFull, toErrorReply } from './errors';
import { unlessStorageFull } from '../store/quota';
import { callConnector } from './connector-call';

/**
 * Paged, resumable sync. Each page's records and the cursor after it are written in one
 * transaction: a worker killed between pages resumes from the saved cursor with nothing lost
 * and nothing counted twice (records are keyed, so a re-read page overwrites itself).
 */
const running = new Set<ConnectorId>();

/**
 * How often a running sync records the tool's last success (Options shows it as "a minute
 * ago"). Per page, that write was a transaction of its own beside the page's: the sync ran a
 * median 6% faster without it (six alternating pairs of 30,000 records).
 */
const BOOKKEEPING_EVERY_MS = 5_000;

export async function startSync(connectorId: ConnectorId): Promise<void> {
  const connection = await getConnection(connectorId);
  if (!connection) return;
  const now = Date.now();
  try {
    await saveSyncState({ connector: connectorId, account: connection.account, status: 'running', cursor: null, startedAt: now, updatedAt: now, pages: 0, records: 0 });
  } catch (error) {
    await noteIfStorageFull(error, connectorId, `sync:${connectorId}`);
    throw error;
  }
  void runSync(connectorId);
}

/** After the worker starts again: carry on with every sync that was running. */
export async function resumeSyncs(): Promise<void> {
  for (const state of await runningSyncs()) void runSync(state.connector as ConnectorId);
}

/** Scheduled syncs: start the connected tools whose last sync is older than `everyMs`. */
export async function syncDue(everyMs: number): Promise<void> {
  for (const connection of await getConnections()) {
    const state = await syncStateOf(connection.connector);
    if (state?.status === 'running') continue;
    if (!state || Date.now() - (state.finishedAt ?? state.updatedAt) >= everyMs) await startSync(connection.connector);
  }
}

function afterPage(state: SyncState, page: SyncPage): SyncState {
  return {
    ...state,
    cursor: page.cursor,
    pages: state.pages + 1,
    records: state.records + page.records.length,
    updatedAt: Date.now(),
    ...(page.cursor === null ? { status: 'done' as const, finishedAt: Date.now() } : {}),
  };
}

/**
 * The sync stops with the error shown in Options. A full disk refuses this write too: the sync
 * then stays `running` at its last written page, Options shows it stopped (from the storage-full
 * note), and a new worker resumes it there.
 */
async function stopSync(connectorId: ConnectorId, error: string): Promise<void> {
  const state = await syncStateOf(connectorId);
  if (state) await unlessStorageFull(saveSyncState({ ...state, status: 'error', error, updatedAt: Date.now() }));
}

/**
 * Runs a tool's sync until its last page, an error, or another context taking it over. Each
 * next page is asked for while the one before is written: the vendor's answer and our write
 * overlap instead of taking turns (a page asked for ahead and then not needed is dropped).
 * Exported for the benchmark, which times this very loop.
 */
export async function runSync(connectorId: ConnectorId): Promise<void> {
  if (running.has(connectorId)) return;
  running.add(connectorId);
  let ahead: { cursor: string; page: Promise<SyncPage> } | null = null;
  // The first page records the tool's success (it may have failed before), then every few seconds.
  let bookkeptAt = -Infinity;
  try {
    // Inside the try, so a client that fails to load stops the sync with its error instead of holding `running`.
    const connector = await loadConnector(connectorId);
    for (;;) {
      const [state, connection] = await Promise.all([syncStateOf(connectorId), getConnection(connectorId)]);
      if (!state || state.status !== 'running') return;
      if (!connection || connection.account !== state.account) {
        await stopSync(connectorId, `${connector.label} is no longer connected.`);
        return;
      }
      // Only the owner of this cursor writes: another context (a restarted worker) may have moved on.
      const outcome = await callConnector(connection, {
        call: async (credentials) => {
          const page = await (ahead?.cursor === state.cursor ? ahead.page : connector.sync(state.cursor, credentials, connection));
          ahead = page.cursor === null ? null : askAhead(connector.sync(page.cursor, credentials, connection), page.cursor);
          return page;
        },
        save: async (page) => void (await commitSyncPage(state, page.records, afterPage(state, page))),
        scopes: [`sync:${connectorId}`],
        bookkeeping: (page) => {
          const due = page.cursor === null || Date.now() - bookkeptAt >= BOOKKEEPING_EVERY_MS;
          if (due) bookkeptAt = Date.now();
          return due;
        },
      });
      if (!outcome.ok) {
        await stopSync(connectorId, outcome.error.message);
        return;
      }
      if (outcome.answer.cursor === null) return;
    }
  } catch (error) {
    // Not the vendor's call (that is handled above): loading its client or reading the sync state failed.
    await noteIfStorageFull(error, connectorId, `sync:${connectorId}`);
    await stopSync(connectorId, toErrorReply(error).message);
  } finally {
    running.delete(connectorId);
  }
}

/** A page asked for ahead: its failure is met when (if) it is used, not as an unhandled rejection. */
function askAhead(page: Promise<SyncPage>, cursor: string): { cursor: string; page: Promise<SyncPage> } {
  page.catch(() => {});
  return { cursor, page };
}

import { browser } from './browser';
import { CONNECTOR_IDS, type ConnectorId } from '../model/keys';

/**
 * Where a write was refused because the browser's storage is full, and since when. Kept in
 * session storage (memory, outside the IndexedDB quota) because a full disk cannot record its
 * own failure in the store. One key per scope, so concurrent notes never overwrite each other;
 * a scope's note is removed by its next successful write.
 *
 * Scopes: a connector (its health in Options) and `sync:<connector>` (its sync stopped).
 */
export type StorageFullScope = ConnectorId | `sync:${ConnectorId}`;
export type StorageFullAlerts = Partial<Record<StorageFullScope, number>>;

const SCOPES: StorageFullScope[] = CONNECTOR_IDS.flatMap((id) => [id, `sync:${id}` as const]);
const keyOf = (scope: StorageFullScope) => `storageFull:${scope}`;

export async function noteStorageFull(scope: StorageFullScope, now = Date.now()): Promise<void> {
  await browser.storage.session.set({ [keyOf(scope)]: now });
}

export async function clearStorageFull(...scopes: StorageFullScope[]): Promise<void> {
  if (scopes.length) await browser.storage.session.remove(scopes.map(keyOf));
}

/** The user cleared the cache: every note is out of date. */
export async function clearAllStorageFull(): Promise<void> {
  await browser.storage.session.remove(SCOPES.map(keyOf));
}

/** Reads only its own keys: session storage also holds the unlocked token key. */
export async function storageFullAlerts(): Promise<StorageFullAlerts> {
  const stored = await browser.storage.session.get(SCOPES.map(keyOf));
  return Object.fromEntries(SCOPES.filter((scope) => typeof stored[keyOf(scope)] === 'number').map((scope) => [scope, stored[keyOf(scope)] as number]));
}

/** Calls back whenever a note is added or removed, in any context. */
export function onStorageFullAlertsChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && Object.keys(changes).some((key) => key.startsWith('storageFull:'))) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

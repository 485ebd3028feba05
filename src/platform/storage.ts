import { browser } from './browser';

/**
 * The browser's extension storage areas, and nothing else: what is kept there, and how, is
 * decided by the modules that use this (connections, secrets/tokens).
 * `local` persists and is readable by every extension page and by content scripts (so no secret
 * goes there: see store/secrets.ts); `session` is memory only, cleared when the browser closes,
 * and hidden from content scripts.
 */
export type StorageItems = Record<string, unknown>;
type Area = 'local' | 'session';

/** Named keys only: reading a whole area would load whatever else it holds into the caller. */
export function readStorage(area: Area, keys: string | string[]): Promise<StorageItems> {
  return browser.storage[area].get(keys);
}

export function writeStorage(area: Area, items: StorageItems): Promise<void> {
  return browser.storage[area].set(items);
}

export function removeFromStorage(area: Area, keys: string | string[]): Promise<void> {
  return browser.storage[area].remove(keys);
}

/** Calls back with the changed keys of an area, in any context; returns the unsubscribe. */
export function onStorageChanged(area: Area, listener: (changedKeys: string[]) => void): () => void {
  const handler = (changes: Record<string, unknown>, changedArea: string) => {
    if (changedArea === area) listener(Object.keys(changes));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/// <reference types="chrome" />
import { browser } from './browser';

/** Injects the number picker into a tab the user just pointed at (activeTab grants it). */
export async function injectPicker(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['picker.js'] });
}

export function hasOriginPermission(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [`${origin}/*`] });
}

/** Must be called inside a click handler of an extension page: browsers require the gesture. */
export function requestOriginPermission(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [`${origin}/*`] });
}

/** Re-reads pins whenever a page of this origin loads, across browser restarts. */
export async function registerPinReader(origin: string): Promise<void> {
  const id = `pins-${origin.replace(/[^a-z0-9]/gi, '_')}`;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) return;
  await browser.scripting.registerContentScripts([{ id, matches: [`${origin}/*`], js: ['pin-reader.js'], runAt: 'document_idle', persistAcrossSessions: true }]);
}

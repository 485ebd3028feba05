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
  await browser.scripting.registerContentScripts([{ id, matches: [`${origin}/*`], js: ['pin-reader.js'], runAt: 'document_start', persistAcrossSessions: true }]);
}

/**
 * Reads the emails and web domains shown on a tab the user granted (activeTab: they opened the
 * panel from the toolbar on it). Runs once, returns strings only, and leaves nothing behind.
 */
export async function collectIdentitiesOnPage(tabId: number): Promise<{ emails: string[]; hosts: string[] }> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => {
      const text = document.body?.innerText ?? '';
      const emails = new Set((text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []).slice(0, 500));
      for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="mailto:"]')) emails.add(link.href.slice(7).split('?')[0] ?? '');
      const hosts = new Set<string>();
      for (const link of [...document.querySelectorAll<HTMLAnchorElement>('a[href^="http"]')].slice(0, 1000)) {
        try {
          hosts.add(new URL(link.href).hostname);
        } catch {
          // not a URL after all
        }
      }
      return { emails: [...emails].slice(0, 500), hosts: [...hosts].slice(0, 500) };
    },
  });
  const value = result?.result as { emails?: unknown; hosts?: unknown } | undefined;
  const strings = (list: unknown) => (Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string' && v.length < 300) : []);
  return { emails: strings(value?.emails), hosts: strings(value?.hosts) };
}

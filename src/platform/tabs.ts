import { browser } from './browser';

export interface TabInfo {
  id: number;
  /** Only visible for hosts the extension has permission for (the vendor consoles). */
  url?: string;
}

/**
 * Follows one tab's URL, or the active tab of the window when no id is given (the normal
 * side panel case). Tests open the panel in a tab of its own and pass the target tab id.
 */
export function watchTab(fixedTabId: number | null, onChange: (tab: TabInfo | null) => void): () => void {
  let currentId: number | null = fixedTabId;
  const report = async () => {
    try {
      if (currentId === null) {
        const [active] = await browser.tabs.query({ active: true, currentWindow: true });
        currentId = active?.id ?? null;
        if (!active || active.id === undefined) return onChange(null);
        return onChange({ id: active.id, url: active.url });
      }
      const tab = await browser.tabs.get(currentId);
      onChange({ id: currentId, url: tab.url });
    } catch {
      onChange(null);
    }
  };
  const onUpdated = (tabId: number, change: { url?: string; status?: string }) => {
    if (tabId !== currentId) return;
    // The new URL is in the event: no round trip to ask for the tab again (the profile waits on it).
    if (change.url) onChange({ id: tabId, url: change.url });
    else if (change.status === 'complete') void report();
  };
  let windowId: number | undefined;
  void browser.windows.getCurrent().then((w) => (windowId = w.id)).catch(() => undefined);
  const onActivated = (info: { tabId: number; windowId: number }) => {
    // Each window has its own side panel: follow only this window's tabs.
    if (fixedTabId !== null || (windowId !== undefined && info.windowId !== windowId)) return;
    currentId = info.tabId;
    void report();
  };
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onActivated.addListener(onActivated);
  void report();
  return () => {
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.tabs.onActivated.removeListener(onActivated);
  };
}

export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

/** The URL of a tab (visible for the vendor consoles only), or undefined. */
export async function tabUrl(tabId: number): Promise<string | undefined> {
  return browser.tabs.get(tabId).then((tab) => tab.url, () => undefined);
}

/** A message to our content script in a tab; a tab without it (not a console) is let be. */
export async function sendToTab(tabId: number, message: unknown): Promise<void> {
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}

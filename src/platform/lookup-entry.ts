/// <reference types="chrome" />
import { browser } from './browser';

/**
 * Ways into a lookup from anywhere in the browser: the omnibox keyword, the context menu on
 * selected text and the toolbar shortcut. What to look up travels to the panel through
 * storage.session (extension contexts only), because the panel may not be open yet.
 */
export interface PendingLookup {
  query?: string;
  key?: string;
  at: number;
}

const PENDING = 'pendingLookup';
const MENU_ID = 'customer-view-lookup';
const PIN_MENU_ID = 'customer-view-pin';

export async function setPendingLookup(lookup: Omit<PendingLookup, 'at'>): Promise<void> {
  await browser.storage.session.set({ [PENDING]: { ...lookup, at: Date.now() } });
}

/** Calls back with each new pending lookup (and one left from before the panel opened), once. */
export function onPendingLookup(listener: (lookup: PendingLookup) => void): () => void {
  const take = async () => {
    const value = (await browser.storage.session.get(PENDING))[PENDING] as PendingLookup | undefined;
    if (!value || Date.now() - value.at > 60_000) return;
    await browser.storage.session.remove(PENDING);
    listener(value);
  };
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && changes[PENDING]?.newValue) void take();
  };
  browser.storage.onChanged.addListener(handler);
  void take();
  return () => browser.storage.onChanged.removeListener(handler);
}

/** Opens the side panel (Chrome) or sidebar (Firefox). Must run inside the user's gesture, before any await. */
export function openPanelNow(target: { windowId?: number; tabId?: number }): Promise<void> {
  const sidePanel = (globalThis as { chrome?: typeof chrome }).chrome?.sidePanel;
  if (sidePanel?.open) {
    const options = target.tabId !== undefined ? { tabId: target.tabId } : { windowId: target.windowId ?? chrome.windows.WINDOW_ID_CURRENT };
    return sidePanel.open(options as chrome.sidePanel.OpenOptions).catch(() => undefined);
  }
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  return sidebar ? sidebar.open().catch(() => undefined) : Promise.resolve();
}

type TabRef = { id?: number; windowId?: number } | undefined;

/** The context menu: look up selected text, or pin a number on the page. */
export function registerMenus(handlers: { onLookup: (text: string, tab: TabRef) => void; onPin: (tab: TabRef) => void }): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  // Re-created at every start-up: menus do not survive an extension update.
  void menus.removeAll().then(() => {
    menus.create({ id: MENU_ID, title: 'Look up “%s” in Customer view', contexts: ['selection'] });
    menus.create({ id: PIN_MENU_ID, title: 'Pin a number on this page…', contexts: ['page', 'frame', 'link', 'image'] });
  });
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && info.selectionText) handlers.onLookup(info.selectionText.trim().slice(0, 200), tab);
    if (info.menuItemId === PIN_MENU_ID) handlers.onPin(tab);
  });
}

/** Keyboard commands declared in the manifest (besides the one that opens the panel). */
export function onCommand(name: string, listener: (tab: TabRef) => void): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === name) listener(tab);
  });
}

export interface OmniboxSuggestion {
  content: string;
  description: string;
}

export function registerOmnibox(handlers: {
  suggest: (text: string) => Promise<OmniboxSuggestion[]>;
  entered: (text: string, disposition: string) => void;
}): void {
  const omnibox = browser.omnibox;
  if (!omnibox) return;
  omnibox.setDefaultSuggestion({ description: 'Search your customers for <match>%s</match>' });
  omnibox.onInputChanged.addListener((text, suggest) => void handlers.suggest(text).then(suggest));
  omnibox.onInputEntered.addListener((text, disposition) => handlers.entered(text, disposition));
}

/** Chrome renders omnibox descriptions as XML: vendor strings must be escaped. */
export function escapeOmniboxXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function openExtensionTab(path: string, inCurrentTab: boolean): Promise<unknown> {
  const url = browser.runtime.getURL(path);
  return inCurrentTab ? browser.tabs.update({ url }) : browser.tabs.create({ url });
}

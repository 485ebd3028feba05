/// <reference types="chrome" />
import { browser } from './browser';

/**
 * Chrome has `sidePanel`, Firefox has `sidebar_action`. Both must open inside the
 * user's gesture, so this is wired once at start-up rather than after an await.
 */
export function openPanelOnToolbarClick(): void {
  const chromeSidePanel = (globalThis as { chrome?: typeof chrome }).chrome?.sidePanel;
  if (chromeSidePanel?.setPanelBehavior) {
    void chromeSidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (sidebar) browser.action.onClicked.addListener(() => void sidebar.toggle());
}

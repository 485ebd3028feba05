import { searchRecords } from '../store/records';
import { escapeOmniboxXml, onCommand, openExtensionTab, openPanelNow, registerMenus, registerOmnibox, setPendingLookup } from '../platform/lookup-entry';
import { injectPicker } from '../platform/scripting';
import { parseRecordKey } from '../model/keys';

/** Omnibox keyword and context menu: both end in the panel with a search or a profile. */
export function registerLookupEntryPoints(): void {
  const pin = (tab: { id?: number } | undefined) => {
    if (tab?.id !== undefined) void injectPicker(tab.id).catch((error: unknown) => console.warn('Cannot pin on this page', error));
  };
  registerMenus({
    onLookup(text, tab) {
      // Open first, synchronously: an await here would lose the user's gesture.
      void openPanelNow({ tabId: tab?.id, windowId: tab?.windowId });
      void setPendingLookup({ query: text });
    },
    onPin: pin,
  });
  onCommand('pin-number', pin);

  registerOmnibox({
    async suggest(text) {
      if (!text.trim()) return [];
      const records = await searchRecords(text, 6);
      return records.map((record) => ({
        content: record.key,
        description: escapeOmniboxXml([record.title, record.fields.emails?.[0] ?? record.fields.domain, record.connector].filter(Boolean).join(' · ')),
      }));
    },
    entered(text, disposition) {
      // Like a search keyword: the answer opens as a page where the user asked for it.
      const key = parseRecordKey(text) ? text : undefined;
      const path = `panel.html?${key ? `open=${encodeURIComponent(key)}` : `q=${encodeURIComponent(text.slice(0, 200))}`}`;
      void openExtensionTab(path, disposition === 'currentTab');
    },
  });
}

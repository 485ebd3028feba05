import { describeRow, searchPeople } from '../store/people-rows';
import { VENDOR_METAS } from '../connectors/vendors';
import { escapeOmniboxXml, onCommand, openExtensionTab, openPanelNow, registerMenus, registerOmnibox, setPendingLookup } from '../platform/lookup-entry';
import { injectPicker } from '../platform/scripting';
import { parseRecordKey } from '../model/keys';

const TOOL_LABELS = new Map<string, string>(VENDOR_METAS.map((meta) => [meta.id, meta.label]));
const toolLabel = (tool: string) => TOOL_LABELS.get(tool) ?? tool;

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
      // One suggestion per person, as the panel's search lists them.
      const rows = await searchPeople(text, 6);
      return rows.map((row) => ({ content: row.key, description: escapeOmniboxXml(describeRow(row, toolLabel)) }));
    },
    entered(text, disposition) {
      // Like a search keyword: the answer opens as a page where the user asked for it.
      const key = parseRecordKey(text) ? text : undefined;
      const path = `panel.html?${key ? `open=${encodeURIComponent(key)}` : `q=${encodeURIComponent(text.slice(0, 200))}`}`;
      void openExtensionTab(path, disposition === 'currentTab');
    },
  });
}

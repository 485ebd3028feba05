/**
 * The one message the background sends a content script: the user confirmed this tab's console
 * for page mode, so read its record now. It carries nothing; the content script asks again as on
 * any visit, and the background decides from the tab's real URL.
 */
export const READ_PAGE_NOW = { type: 'background→content:readPage' } as const;

export function isReadPageNow(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === READ_PAGE_NOW.type;
}

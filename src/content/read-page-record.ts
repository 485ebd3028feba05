import type { ConnectorId } from '../model/keys';
import { metaOf } from '../connectors/vendors';

/** What a console page shows of its record; every value is bounded again by the message schema. */
export interface PageRecordReading {
  title: string;
  emails: string[];
  phones: string[];
  companyName?: string;
}

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** A malformed escape in one link (`mailto:%E0`) must not stop the read of the whole page. */
const decodedOrEmpty = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
};

/**
 * Threads on a record page: a feed, a conversation log, a quoted reply, a draft. An address in
 * them is whoever wrote or was copied, not the record's own, and read as the record's it would
 * join two people into one profile. Feeds and logs by their ARIA roles, plus the consoles' own.
 */
const THREADS = '[role="feed"], [role="log"], blockquote, [contenteditable="true"], .forceChatterFeed, .cuf-feedItem, [data-test-id="omni-log-container"], .zd-comment';

const hrefValues = (root: ParentNode, scheme: string) =>
  [...root.querySelectorAll<HTMLAnchorElement>(`a[href^="${scheme}"]`)]
    .filter((a) => !a.closest(THREADS))
    .map((a) => decodedOrEmpty(a.getAttribute('href')!.slice(scheme.length).split('?')[0]!).trim())
    .filter(Boolean);

/** Reads the record on screen; null while the console has not rendered it yet. */
export function readPageRecord(connector: ConnectorId, root: Document): PageRecordReading | null {
  // Where the vendor's record page keeps its title and its account/organisation link.
  const selectors = metaOf(connector).traits.pageRecord;
  if (!selectors) return null;
  const title = selectors.title.map((selector) => text(root.querySelector(selector))).find(Boolean);
  if (!title) return null;
  const companyName = text(root.querySelector(selectors.company)) || undefined;
  return {
    title: title.slice(0, 200),
    emails: [...new Set(hrefValues(root, 'mailto:'))].slice(0, 5),
    phones: [...new Set(hrefValues(root, 'tel:'))].slice(0, 5),
    ...(companyName ? { companyName: companyName.slice(0, 200) } : {}),
  };
}

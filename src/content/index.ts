import { detectPage } from '../connectors/page-registry';
import { send } from '../protocol/client';
import { readPageRecord } from './read-page-record';
import { whenParsed } from './page-ready';
import { onBackgroundMessage } from '../platform/messaging';
import { isReadPageNow } from '../protocol/to-content';

/**
 * Runs on vendor console pages only. It never reads IndexedDB (that would be the vendor
 * site's database), never sees tokens, and does one URL check per navigation. Only when the
 * worker asks (a page-mode vendor with no credential, on a console host the user confirmed)
 * does it read the record off the page.
 */
let lastHref = '';
/** Consoles render records after load: a few tries, then give up. */
const READ_DELAYS_MS = [0, 800, 2000, 4000];

async function readAndSend(href: string, connector: Parameters<typeof readPageRecord>[0]): Promise<void> {
  await whenParsed();
  for (const delay of READ_DELAYS_MS) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    if (location.href !== href) return;
    const reading = readPageRecord(connector, document);
    if (reading) {
      await send('content→background:pageRecord', reading);
      return;
    }
  }
}

async function onLocation(): Promise<void> {
  if (location.href === lastHref) return;
  const href = (lastHref = location.href);
  const context = detectPage(href);
  if (!context) return;
  const reply = await send('content→background:pageVisited', {});
  if (reply.ok && reply.data.readPage) await readAndSend(href, context.connector);
}

void onLocation();

// The user confirmed this console in the panel: ask again, as on a new visit.
onBackgroundMessage((message) => {
  if (!isReadPageNow(message)) return;
  lastHref = '';
  void onLocation();
});

// Consoles are single-page apps: follow in-page navigations too.
const navigation = (globalThis as { navigation?: EventTarget }).navigation;
if (navigation) navigation.addEventListener('navigatesuccess', () => void onLocation());
else setInterval(() => void onLocation(), 1000);

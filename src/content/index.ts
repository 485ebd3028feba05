import { detectPage } from '../connectors/page-registry';
import { send } from '../protocol/client';

/**
 * Runs on vendor console pages only. It never reads IndexedDB (that would be the vendor
 * site's database), never sees tokens, and does one URL check per navigation.
 */
let lastHref = '';

function onLocation(): void {
  if (location.href === lastHref) return;
  lastHref = location.href;
  if (detectPage(lastHref)) void send('content→background:pageVisited', {});
}

onLocation();

// Consoles are single-page apps: follow in-page navigations too.
const navigation = (globalThis as { navigation?: EventTarget }).navigation;
if (navigation) navigation.addEventListener('navigatesuccess', onLocation);
else setInterval(onLocation, 1000);

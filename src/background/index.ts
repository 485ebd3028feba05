import '../model/zod-setup';
import { browser } from '../platform/browser';
import { openPanelOnToolbarClick } from '../platform/side-panel';
import { dispatch, type SenderInfo } from '../protocol/server';
import { handlers } from './handlers';
import { registerLookupEntryPoints } from './entry-points';
import { ensurePeriodicAlarm, onAlarm } from '../platform/alarms';
import { resumeSyncs, syncDue } from './sync-service';

const SYNC_EVERY_MINUTES = 60;

// Registered synchronously at start-up: a worker woken by a message must find its listener.
openPanelOnToolbarClick();
registerLookupEntryPoints();
onAlarm('sync', () => void syncDue(SYNC_EVERY_MINUTES * 60_000));
void ensurePeriodicAlarm('sync', SYNC_EVERY_MINUTES);
// A worker stopped mid-sync starts again on any event: carry on from the saved cursor.
void resumeSyncs();

const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };

// First run: nothing works until a tool is connected, so start where that happens.
browser.runtime.onInstalled.addListener((details) => {
  if (details.reason === 'install') void browser.runtime.openOptionsPage();
});

browser.runtime.onMessage.addListener((message: unknown, sender: SenderInfo) => dispatch(message, sender, handlers, self));

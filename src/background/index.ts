import '../model/zod-setup';
import { openPanelOnToolbarClick } from '../platform/side-panel';
import { extensionIdentity, onFirstInstall, onRuntimeMessage } from '../platform/messaging';
import { openOptionsPage } from '../platform/tabs';
import { ensurePeriodicAlarm, onAlarm } from '../platform/alarms';
import { dispatch } from '../protocol/server';
import { handlers } from './handlers';
import { toErrorReply } from './errors';
import { registerLookupEntryPoints } from './entry-points';
import { resumeSyncs, syncDue } from './sync-service';
import { captureAll, dailySnapshotId } from './metrics-service';
import { getSettings } from '../platform/settings';
import { prunePoints } from '../store/points';
import { moveLegacySecrets } from '../secrets/tokens';

const SYNC_EVERY_MINUTES = 60;
const START_CHORES_AFTER_MS = 300;

// Listeners are registered synchronously at start-up: a worker woken by an event must find them.
openPanelOnToolbarClick();
registerLookupEntryPoints();
onAlarm('sync', () => void syncDue(SYNC_EVERY_MINUTES * 60_000));
// Daily snapshots: the alarm may fire late or twice; the day's snapshot id keeps one point per day.
onAlarm('snapshot', () => {
  void captureAll(dailySnapshotId());
  void getSettings().then((settings) => prunePoints(settings.pointRetentionDays));
});
// The chores of every start wait a moment: the event that woke the worker goes first (a panel
// waits on its answer), not behind opening the store for a sync that is rarely running.
setTimeout(() => {
  void ensurePeriodicAlarm('sync', SYNC_EVERY_MINUTES);
  void ensurePeriodicAlarm('snapshot', 24 * 60);
  // A worker stopped mid-sync starts again on any event: carry on from the saved cursor.
  void resumeSyncs();
  // Tokens an older version left in local storage (readable by content scripts) move out
  // (reading a token moves them first, so none is read from the old place meanwhile).
  void moveLegacySecrets();
}, START_CHORES_AFTER_MS);

// First run: nothing works until a tool is connected, so start where that happens.
onFirstInstall(() => void openOptionsPage());

const self = extensionIdentity();
// A handler that throws (a write refused by a full disk, say) still answers with an error the UI can show.
onRuntimeMessage((message, sender) => dispatch(message, sender, handlers, self).catch((error: unknown) => ({ ok: false as const, error: toErrorReply(error) })));
// How long a woken worker takes before it can answer (read by the benchmark; the clock starts with the worker).
performance.mark('background:listening');

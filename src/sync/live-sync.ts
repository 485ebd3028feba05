import { send } from '../protocol/client';
import { getSettings, updateSettings } from '../platform/settings';
import { hasHostPermission } from '../platform/host-permissions';
import { onStorageChanged } from '../platform/storage';
import { watchSharedTables } from '../store/team-sync';
import { readTeamSyncConfig, readTeamSyncStatus, TEAM_SYNC_KEYS, writeTeamSyncStatus, type TeamSyncStatus } from './team-config';
import { teamHostPattern } from './team-url';

/** How often an open extension page asks the team for changes, and how long it lets local edits settle. */
const PULL_EVERY_MS = 20_000;
const AFTER_EDIT_MS = 1_500;

/**
 * One sync with the team, if it is set up: the engine and PouchDB are loaded only now, and a lock
 * keeps two open pages (panel and Options) from syncing the same replica at once.
 */
export async function syncWithTeam({ pullOnly = false }: { pullOnly?: boolean } = {}): Promise<TeamSyncStatus | null> {
  const config = await readTeamSyncConfig();
  if (!config) return null;
  return navigator.locks.request('team-sync', async () => {
    const before: TeamSyncStatus = (await readTeamSyncStatus(config.url)) ?? { url: config.url, state: 'ok', up: 0, down: 0, rejected: [], contradictions: [] };
    const fail = async (kind: string, message: string) => {
      const status: TeamSyncStatus = { ...before, state: 'error', error: { kind, message } };
      await writeTeamSyncStatus(status);
      return status;
    };
    if (!(await hasHostPermission(teamHostPattern(config.url)))) return fail('permission', 'The browser has not allowed the extension to reach this server. Save the team settings again to allow it.');
    const target = await send('page→background:teamSyncTarget', {});
    if (!target.ok) return fail(target.error.kind, target.error.message);
    await writeTeamSyncStatus({ ...before, state: 'syncing' });
    const [{ syncOnce }, { BrowserPouch }] = await Promise.all([import('./engine'), import('./browser-pouch')]);
    try {
      const report = await syncOnce(target.data, {
        Pouch: BrowserPouch,
        device: target.data.device,
        pullOnly,
        settings: { read: getSettings, write: async (change) => void (await updateSettings(change)) },
      });
      const status: TeamSyncStatus = { url: config.url, state: 'ok', lastSyncedAt: report.at, up: before.up + report.up, down: before.down + report.down, rejected: report.rejected, contradictions: report.contradictions };
      await writeTeamSyncStatus(status);
      return status;
    } catch (error) {
      const { kind = 'server-error', message = String(error) } = error as { kind?: string; message?: string };
      return fail(kind, message);
    }
  });
}

/**
 * Live sync while this extension page is open: now, a moment after every local edit of what the
 * team shares, when the settings change, and every little while for the team's edits. A browser
 * without team sync only listens for it being set up (no timer, no watch on the store).
 * Returns the stop.
 */
export function startLiveSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unwatch: (() => void) | undefined;
  let stopped = false;
  // Whether something shared may have changed here since the last sync that went through.
  let changedHere = true;
  const schedule = (delay: number) => {
    clearTimeout(timer);
    if (stopped || !unwatch) return;
    timer = setTimeout(async () => {
      const pullOnly = !changedHere;
      changedHere = false;
      const status = await syncWithTeam({ pullOnly }).catch(() => null);
      if (status?.state !== 'ok') changedHere ||= !pullOnly;
      schedule(PULL_EVERY_MS);
    }, delay);
  };
  const onChangeHere = () => {
    changedHere = true;
    schedule(AFTER_EDIT_MS);
  };
  const follow = async () => {
    const configured = !!(await readTeamSyncConfig());
    if (stopped || configured === !!unwatch) return;
    if (configured) {
      unwatch = watchSharedTables(onChangeHere);
      schedule(0);
    } else {
      unwatch?.();
      unwatch = undefined;
      clearTimeout(timer);
    }
  };
  void follow();
  const unlisten = onStorageChanged('local', (keys) => {
    if (keys.includes(TEAM_SYNC_KEYS.config)) void follow().then(onChangeHere);
    else if (keys.includes('settings')) onChangeHere();
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
    unwatch?.();
    unlisten();
  };
}

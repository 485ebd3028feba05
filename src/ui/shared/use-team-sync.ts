import { useEffect, useState } from 'preact/hooks';
import { onStorageChanged } from '../../platform/storage';
import { readTeamSyncConfig, readTeamSyncStatus, TEAM_SYNC_KEYS, type TeamSyncConfig, type TeamSyncStatus } from '../../sync/team-config';
import { startLiveSync } from '../../sync/live-sync';

/** The team sync's settings and last status, kept current across pages; undefined while loading. */
export function useTeamSync(): { config: TeamSyncConfig | null; status: TeamSyncStatus | null } | undefined {
  const [state, setState] = useState<{ config: TeamSyncConfig | null; status: TeamSyncStatus | null } | undefined>(undefined);
  useEffect(() => {
    const load = async () => {
      const config = await readTeamSyncConfig();
      setState({ config, status: config ? await readTeamSyncStatus(config.url) : null });
    };
    void load();
    return onStorageChanged('local', (keys) => {
      if (keys.includes(TEAM_SYNC_KEYS.config) || keys.includes(TEAM_SYNC_KEYS.status)) void load();
    });
  }, []);
  return state;
}

/** While this page is open, it keeps this browser and the team in sync (if sync is set up). */
export function useLiveTeamSync(): void {
  useEffect(() => startLiveSync(), []);
}

import { readStorage, removeFromStorage, writeStorage } from '../platform/storage';
import type { Contradiction } from './decisions';
import { TEAM_URL } from './team-url';

/** The team database this browser syncs with: not secret (the password is kept with the tokens). */
export interface TeamSyncConfig {
  url: string;
  username: string;
  encrypted: boolean;
}

/** Checked by hand: pages that show the sync's status do not load zod for this. */
function isTeamSyncConfig(value: unknown): value is TeamSyncConfig {
  const config = value as TeamSyncConfig | null;
  return !!config && typeof config.url === 'string' && TEAM_URL.test(config.url) && typeof config.username === 'string' && typeof config.encrypted === 'boolean';
}

/** What the last sync did, for Options and the panel. */
export interface TeamSyncStatus {
  /** The team database it is about: a status left from another team is not shown for this one. */
  url: string;
  state: 'syncing' | 'ok' | 'error';
  lastSyncedAt?: number;
  /** Documents sent and received since sync was set up. */
  up: number;
  down: number;
  rejected: Array<{ id: string; reason: string }>;
  contradictions: Contradiction[];
  error?: { kind: string; message: string };
}

const CONFIG = 'teamSync';
const STATUS = 'teamSyncStatus';
const DEVICE = 'teamSyncDevice';

export async function readTeamSyncConfig(): Promise<TeamSyncConfig | null> {
  const stored = (await readStorage('local', CONFIG))[CONFIG];
  return isTeamSyncConfig(stored) ? stored : null;
}

export async function writeTeamSyncConfig(config: TeamSyncConfig | null): Promise<void> {
  if (config) await writeStorage('local', { [CONFIG]: config });
  else await removeFromStorage('local', [CONFIG, STATUS]);
}

export async function readTeamSyncStatus(url: string): Promise<TeamSyncStatus | null> {
  const status = (await readStorage('local', STATUS))[STATUS] as TeamSyncStatus | undefined;
  return status?.url === url ? status : null;
}

export async function writeTeamSyncStatus(status: TeamSyncStatus): Promise<void> {
  await writeStorage('local', { [STATUS]: status });
}

/** This browser's id in the team, made once: it names this browser's points on the server. */
export async function deviceId(): Promise<string> {
  const stored = (await readStorage('local', DEVICE))[DEVICE];
  if (typeof stored === 'string') return stored;
  const id = `b-${crypto.randomUUID().slice(0, 13)}`;
  await writeStorage('local', { [DEVICE]: id });
  return id;
}

export const TEAM_SYNC_KEYS = { config: CONFIG, status: STATUS } as const;

import { browser } from './browser';

/** User settings that are not secrets; readable by every extension page. */
export interface Settings {
  /** Metric points older than this many days are deleted; null keeps everything. */
  pointRetentionDays: number | null;
}

const KEY = 'settings';
const DEFAULTS: Settings = { pointRetentionDays: null };

export async function getSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<Settings> | undefined;
  return { ...DEFAULTS, ...stored };
}

export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...change };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

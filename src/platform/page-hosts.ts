import { browser } from './browser';

/**
 * Console hosts the user confirmed for page mode ("Read this page's record"). A page can pose as
 * a console record (a Zendesk Help Center theme on anyone's subdomain), so pages are read only on
 * hosts named here. Not secret: the hosts of consoles the user works in.
 */
const KEY = 'pageModeHosts';
const entry = (connector: string, host: string) => `${connector}:${host}`;

async function confirmedEntries(): Promise<string[]> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return Array.isArray(stored) ? stored.filter((value): value is string => typeof value === 'string') : [];
}

export async function isPageHostConfirmed(connector: string, host: string): Promise<boolean> {
  return (await confirmedEntries()).includes(entry(connector, host));
}

export async function confirmPageHost(connector: string, host: string): Promise<void> {
  const entries = await confirmedEntries();
  if (!entries.includes(entry(connector, host))) await browser.storage.local.set({ [KEY]: [...entries, entry(connector, host)] });
}

/** Calls back whenever the confirmed hosts change (the panel's button, another window). */
export function onPageHostsChanged(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

import { browser } from './browser';
import type { Connection } from '../model/health';
import { isConnectorId, type ConnectorId } from '../model/keys';

/**
 * Connections (which account, which console) are visible to extension pages.
 * Tokens live under a separate key that only the background reads.
 */
const connectionKey = (id: ConnectorId) => `connection:${id}`;
const secretKey = (id: ConnectorId) => `secret:${id}`;

/**
 * Connections are written only by the background after the vendor verified the token; this
 * guard (not zod, so the panel stays small) drops anything else an old version left behind.
 */
function isConnection(value: unknown): value is Connection {
  if (!value || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  return isConnectorId(c.connector) && typeof c.account === 'string' && typeof c.accountLabel === 'string' && typeof c.consoleHost === 'string' && typeof c.connectedAt === 'number';
}

export async function getConnection(id: ConnectorId): Promise<Connection | null> {
  const stored = (await browser.storage.local.get(connectionKey(id)))[connectionKey(id)];
  return isConnection(stored) ? stored : null;
}

export async function getConnections(): Promise<Connection[]> {
  const all = await browser.storage.local.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith('connection:'))
    .map(([, value]) => value)
    .filter(isConnection);
}

export async function saveConnection(connection: Connection, token: string): Promise<void> {
  await browser.storage.local.set({ [connectionKey(connection.connector)]: connection, [secretKey(connection.connector)]: token });
}

export async function getToken(id: ConnectorId): Promise<string | null> {
  const value = (await browser.storage.local.get(secretKey(id)))[secretKey(id)];
  return typeof value === 'string' && value ? value : null;
}

export async function removeConnection(id: ConnectorId): Promise<void> {
  await browser.storage.local.remove([connectionKey(id), secretKey(id)]);
}

/** Calls back whenever a connection is added or removed, in any context. */
export function onConnectionsChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((key) => key.startsWith('connection:'))) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

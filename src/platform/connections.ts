import type { Connection } from '../model/health';
import { CONNECTOR_IDS, isConnectorId, type ConnectorId } from '../model/keys';
import { onStorageChanged, readStorage, removeFromStorage, writeStorage } from './storage';

/**
 * Connections (which account, which console) are visible to extension pages. Their tokens are
 * kept apart, by secrets/tokens.ts, which only the background uses.
 */
const connectionKey = (id: ConnectorId) => `connection:${id}`;

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
  const stored = (await readStorage('local', connectionKey(id)))[connectionKey(id)];
  return isConnection(stored) ? stored : null;
}

/** Reads the connections' own keys only: whatever else local storage holds stays out of pages. */
export async function getConnections(): Promise<Connection[]> {
  const stored = await readStorage('local', CONNECTOR_IDS.map(connectionKey));
  return Object.values(stored).filter(isConnection);
}

export async function saveConnection(connection: Connection): Promise<void> {
  await writeStorage('local', { [connectionKey(connection.connector)]: connection });
}

export async function removeConnection(id: ConnectorId): Promise<void> {
  await removeFromStorage('local', connectionKey(id));
}

/** Calls back whenever a connection is added or removed, in any context. */
export function onConnectionsChanged(listener: () => void): () => void {
  return onStorageChanged('local', (keys) => {
    if (keys.some((key) => key.startsWith('connection:'))) listener();
  });
}

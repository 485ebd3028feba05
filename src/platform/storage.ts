import { browser } from './browser';
import type { Connection } from '../model/health';
import { isConnectorId, type ConnectorId } from '../model/keys';
import { createVault, exportKey, importKey, isSealed, open, seal, unlockVault, type SealedSecret, type VaultHeader } from '../secrets/vault';

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

/** `token` null: a session connection, which keeps no secret of its own. */
export async function saveConnection(connection: Connection, token: string | null): Promise<void> {
  if (token === null) {
    await browser.storage.local.remove(secretKey(connection.connector));
    await browser.storage.local.set({ [connectionKey(connection.connector)]: connection });
    return;
  }
  await browser.storage.local.set({ [connectionKey(connection.connector)]: connection, [secretKey(connection.connector)]: await protect(token) });
}

/** The token, or null when there is none or it is locked behind the passphrase (see vaultStatus). */
export async function getToken(id: ConnectorId): Promise<string | null> {
  const value = (await browser.storage.local.get(secretKey(id)))[secretKey(id)];
  if (typeof value === 'string') return value || null;
  if (!isSealed(value)) return null;
  const key = await sessionKey();
  if (!key) return null;
  try {
    return await open(key, value);
  } catch {
    return null;
  }
}

// ----- Optional passphrase (tokens sealed at rest; the unlocked key lives in session memory only) -----

const VAULT = 'vault';
const SESSION_KEY = 'vaultKey';

export async function vaultStatus(): Promise<'off' | 'locked' | 'unlocked'> {
  const header = (await browser.storage.local.get(VAULT))[VAULT];
  if (!header) return 'off';
  return (await sessionKey()) ? 'unlocked' : 'locked';
}

async function sessionKey(): Promise<CryptoKey | null> {
  const jwk = (await browser.storage.session.get(SESSION_KEY))[SESSION_KEY] as JsonWebKey | undefined;
  return jwk ? importKey(jwk) : null;
}

async function protect(token: string): Promise<string | SealedSecret> {
  const status = await vaultStatus();
  if (status === 'off') return token;
  const key = await sessionKey();
  if (!key) throw new Error('Tokens are locked: unlock them with your passphrase first.');
  return seal(key, token);
}

async function allSecrets(): Promise<Array<[string, unknown]>> {
  return Object.entries(await browser.storage.local.get(null)).filter(([name]) => name.startsWith('secret:'));
}

/** Seals every stored token with a key from the passphrase; the vault starts unlocked. */
export async function enablePassphrase(passphrase: string): Promise<void> {
  if ((await vaultStatus()) !== 'off') throw new Error('A passphrase is already set.');
  const { header, key } = await createVault(passphrase);
  const sealed: Record<string, SealedSecret> = {};
  for (const [name, value] of await allSecrets()) if (typeof value === 'string' && value) sealed[name] = await seal(key, value);
  await browser.storage.session.set({ [SESSION_KEY]: await exportKey(key) });
  await browser.storage.local.set({ ...sealed, [VAULT]: header });
}

export async function lockTokens(): Promise<void> {
  await browser.storage.session.remove(SESSION_KEY);
}

/** False when the passphrase is wrong. */
export async function unlockTokens(passphrase: string): Promise<boolean> {
  const header = (await browser.storage.local.get(VAULT))[VAULT] as VaultHeader | undefined;
  if (!header) return true;
  const key = await unlockVault(header, passphrase);
  if (!key) return false;
  await browser.storage.session.set({ [SESSION_KEY]: await exportKey(key) });
  return true;
}

/** Back to plain storage; only while unlocked. */
export async function removePassphrase(): Promise<void> {
  const key = await sessionKey();
  if (!key) throw new Error('Unlock the tokens first.');
  const plain: Record<string, string> = {};
  for (const [name, value] of await allSecrets()) if (isSealed(value)) plain[name] = await open(key, value);
  await browser.storage.local.set(plain);
  await browser.storage.local.remove(VAULT);
  await browser.storage.session.remove(SESSION_KEY);
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

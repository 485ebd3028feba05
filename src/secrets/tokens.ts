import type { ConnectorId } from '../model/keys';
import { readStorage, removeFromStorage, writeStorage } from '../platform/storage';
import { createVault, exportKey, importKey, isSealed, open, seal, unlockVault, type SealedSecret, type VaultHeader } from './vault';

/**
 * The vendors' tokens and the optional passphrase that seals them at rest. Only the background
 * imports this: pages that show connection status never load tokens. Where the pieces are kept
 * is this module's business alone (today: `secret:<connector>` and the vault header in local
 * storage, the unlocked key in session memory only).
 */
const secretKey = (id: ConnectorId) => `secret:${id}`;
const VAULT = 'vault';
const SESSION_KEY = 'vaultKey';

export type VaultStatus = 'off' | 'locked' | 'unlocked';

/** The token, or null when there is none or it is locked behind the passphrase (see vaultStatus). */
export async function getToken(id: ConnectorId): Promise<string | null> {
  const value = (await readStorage('local', secretKey(id)))[secretKey(id)];
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

/** Keeps a verified token, sealed when a passphrase is set. Throws while the tokens are locked. */
export async function storeToken(id: ConnectorId, token: string): Promise<void> {
  await writeStorage('local', { [secretKey(id)]: await protect(token) });
}

export async function forgetToken(id: ConnectorId): Promise<void> {
  await removeFromStorage('local', secretKey(id));
}

export async function vaultStatus(): Promise<VaultStatus> {
  const header = (await readStorage('local', VAULT))[VAULT];
  if (!header) return 'off';
  return (await sessionKey()) ? 'unlocked' : 'locked';
}

async function sessionKey(): Promise<CryptoKey | null> {
  const jwk = (await readStorage('session', SESSION_KEY))[SESSION_KEY] as JsonWebKey | undefined;
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
  return Object.entries(await readStorage('local', null)).filter(([name]) => name.startsWith('secret:'));
}

/** Seals every stored token with a key from the passphrase; the vault starts unlocked. */
export async function enablePassphrase(passphrase: string): Promise<void> {
  if ((await vaultStatus()) !== 'off') throw new Error('A passphrase is already set.');
  const { header, key } = await createVault(passphrase);
  const sealed: Record<string, SealedSecret> = {};
  for (const [name, value] of await allSecrets()) if (typeof value === 'string' && value) sealed[name] = await seal(key, value);
  await writeStorage('session', { [SESSION_KEY]: await exportKey(key) });
  await writeStorage('local', { ...sealed, [VAULT]: header });
}

export async function lockTokens(): Promise<void> {
  await removeFromStorage('session', SESSION_KEY);
}

/** False when the passphrase is wrong. */
export async function unlockTokens(passphrase: string): Promise<boolean> {
  const header = (await readStorage('local', VAULT))[VAULT] as VaultHeader | undefined;
  if (!header) return true;
  const key = await unlockVault(header, passphrase);
  if (!key) return false;
  await writeStorage('session', { [SESSION_KEY]: await exportKey(key) });
  return true;
}

/** Back to plain storage; only while unlocked. */
export async function removePassphrase(): Promise<void> {
  const key = await sessionKey();
  if (!key) throw new Error('Unlock the tokens first.');
  const plain: Record<string, string> = {};
  for (const [name, value] of await allSecrets()) if (isSealed(value)) plain[name] = await open(key, value);
  await writeStorage('local', plain);
  await removeFromStorage('local', VAULT);
  await removeFromStorage('session', SESSION_KEY);
}

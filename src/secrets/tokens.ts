import { CONNECTOR_IDS, type ConnectorId } from '../model/keys';
import { readStorage, removeFromStorage, writeStorage } from '../platform/storage';
import { deleteSecrets, readSecret, readSecrets, writeSecrets, type SecretRow } from '../store/secrets';
import { createVault, exportKey, importKey, isSealed, open, seal, unlockVault, type SealedSecret, type VaultHeader } from './vault';

/**
 * The vendors' tokens and the optional passphrase that seals them at rest. Only the background
 * imports this: pages that show connection status never load tokens. Tokens and the vault header
 * are kept in the extension's own IndexedDB (store/secrets.ts), out of content scripts' reach;
 * the unlocked key in session storage, which is memory only and hidden from content scripts.
 */
const tokenName = (id: ConnectorId) => `token:${id}`;
const TOKEN_PREFIX = 'token:';
const VAULT = 'vault';
const SESSION_KEY = 'vaultKey';

export type VaultStatus = 'off' | 'locked' | 'unlocked';

/**
 * Versions before this one kept tokens (`secret:<connector>`) and the vault header in
 * `storage.local`, which content scripts can read. Moved on every use until none is left: the
 * copy is written first (sealed tokens stay sealed, with their header), then the old keys go.
 * When the copy cannot be written (a full disk), the old keys stay, and are what is read.
 */
const legacyKey = (id: ConnectorId) => `secret:${id}`;
const LEGACY_KEYS = [...CONNECTOR_IDS.map(legacyKey), VAULT];

/** Null once nothing is left to move; else the rows that could not be moved, by new name. */
export async function moveLegacySecrets(): Promise<Map<string, unknown> | null> {
  const legacy = await readStorage('local', LEGACY_KEYS);
  const names = Object.keys(legacy);
  if (!names.length) return null;
  const rows = names.map((name) => ({ name: name === VAULT ? VAULT : `${TOKEN_PREFIX}${name.slice('secret:'.length)}`, value: legacy[name] }));
  try {
    // One transaction: a header and the tokens it sealed arrive together. Rows already moved stay.
    await writeSecrets(rows);
  } catch {
    return new Map(rows.map(({ name, value }) => [name, value]));
  }
  await removeFromStorage('local', names);
  return null;
}

async function readValue(name: string): Promise<unknown> {
  const stranded = await moveLegacySecrets();
  return stranded ? stranded.get(name) : readSecret(name);
}

/**
 * A Google sign-in of this tool (its OAuth client, refresh token and current access token, as
 * JSON; secrets/google-grant.ts): under the token prefix, so the passphrase seals it like a token.
 */
const grantName = (id: ConnectorId) => `${tokenName(id)}#google-sign-in`;

/** The token, or null when there is none or it is locked behind the passphrase (see vaultStatus). */
export function getToken(id: ConnectorId): Promise<string | null> {
  return readSealedText(tokenName(id));
}

export function getGrantText(id: ConnectorId): Promise<string | null> {
  return readSealedText(grantName(id));
}

/** Keeps a Google sign-in, sealed when a passphrase is set. Throws while the tokens are locked. */
export async function storeGrantText(id: ConnectorId, text: string): Promise<void> {
  await moveLegacySecrets();
  await writeSecrets([{ name: grantName(id), value: await protect(text) }]);
}

/** A pasted token replaces a sign-in: what is stored last is what is used. */
export async function forgetGrant(id: ConnectorId): Promise<void> {
  await deleteSecrets([grantName(id)]);
}

async function readSealedText(name: string): Promise<string | null> {
  const value = await readValue(name);
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

/** The team sync's CouchDB password and team passphrase (JSON), kept and sealed like a token. */
const TEAM_SYNC_SECRET = `${TOKEN_PREFIX}team-sync`;

export function getTeamSyncSecret(): Promise<string | null> {
  return readSealedText(TEAM_SYNC_SECRET);
}

/** Throws while the tokens are locked. */
export async function storeTeamSyncSecret(text: string): Promise<void> {
  await moveLegacySecrets();
  await writeSecrets([{ name: TEAM_SYNC_SECRET, value: await protect(text) }]);
}

export async function forgetTeamSyncSecret(): Promise<void> {
  await deleteSecrets([TEAM_SYNC_SECRET]);
}

/** Keeps a verified token, sealed when a passphrase is set. Throws while the tokens are locked. */
export async function storeToken(id: ConnectorId, token: string): Promise<void> {
  await moveLegacySecrets();
  await writeSecrets([{ name: tokenName(id), value: await protect(token) }]);
}

export async function forgetToken(id: ConnectorId): Promise<void> {
  await moveLegacySecrets();
  await deleteSecrets([tokenName(id), grantName(id)]);
  // Gone even when it could not be moved (a delete needs no room).
  await removeFromStorage('local', legacyKey(id));
}

export async function vaultStatus(): Promise<VaultStatus> {
  if (!(await readValue(VAULT))) return 'off';
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

/** Seals every stored token with a key from the passphrase; the vault starts unlocked. */
export async function enablePassphrase(passphrase: string): Promise<void> {
  if ((await vaultStatus()) !== 'off') throw new Error('A passphrase is already set.');
  const { header, key } = await createVault(passphrase);
  const sealed: SecretRow[] = [];
  for (const { name, value } of await readSecrets(TOKEN_PREFIX)) if (typeof value === 'string' && value) sealed.push({ name, value: await seal(key, value) });
  await writeStorage('session', { [SESSION_KEY]: await exportKey(key) });
  await writeSecrets([...sealed, { name: VAULT, value: header }]);
}

export async function lockTokens(): Promise<void> {
  await removeFromStorage('session', SESSION_KEY);
}

/** False when the passphrase is wrong. */
export async function unlockTokens(passphrase: string): Promise<boolean> {
  const header = (await readValue(VAULT)) as VaultHeader | undefined;
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
  const plain: SecretRow[] = [];
  for (const { name, value } of await readSecrets(TOKEN_PREFIX)) if (isSealed(value)) plain.push({ name, value: await open(key, value) });
  await writeSecrets(plain);
  await deleteSecrets([VAULT]);
  await removeFromStorage('session', SESSION_KEY);
}

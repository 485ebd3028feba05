import { createVault, isSealed, open, seal, unlockVault, type SealedSecret, type VaultHeader } from '../secrets/vault';
import { teamSyncError } from './errors';

/**
 * End-to-end encryption with a team passphrase: the key is derived as the token vault derives
 * its own (PBKDF2-SHA-256, AES-GCM 256). The salt and a check text live in one clear document on
 * the team server, so every browser with the passphrase derives the same key. Document ids are
 * tagged with an HMAC of the same key, so ids name no metric either.
 */
export const VAULT_DOC_ID = 'team-vault';

export interface TeamKey {
  seal(plain: string): Promise<SealedSecret>;
  open(sealed: SealedSecret): Promise<string>;
  /** A stable, opaque stand-in for a name that would otherwise sit in a document id. */
  tag(name: string): Promise<string>;
}

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

async function teamKeyOf(key: CryptoKey): Promise<TeamKey> {
  const hmac = await crypto.subtle.importKey('raw', await crypto.subtle.exportKey('raw', key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return {
    seal: (plain) => seal(key, plain),
    open: (sealed) => open(key, sealed),
    tag: async (name) => hex(await crypto.subtle.sign('HMAC', hmac, new TextEncoder().encode(name))).slice(0, 32),
  };
}

export function isVaultHeader(value: unknown): value is VaultHeader {
  const header = value as VaultHeader | null;
  return !!header && typeof header.salt === 'string' && typeof header.iterations === 'number' && isSealed(header.check);
}

/** The team's key from the header on the server; null header means the team has none yet. */
export async function teamKeyFor(header: VaultHeader | null, passphrase: string | undefined): Promise<{ key: TeamKey | null; newHeader?: VaultHeader }> {
  if (!header) {
    if (!passphrase) return { key: null };
    const created = await createVault(passphrase);
    return { key: await teamKeyOf(created.key), newHeader: created.header };
  }
  if (!passphrase) throw teamSyncError('passphrase-needed');
  // 600,000 PBKDF2 rounds per sync would cost a page a noticeable moment every 20 seconds.
  const cacheKey = `${header.salt}\n${header.iterations}\n${passphrase}`;
  let derived = derivedKeys.get(cacheKey);
  if (!derived) derivedKeys.set(cacheKey, (derived = unlockVault(header, passphrase).then((key) => key && teamKeyOf(key))));
  const key = await derived;
  if (!key) {
    derivedKeys.delete(cacheKey);
    throw teamSyncError('wrong-passphrase');
  }
  return { key };
}

/** Keys derived in this page, by header and passphrase (memory only, gone with the page). */
const derivedKeys = new Map<string, Promise<TeamKey | null>>();

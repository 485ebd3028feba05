/**
 * Optional passphrase protection for tokens at rest: AES-GCM 256 with a key derived by
 * PBKDF2-SHA-256 (600,000 iterations, per-install random salt). Pure WebCrypto, no storage:
 * src/secrets/tokens.ts decides where the pieces live.
 */
export const PBKDF2_ITERATIONS = 600_000;

export interface SealedSecret {
  iv: string;
  data: string;
}

export interface VaultHeader {
  salt: string;
  iterations: number;
  /** A known text sealed with the key: tells a wrong passphrase from a right one. */
  check: SealedSecret;
}

const CHECK_TEXT = 'customer-view-vault';
const toBase64 = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations = PBKDF2_ITERATIONS): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  // Extractable so the unlocked key can sit in session storage (memory only) across worker restarts.
  return crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, material, { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export async function seal(key: CryptoKey, plain: string): Promise<SealedSecret> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plain));
  return { iv: toBase64(iv), data: toBase64(data) };
}

/** Throws when the key is wrong or the data was tampered with (GCM authenticates it). */
export async function open(key: CryptoKey, sealed: SealedSecret): Promise<string> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, key, fromBase64(sealed.data));
  return new TextDecoder().decode(plain);
}

export async function createVault(passphrase: string): Promise<{ header: VaultHeader; key: CryptoKey }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt);
  return { header: { salt: toBase64(salt), iterations: PBKDF2_ITERATIONS, check: await seal(key, CHECK_TEXT) }, key };
}

/** The key for this passphrase, or null when the passphrase is wrong. */
export async function unlockVault(header: VaultHeader, passphrase: string): Promise<CryptoKey | null> {
  const key = await deriveKey(passphrase, fromBase64(header.salt), header.iterations);
  try {
    return (await open(key, header.check)) === CHECK_TEXT ? key : null;
  } catch {
    return null;
  }
}

export async function exportKey(key: CryptoKey): Promise<JsonWebKey> {
  return crypto.subtle.exportKey('jwk', key);
}

export function importKey(jwk: JsonWebKey): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', jwk, { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);
}

export function isSealed(value: unknown): value is SealedSecret {
  return !!value && typeof value === 'object' && typeof (value as SealedSecret).iv === 'string' && typeof (value as SealedSecret).data === 'string';
}

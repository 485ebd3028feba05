import { describe, expect, it } from 'vitest';
import { createVault, exportKey, importKey, open, seal, unlockVault } from '../../src/secrets/vault';

describe('token vault', () => {
  it('seals and opens with the passphrase, refuses a wrong one, and detects tampering', async () => {
    const { header, key } = await createVault('correct horse battery staple');
    const sealed = await seal(key, 'pat-na1-secret');
    expect(JSON.stringify(sealed)).not.toContain('pat-na1');
    expect(await open(key, sealed)).toBe('pat-na1-secret');

    expect(await unlockVault(header, 'wrong passphrase')).toBeNull();
    const again = await unlockVault(header, 'correct horse battery staple');
    expect(again && (await open(again, sealed))).toBe('pat-na1-secret');

    const tampered = { ...sealed, data: sealed.data.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) };
    await expect(open(key, tampered)).rejects.toThrow();
  }, 20_000);

  it('survives export to session storage and back', async () => {
    const { key } = await createVault('pass');
    const restored = await importKey(await exportKey(key));
    expect(await open(restored, await seal(key, 'x'))).toBe('x');
  }, 20_000);
});

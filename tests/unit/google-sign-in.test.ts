import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { codeFromRedirect, exchangeCode } from '../../src/connectors/kit/google-oauth';
import { authorizeUrl, signInSecrets } from '../../src/connectors/kit/google-consent';
import { createGoogleOAuthReplica, GOOGLE_OAUTH_CLIENT_ID, GOOGLE_OAUTH_CLIENT_SECRET } from '../replica/google-oauth.mjs';
import { answerFromReplica } from './replica-fetch';

// The sign-in's renewal in the worker's modules, with the browser's storage in memory and
// Google's token endpoint answered by its replica.
vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./memory-browser')).memoryBrowser() }));
const { browser } = (await import('../../src/platform/browser')) as unknown as { browser: ReturnType<typeof import('./memory-browser').memoryBrowser> };
const tokens = await import('../../src/secrets/tokens');
const { readGrant, storeGrant } = await import('../../src/secrets/google-grant');
const { googleSignInToken } = await import('../../src/background/google-sign-in');
const { readSecret, deleteSecrets } = await import('../../src/store/secrets');
const { isSealed } = await import('../../src/secrets/vault');

/** The error a promise is refused with; a promise that resolves fails the test. */
const failureOf = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as Error,
  );

const client = { clientId: GOOGLE_OAUTH_CLIENT_ID, clientSecret: GOOGLE_OAUTH_CLIENT_SECRET };
const GA4_ACCESS = new Set<string>();
const ADS_ACCESS = new Set<string>();
let google: ReturnType<typeof createGoogleOAuthReplica>;

beforeEach(async () => {
  GA4_ACCESS.clear();
  ADS_ACCESS.clear();
  google = createGoogleOAuthReplica({ ga4: GA4_ACCESS, 'google-ads': ADS_ACCESS });
  vi.stubGlobal('fetch', answerFromReplica(google));
  for (const area of [browser.storage.local, browser.storage.session]) await area.remove(Object.keys(await area.get(null)));
  await deleteSecrets(['vault', 'token:ga4', 'token:ga4#google-sign-in', 'token:google-ads#google-sign-in']);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the sign-in request', () => {
  it('sends an S256 challenge of a fresh verifier, asks for offline access, and ties the answer to its state', async () => {
    const first = await signInSecrets();
    const second = await signInSecrets();
    expect(first.verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(first.verifier).not.toBe(second.verifier);
    expect(first.challenge).toBe(createHash('sha256').update(first.verifier).digest('base64url'));
    const url = new URL(authorizeUrl({ clientId: 'c', redirectUri: 'https://abc.chromiumapp.org/google', scope: 'https://www.googleapis.com/auth/adwords', challenge: first.challenge, state: first.state }));
    expect(url.origin + url.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ response_type: 'code', access_type: 'offline', prompt: 'consent', code_challenge_method: 'S256', code_challenge: first.challenge, state: first.state });
    expect(url.searchParams.has('code_verifier')).toBe(false);

    expect(codeFromRedirect(`https://abc.chromiumapp.org/google?state=${first.state}&code=4/0Aabc`, first.state)).toBe('4/0Aabc');
    expect(() => codeFromRedirect(`https://abc.chromiumapp.org/google?state=${second.state}&code=4/0Aabc`, first.state)).toThrow(/did not belong to this sign-in/);
    expect(() => codeFromRedirect(`https://abc.chromiumapp.org/google?state=${first.state}&error=access_denied`, first.state)).toThrow(/cancelled/);
  });

  it('names a wrong client secret without repeating it', async () => {
    const failure = await failureOf(exchangeCode({ clientId: GOOGLE_OAUTH_CLIENT_ID, clientSecret: 'GOCSPX-wrong-secret' }, '4/0Aabc', 'v'.repeat(43), 'https://abc.chromiumapp.org/google'));
    expect(failure).toMatchObject({ kind: 'auth' });
    expect(failure.message).toMatch(/did not accept the OAuth client/);
    expect(failure.message).not.toContain('GOCSPX-wrong-secret');
  });
});

describe('access that renews by itself', () => {
  const grantFor = (vendor: 'ga4' | 'google-ads', expiresInMs: number) => ({ ...client, refreshToken: google.data.refreshTokenFor(vendor), accessToken: 'ya29.old', expiresAt: Date.now() + expiresInMs });

  it('uses the access token while it has more than a minute left, without asking Google', async () => {
    await storeGrant('ga4', grantFor('ga4', 10 * 60_000));
    expect(await googleSignInToken('ga4')).toBe('ya29.old');
    expect(google.data.grants).toEqual([]);
  });

  it('renews a token about to expire once for calls that need it at the same time, and keeps the new one', async () => {
    await storeGrant('ga4', grantFor('ga4', 30_000));
    const [a, b] = await Promise.all([googleSignInToken('ga4'), googleSignInToken('ga4')]);
    expect(google.data.grants).toEqual(['refresh_token']);
    expect(a).toBe(b);
    expect(GA4_ACCESS.has(a!)).toBe(true);
    expect((await readGrant('ga4'))?.accessToken).toBe(a);
    expect(await googleSignInToken('ga4')).toBe(a);
    expect(google.data.grants).toEqual(['refresh_token']);
  });

  it('renews a token Google refused before its hour, but not one already replaced', async () => {
    await storeGrant('ga4', grantFor('ga4', 50 * 60_000));
    const renewed = await googleSignInToken('ga4', 'ya29.old');
    expect(renewed).not.toBe('ya29.old');
    // A second call that failed with the old token gets the new one without another renewal.
    expect(await googleSignInToken('ga4', 'ya29.old')).toBe(renewed);
    expect(google.data.grants).toEqual(['refresh_token']);
  });

  it('puts Google Ads’ developer token before the renewed access token', async () => {
    await storeGrant('google-ads', { ...grantFor('google-ads', 0), tokenPrefix: 'devToken123' });
    const token = await googleSignInToken('google-ads');
    expect(token).toMatch(/^devToken123:ya29\.replica-/);
    expect(ADS_ACCESS.has(token!.split(':')[1]!)).toBe(true);
  });

  it('says plainly that Google refused to renew a revoked sign-in, without the refresh token in the words', async () => {
    const grant = grantFor('ga4', 0);
    await storeGrant('ga4', grant);
    google.data.revokeSignIns();
    const failure = await failureOf(googleSignInToken('ga4'));
    expect(failure).toMatchObject({ kind: 'auth' });
    expect(failure.message).toMatch(/^Google refused to renew access to Google Analytics: .*Sign in with Google again in Options\./);
    expect(failure.message).not.toContain(grant.refreshToken);
    // The grant stays for a later look; the connection's cached data is not touched here.
    expect((await readGrant('ga4'))?.refreshToken).toBe(grant.refreshToken);
  });

  it('is null for a tool connected with a pasted token, and a pasted token replaces a sign-in', async () => {
    expect(await googleSignInToken('ga4')).toBeNull();
    await storeGrant('ga4', grantFor('ga4', 10 * 60_000));
    await tokens.storeToken('ga4', 'ya29.pasted');
    await tokens.forgetGrant('ga4');
    expect(await googleSignInToken('ga4')).toBeNull();
  });
});

describe('the refresh token at rest', () => {
  it('is sealed with the tokens when a passphrase is set, before or after the sign-in, and unreadable while locked', async () => {
    const grant = { ...client, refreshToken: '1//0refresh-kept-secret', accessToken: 'ya29.x', expiresAt: Date.now() + 3_600_000 };
    await storeGrant('ga4', grant);
    await tokens.enablePassphrase('correct horse battery staple');
    const sealed = await readSecret('token:ga4#google-sign-in');
    expect(isSealed(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain('refresh-kept-secret');
    expect((await readGrant('ga4'))?.refreshToken).toBe('1//0refresh-kept-secret');

    await storeGrant('google-ads', { ...grant, refreshToken: '1//0second' });
    expect(JSON.stringify(await readSecret('token:google-ads#google-sign-in'))).not.toContain('1//0second');

    await tokens.lockTokens();
    expect(await readGrant('ga4')).toBeNull();
    expect(await googleSignInToken('ga4')).toBeNull();
  });
});

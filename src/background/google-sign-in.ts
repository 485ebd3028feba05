import { loadConnector } from './connectors';
import { metaOf } from '../connectors/vendors';
import { codeFromRedirect, exchangeCode, renewAccessToken, RENEW_MARGIN_MS } from '../connectors/kit/google-oauth';
import { isConnectorError } from '../connectors/errors';
import type { ConnectorId } from '../model/keys';
import type { Reply } from '../protocol/messages';
import { saveConnection } from '../platform/connections';
import { googleRedirectUri } from '../platform/identity';
import { connectorToken, readGrant, storeGrant, type GoogleGrant } from '../secrets/google-grant';
import { forgetToken, vaultStatus } from '../secrets/tokens';
import { clearHealth } from '../store/health';
import { toErrorReply } from './errors';

export interface GoogleSignInRequest {
  clientId: string;
  clientSecret: string;
  site?: string;
  tokenPrefix?: string;
  /** What the consent window came back with, and the PKCE secrets Options made for it. */
  redirected: string;
  redirectUri: string;
  state: string;
  verifier: string;
}

/**
 * The second half of a Google sign-in (Options ran the consent window, which may take the user
 * longer than the worker is allowed to idle): the code for tokens on the user's own OAuth
 * client, the access checked with one real call, and the refresh token kept (sealed with the
 * tokens when a passphrase is set) so access renews by itself from then on.
 */
export async function signInWithGoogle(connectorId: ConnectorId, request: GoogleSignInRequest): Promise<Reply<'options→background:connect'>> {
  const signIn = metaOf(connectorId).auth.googleSignIn;
  const label = metaOf(connectorId).label;
  if (!signIn) return { ok: false, error: { kind: 'auth', message: `${label} does not sign in with Google; paste a token.` } };
  if ((await vaultStatus()) === 'locked') return { ok: false, error: { kind: 'auth', message: 'Unlock your tokens with your passphrase before connecting another tool.' } };
  if (signIn.prefixLabel && !request.tokenPrefix) return { ok: false, error: { kind: 'auth', message: `Enter the ${signIn.prefixLabel} first.` } };
  // The code is only ever sent back to this extension's own redirect address.
  if (request.redirectUri !== googleRedirectUri() || !request.redirected.startsWith(request.redirectUri)) {
    return { ok: false, error: { kind: 'auth', message: 'The Google sign-in came back to another address than this extension’s; try again.' } };
  }
  const client = { clientId: request.clientId.trim(), clientSecret: request.clientSecret.trim() };
  try {
    const answer = await exchangeCode(client, codeFromRedirect(request.redirected, request.state), request.verifier, request.redirectUri);
    const grant: GoogleGrant = { ...client, refreshToken: answer.refresh_token, ...(request.tokenPrefix ? { tokenPrefix: request.tokenPrefix.trim() } : {}), accessToken: answer.access_token, expiresAt: Date.now() + answer.expires_in * 1000 };
    const verified = await (await loadConnector(connectorId)).verify({ token: connectorToken(grant), site: request.site });
    const connection = { ...verified, authMode: 'token' as const, signIn: 'google' as const, site: request.site || undefined, connectedAt: Date.now() };
    // A pasted token of this tool goes: the sign-in is what is used from now on.
    await forgetToken(connectorId);
    await storeGrant(connectorId, grant);
    await saveConnection(connection);
    await clearHealth(connectorId);
    return { ok: true, data: { connection } };
  } catch (error) {
    return { ok: false, error: toErrorReply(error) };
  }
}

const renewals = new Map<ConnectorId, Promise<string>>();

/**
 * The tool's token from its Google sign-in, renewed first when it expires within a minute, or
 * when Google just refused `rejectedToken` (it may have been revoked early); null without a
 * sign-in. Calls that need a renewal at the same time share one request to Google.
 */
export async function googleSignInToken(id: ConnectorId, rejectedToken?: string): Promise<string | null> {
  const grant = await readGrant(id);
  if (!grant) return null;
  const current = connectorToken(grant);
  const stale = rejectedToken === undefined ? grant.expiresAt - RENEW_MARGIN_MS <= Date.now() : rejectedToken === current;
  if (!stale) return current;
  let renewal = renewals.get(id);
  if (!renewal) {
    renewal = renew(id, grant).finally(() => renewals.delete(id));
    renewals.set(id, renewal);
  }
  return renewal;
}

async function renew(id: ConnectorId, grant: GoogleGrant): Promise<string> {
  const answer = await renewAccessToken(grant, grant.refreshToken, metaOf(id).label);
  const next: GoogleGrant = { ...grant, accessToken: answer.access_token, expiresAt: Date.now() + answer.expires_in * 1000, ...(answer.refresh_token ? { refreshToken: answer.refresh_token } : {}) };
  // Kept for the next call; on a full disk this one still gets its token and the next renews again.
  await storeGrant(id, next).catch(() => undefined);
  return connectorToken(next);
}

/** A 401 from the vendor with a Google sign-in: renew once and call again (the token may have been revoked before its hour). */
export async function withRenewal<T>(id: ConnectorId, token: string, call: (token: string) => Promise<T>): Promise<T> {
  try {
    return await call(token);
  } catch (error) {
    if (!isConnectorError(error) || error.kind !== 'auth' || error.detail.status !== 401) throw error;
    const renewed = await googleSignInToken(id, token);
    if (!renewed || renewed === token) throw error;
    return call(renewed);
  }
}

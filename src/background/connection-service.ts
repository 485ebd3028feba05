import { loadConnector } from './connectors';
import type { ConnectorId } from '../model/record';
import type { Credentials } from '../connectors/contract';
import { getConnection, removeConnection, saveConnection } from '../platform/connections';
import { releaseCookieAccess } from '../platform/cookies';
import { forgetGrant, forgetToken, storeToken, vaultStatus } from '../secrets/tokens';
import { clearHealth } from '../store/health';
import type { Reply } from '../protocol/messages';
import { toErrorReply } from './errors';
import { sessionToken } from './credentials';

/**
 * One real API call decides: a rejected token is never stored. In `session` mode nothing secret
 * is stored at all; the vendor's session cookie is read again at each use.
 */
export async function connect(connectorId: ConnectorId, authMode: 'token' | 'session', credentials: Credentials): Promise<Reply<'options→background:connect'>> {
  const connector = await loadConnector(connectorId);
  // Nothing is fetched while locked, not even a signed-in session's first call.
  if ((await vaultStatus()) === 'locked') {
    return { ok: false, error: { kind: 'auth', message: 'Unlock your tokens with your passphrase before connecting another tool.' } };
  }
  let token = credentials.token;
  if (authMode === 'session') {
    if (!connector.auth.session) return { ok: false, error: { kind: 'auth', message: `${connector.label} cannot use a signed-in session; paste a token.` } };
    token = (await sessionToken(connectorId, credentials.site)) ?? '';
    if (!token) return { ok: false, error: { kind: 'auth', message: `No signed-in ${connector.label} session found for that address. Sign in to ${connector.label} in this browser, then try again.` } };
  } else if (!token) {
    return { ok: false, error: { kind: 'auth', message: `Paste a ${connector.label} token first.` } };
  }
  try {
    const verified = await connector.verify({ ...credentials, token });
    const connection = { ...verified, authMode, site: credentials.site || undefined, email: credentials.email || undefined, connectedAt: Date.now() };
    // The token before the connection: a connection is never listed without its token.
    if (authMode === 'session') await forgetToken(connectorId);
    else {
      await storeToken(connectorId, token);
      // A Google sign-in this token replaces is not kept beside it.
      await forgetGrant(connectorId);
    }
    await saveConnection(connection);
    await clearHealth(connectorId);
    return { ok: true, data: { connection } };
  } catch (error) {
    return { ok: false, error: toErrorReply(error) };
  }
}

export async function disconnect(connectorId: ConnectorId): Promise<Reply<'options→background:disconnect'>> {
  const wasSession = (await getConnection(connectorId))?.authMode === 'session';
  await removeConnection(connectorId);
  await forgetToken(connectorId);
  // Only a signed-in session needs `cookies` (one vendor offers it): given back with it.
  if (wasSession) await releaseCookieAccess().catch(() => undefined);
  return { ok: true, data: {} };
}

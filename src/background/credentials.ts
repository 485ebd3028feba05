import type { Credentials } from '../connectors/contract';
import { metaOf } from '../connectors/vendors';
import { loadConnector } from './connectors';
import type { Connection } from '../model/health';
import type { ConnectorId } from '../model/record';
import { readCookie } from '../platform/cookies';
import { getToken, vaultStatus } from '../secrets/tokens';
import { googleSignInToken } from './google-sign-in';

/** The signed-in console session of a vendor that allows API calls with it, or null when signed out. */
export async function sessionToken(connectorId: ConnectorId, site: string | undefined): Promise<string | null> {
  // Which cookie holds the session is the API client's knowledge: loaded only for a tool that offers one.
  if (!site || !metaOf(connectorId).auth.modes.includes('session')) return null;
  const session = (await loadConnector(connectorId)).auth.session;
  if (!session) return null;
  try {
    const { url, name } = session.cookie(site);
    return await readCookie(url, name);
  } catch {
    // A site that is not the vendor's: no cookie is read for it.
    return null;
  }
}

/**
 * What a connector needs to call its vendor for this connection; null when there is no usable
 * secret; a ConnectorError when Google refused to renew a sign-in's access. Locked means
 * nothing is fetched, with a signed-in session too: the user locked the tool.
 */
export async function credentialsFor(connection: Connection): Promise<Credentials | null> {
  if ((await vaultStatus()) === 'locked') return null;
  const token =
    connection.authMode === 'session'
      ? await sessionToken(connection.connector, connection.site)
      : // A Google sign-in renews its hour-long token here, before the call (a refusal throws, in words).
        connection.signIn === 'google'
        ? await googleSignInToken(connection.connector)
        : await getToken(connection.connector);
  return token ? { token, site: connection.site, email: connection.email } : null;
}

/** Why there are no credentials, in words a marketer can act on. */
export function missingCredentialsMessage(connection: Connection): string {
  const label = metaOf(connection.connector).label;
  return connection.authMode === 'session'
    ? `You are signed out of ${label}. Sign in to ${label} in this browser; the panel uses the new session by itself.`
    : `${label} has no token. Reconnect it in Options.`;
}

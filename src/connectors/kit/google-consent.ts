/**
 * The consent half of a Google sign-in, as Options runs it in the browser's sign-in window: the
 * authorization-code flow with PKCE (S256). No token is handled here; the code goes to the
 * background, which exchanges it (google-oauth.ts). Kept apart so Options loads no API code.
 */
export const GOOGLE_AUTHORIZE_URL = 'https://accounts.google.com/o/oauth2/v2/auth';

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const randomText = (bytes: number) => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

/** A PKCE verifier (43+ characters of the unreserved set, RFC 7636) and its S256 challenge, plus the `state` that ties the answer to this request. */
export async function signInSecrets(): Promise<{ verifier: string; challenge: string; state: string }> {
  const verifier = randomText(48);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  return { verifier, challenge, state: randomText(24) };
}

/** The consent page: offline access for a refresh token, and consent asked again so Google sends one each time. */
export function authorizeUrl(request: { clientId: string; redirectUri: string; scope: string; challenge: string; state: string }): string {
  const url = new URL(GOOGLE_AUTHORIZE_URL);
  url.search = new URLSearchParams({
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    response_type: 'code',
    scope: request.scope,
    access_type: 'offline',
    prompt: 'consent',
    include_granted_scopes: 'true',
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
    state: request.state,
  }).toString();
  return url.toString();
}


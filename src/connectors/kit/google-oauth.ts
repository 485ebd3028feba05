import { z } from '../../model/zod-setup';
import { ConnectorError } from '../errors';
import { redactCredentials } from '../http';

/**
 * Google's OAuth 2.0 token endpoint, as the GA4 and Google Ads connectors use it: the code from
 * the consent window (google-consent.ts) for tokens, and access tokens renewed with the refresh
 * token. The user brings their own OAuth client; nothing here talks to anyone but Google.
 */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
/** Renewed this long before Google's expiry, so a call never starts with a token about to die. */
export const RENEW_MARGIN_MS = 60_000;

const tokenAnswerSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  expires_in: z.number(),
  refresh_token: z.optional(z.string()),
  scope: z.optional(z.string()),
  token_type: z.optional(z.string()),
});
export type GoogleTokenAnswer = z.infer<typeof tokenAnswerSchema>;
const tokenErrorSchema = z.object({ error: z.string(), error_description: z.optional(z.string()) });

const REFUSALS: Record<string, string> = {
  access_denied: 'The Google sign-in was cancelled, or the account did not allow access.',
  invalid_scope: 'Google refused the requested scope: enable the API in your Google Cloud project and add the scope to its consent screen.',
};

/** The authorization code from the address Google sent the sign-in window back to; the state must be ours. */
export function codeFromRedirect(redirected: string, expectedState: string): string {
  const params = new URL(redirected).searchParams;
  if (params.get('state') !== expectedState) throw new ConnectorError('auth', 'The Google sign-in answer did not belong to this sign-in (its state differs); try again.');
  const error = params.get('error');
  if (error) throw new ConnectorError('auth', REFUSALS[error] ?? `Google refused the sign-in: ${error}.`, { vendorMessage: error });
  const code = params.get('code');
  if (!code) throw new ConnectorError('auth', 'Google sent the sign-in back without an authorization code; try again.');
  return code;
}

/** One POST to Google's token endpoint, form-encoded as it requires; its refusals in plain words. */
async function tokenRequest(form: Record<string, string>, secrets: string[], refusal: (words: string, error: string) => string, fetchImpl: typeof fetch = fetch): Promise<GoogleTokenAnswer> {
  let response: Response;
  try {
    response = await fetchImpl(GOOGLE_TOKEN_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(15_000),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
    });
  } catch {
    throw new ConnectorError('network', 'Could not reach Google’s sign-in service (oauth2.googleapis.com): you may be offline.', { object: 'access token' });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const parsed = tokenAnswerSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new ConnectorError('schema', 'Google’s sign-in service answered with something that is not a token.', { object: 'access token', path: parsed.error.issues[0]?.path.map(String).join('.') });
  }
  const said = tokenErrorSchema.safeParse(body);
  const error = said.success ? said.data.error : '';
  const words = said.success ? redactCredentials(said.data.error_description ?? said.data.error, secrets) : '';
  // invalid_grant: revoked, expired, or the user changed their password; invalid_client: the client was deleted or its secret reset.
  if (response.status === 400 || response.status === 401) throw new ConnectorError('auth', refusal(words, error), { status: response.status, object: 'access token', vendorMessage: words });
  throw new ConnectorError('vendor', `Google’s sign-in service answered ${response.status}.${words ? ` ${words}` : ''}`, { status: response.status, object: 'access token', vendorMessage: words });
}

export interface GoogleClient {
  clientId: string;
  clientSecret: string;
}

/** The code from the sign-in window for an access token and the refresh token. */
export async function exchangeCode(client: GoogleClient, code: string, verifier: string, redirectUri: string, fetchImpl?: typeof fetch): Promise<GoogleTokenAnswer & { refresh_token: string }> {
  const answer = await tokenRequest(
    { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUri, client_id: client.clientId, client_secret: client.clientSecret },
    [client.clientSecret, code],
    (words, error) =>
      error === 'invalid_client'
        ? `Google did not accept the OAuth client: check its client ID and secret.${words ? ` Google said: ${words}` : ''}`
        : `Google did not accept the sign-in.${words ? ` Google said: ${words}` : ''}`,
    fetchImpl,
  );
  if (!answer.refresh_token) throw new ConnectorError('auth', 'Google signed you in but sent no refresh token, so access could not renew by itself. Remove the extension’s access at myaccount.google.com → Security → Third-party access, then sign in again.');
  return { ...answer, refresh_token: answer.refresh_token };
}

/** A new access token from the refresh token; a refusal says the user must sign in again. */
export function renewAccessToken(client: GoogleClient, refreshToken: string, label: string, fetchImpl?: typeof fetch): Promise<GoogleTokenAnswer> {
  return tokenRequest(
    { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: client.clientId, client_secret: client.clientSecret },
    [client.clientSecret, refreshToken],
    (words) => `Google refused to renew access to ${label}: the sign-in was revoked or has expired. Sign in with Google again in Options.${words ? ` Google said: ${words}` : ''}`,
    fetchImpl,
  );
}

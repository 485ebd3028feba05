// Google's OAuth 2.0 endpoints as the GA4 and Google Ads connectors use them: the consent page on
// accounts.google.com (it consents at once and sends the browser back with a code, as Google does
// for a user who already granted the scope) and the token endpoint on oauth2.googleapis.com
// (authorization_code with PKCE S256, refresh_token). Access tokens it issues are what the GA4 and
// Google Ads replicas accept; test hooks expire them early or revoke the sign-in.
import { createHash, randomBytes } from 'node:crypto';
import { sendHtml, sendJson } from './http-util.mjs';

export const GOOGLE_OAUTH_CLIENT_ID = '123456789012-replica0demo.apps.googleusercontent.com';
export const GOOGLE_OAUTH_CLIENT_SECRET = 'GOCSPX-replicaDemoSecret0042';
const SCOPES = { ga4: 'https://www.googleapis.com/auth/analytics.readonly', 'google-ads': 'https://www.googleapis.com/auth/adwords' };
/** The browsers' extension redirect addresses (Chrome, Firefox): never loaded, caught by the browser. */
const EXTENSION_REDIRECT = /^https:\/\/[a-z0-9]+\.(chromiumapp\.org|extensions\.allizom\.org)\//;

const base64url = (buffer) => buffer.toString('base64').replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const newSecret = (prefix) => `${prefix}${base64url(randomBytes(18))}`;

/** `accepts`: per scope, the Set of access tokens the vendor's replica accepts (its `state.tokens`). */
export function createGoogleOAuthReplica(accepts) {
  const codes = new Map();
  const refreshTokens = new Map();
  /** access token → the Set that accepts it. */
  const issued = new Map();
  const data = {
    /** Seconds an access token lives (Google: 3599). */
    expiresIn: 3599,
    /** The next consent page answers `access_denied`, as when the user clicks Cancel. */
    denyNext: false,
    /** Every request to the token endpoint, by grant type. */
    grants: [],
    /** Access tokens die before their hour (Google revokes them when the password changes, for instance). */
    expireAccessTokens() {
      for (const [token, set] of issued) set.delete(token);
      issued.clear();
    },
    /** A refresh token as if the user had signed in for `vendor` (for tests that start after the sign-in). */
    refreshTokenFor(vendor) {
      const refreshToken = newSecret('1//0replica-');
      refreshTokens.set(refreshToken, { scope: SCOPES[vendor], revoked: false });
      return refreshToken;
    },
    /** The user removed the extension's access in their Google account: refresh tokens stop working. */
    revokeSignIns() {
      for (const grant of refreshTokens.values()) grant.revoked = true;
      data.expireAccessTokens();
    },
  };

  function accessFor(scope) {
    const token = newSecret('ya29.replica-');
    const set = Object.entries(SCOPES).filter(([, s]) => scope.split(' ').includes(s)).map(([vendor]) => accepts[vendor])[0];
    if (set) {
      set.add(token);
      issued.set(token, set);
    }
    return token;
  }

  function consent(res, url) {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    if (q.get('client_id') !== GOOGLE_OAUTH_CLIENT_ID) return sendHtml(res, 401, 'Error 401: invalid_client', '<p>The OAuth client was not found.</p>');
    if (!EXTENSION_REDIRECT.test(redirectUri)) return sendHtml(res, 400, 'Error 400: redirect_uri_mismatch', `<p>The redirect URI in the request, ${redirectUri}, does not match the ones authorized for the OAuth client.</p>`);
    const back = new URL(redirectUri);
    back.searchParams.set('state', q.get('state') ?? '');
    if (data.denyNext) {
      data.denyNext = false;
      back.searchParams.set('error', 'access_denied');
    } else if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
      back.searchParams.set('error', 'invalid_request');
    } else {
      const code = newSecret('4/0A');
      codes.set(code, { redirectUri, challenge: q.get('code_challenge'), scope: q.get('scope') ?? '', offline: q.get('access_type') === 'offline' });
      back.searchParams.set('code', code);
      back.searchParams.set('scope', q.get('scope') ?? '');
    }
    res.writeHead(302, { location: back.toString() }).end();
  }

  function token(res, body) {
    const form = new URLSearchParams(typeof body === 'string' ? body : '');
    const grantType = form.get('grant_type');
    data.grants.push(grantType);
    const refuse = (status, error, description) => sendJson(res, status, { error, error_description: description });
    if (form.get('client_id') !== GOOGLE_OAUTH_CLIENT_ID || form.get('client_secret') !== GOOGLE_OAUTH_CLIENT_SECRET) return refuse(401, 'invalid_client', 'Unauthorized');
    if (grantType === 'authorization_code') {
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (!grant) return refuse(400, 'invalid_grant', 'Malformed auth code.');
      if (grant.redirectUri !== form.get('redirect_uri')) return refuse(400, 'redirect_uri_mismatch', 'Bad Request');
      const challenge = base64url(createHash('sha256').update(form.get('code_verifier') ?? '').digest());
      if (challenge !== grant.challenge) return refuse(400, 'invalid_grant', 'Invalid code verifier.');
      const refreshToken = grant.offline ? newSecret('1//0replica-') : undefined;
      if (refreshToken) refreshTokens.set(refreshToken, { scope: grant.scope, revoked: false });
      return sendJson(res, 200, { access_token: accessFor(grant.scope), expires_in: data.expiresIn, ...(refreshToken ? { refresh_token: refreshToken } : {}), scope: grant.scope, token_type: 'Bearer' });
    }
    if (grantType === 'refresh_token') {
      const grant = refreshTokens.get(form.get('refresh_token') ?? '');
      if (!grant || grant.revoked) return refuse(400, 'invalid_grant', 'Token has been expired or revoked.');
      return sendJson(res, 200, { access_token: accessFor(grant.scope), expires_in: data.expiresIn, scope: grant.scope, token_type: 'Bearer' });
    }
    return refuse(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`);
  }

  return {
    hosts: { api: ['oauth2.googleapis.com'], console: ['accounts.google.com'] },
    data,
    handleApi(req, res, url, body) {
      if (url.pathname === '/token' && req.method === 'POST') return token(res, body);
      return sendJson(res, 404, { error: 'not_found' });
    },
    handleConsole(req, res, url) {
      if (url.pathname === '/o/oauth2/v2/auth') return consent(res, url);
      return sendHtml(res, 404, 'Not Found', '<p>Not found.</p>');
    },
  };
}

import { useState } from 'preact/hooks';
import type { ConnectorId } from '../../model/keys';
import { send } from '../../protocol/client';
import { googleRedirectUri, openSignInWindow } from '../../platform/identity';
import { authorizeUrl, signInSecrets } from '../../connectors/kit/google-consent';

interface GoogleSignInProps {
  connector: ConnectorId;
  label: string;
  signIn: { scope: string; prefixLabel?: string };
  /** The card's property or customer id field, shared with the pasted-token form. */
  site: string;
  siteLabel?: string;
}

/**
 * Sign in with Google on the user's own OAuth client, instead of pasting an access token that
 * dies within the hour: access then renews by itself from the refresh token.
 */
export function GoogleSignIn({ connector, label, signIn, site, siteLabel }: GoogleSignInProps) {
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [prefix, setPrefix] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const redirectUri = googleRedirectUri();
  const id = `google-${connector}`;
  const missing = !clientId.trim() || !clientSecret.trim() || (signIn.prefixLabel && !prefix.trim()) || (siteLabel && !site);

  // The consent window runs here, not in the worker: the user may take longer than it may idle.
  const onSignIn = async () => {
    setBusy(true);
    setError(null);
    const { verifier, challenge, state } = await signInSecrets();
    let redirected: string;
    try {
      redirected = await openSignInWindow(authorizeUrl({ clientId: clientId.trim(), redirectUri, scope: signIn.scope, challenge, state }));
    } catch (failure) {
      // Chrome: "The user did not approve access." when the window is closed; Firefox: "User cancelled or denied access."
      const why = failure instanceof Error ? ` (${failure.message})` : '';
      setBusy(false);
      setError(`The Google sign-in did not finish${why}. Check that the OAuth client's authorised redirect URI is ${redirectUri}, then try again.`);
      return;
    }
    const reply = await send('options→background:googleSignIn', { connector, clientId, clientSecret, site, ...(signIn.prefixLabel ? { tokenPrefix: prefix } : {}), redirected, redirectUri, state, verifier });
    setBusy(false);
    if (!reply.ok) setError(reply.error.message);
  };

  return (
    <fieldset class="google-sign-in" data-testid="google-sign-in">
      <legend>Or sign in with Google (access renews by itself)</legend>
      <p class="muted">
        With your own OAuth client (Google Cloud console → APIs &amp; Services → Credentials → Create OAuth client ID → Web application), whose authorised redirect URI is{' '}
        <code data-testid="google-redirect-uri">{redirectUri}</code>. {siteLabel ? `Fill in the ${siteLabel} above first.` : ''}
      </p>
      {signIn.prefixLabel && (
        <>
          <label for={`${id}-prefix`}>{signIn.prefixLabel}</label>
          <input id={`${id}-prefix`} type="password" autoComplete="off" spellcheck={false} value={prefix} onInput={(event) => setPrefix(event.currentTarget.value)} data-testid="google-prefix" />
        </>
      )}
      <label for={`${id}-client`}>OAuth client ID</label>
      <input id={`${id}-client`} autoComplete="off" spellcheck={false} value={clientId} placeholder="….apps.googleusercontent.com" onInput={(event) => setClientId(event.currentTarget.value)} data-testid="google-client-id" />
      <label for={`${id}-secret`}>OAuth client secret</label>
      <input id={`${id}-secret`} type="password" autoComplete="off" spellcheck={false} value={clientSecret} onInput={(event) => setClientSecret(event.currentTarget.value)} data-testid="google-client-secret" />
      <div class="actions">
        <button type="button" disabled={busy || Boolean(missing)} onClick={() => void onSignIn()} data-testid="google-sign-in-button">
          {busy ? 'Waiting for Google…' : `Sign in with Google for ${label}`}
        </button>
      </div>
      <p class="muted">
        Asks for <code>{signIn.scope}</code> only. The refresh token is kept with your other tokens (encrypted when a passphrase is set) and sent only to Google.
      </p>
      {error && (
        <p class="notice error" role="alert" data-testid="google-sign-in-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

import { useState } from 'preact/hooks';
import type { VendorMeta } from '../../connectors/vendor-meta';
import type { ConnectorId } from '../../model/keys';
import type { Connection } from '../../model/health';
import { send } from '../../protocol/client';
import { formatDate } from '../shared/format';
import { HealthDetails } from './HealthDetails';
import { SyncProgress } from '../shared/SyncProgress';
import { setupOf } from './setups';
import { requestCookieAccess } from '../../platform/cookies';
import { GoogleSignIn } from './GoogleSignIn';

interface ConnectorCardProps {
  connector: Pick<VendorMeta<ConnectorId>, 'id' | 'label' | 'auth'>;

  connection: Connection | undefined;
}

export function ConnectorCard({ connector, connection }: ConnectorCardProps) {
  const [token, setToken] = useState('');
  const [site, setSite] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A connected tool opens with its state; the others are one line until the user picks one.
  const [open, setOpen] = useState(connection !== undefined);
  const setup = setupOf(connector.id);
  const help = setup.tokenHelp;
  const inputId = `token-${connector.id}`;

  const offersSession = connector.auth.modes.includes('session');

  const connectWith = async (authMode: 'token' | 'session') => {
    setBusy(true);
    setError(null);
    const reply = await send('options→background:connect', {
      connector: connector.id,
      authMode,
      ...(authMode === 'token' ? { token } : {}),
      ...(setup.siteField ? { site } : {}),
      ...(setup.emailField ? { email } : {}),
    });
    setBusy(false);
    if (reply.ok) setToken('');
    else setError(reply.error.message);
  };

  // The permission prompt needs the click's gesture: asked before anything is awaited.
  const onUseSession = () => {
    const asked = requestCookieAccess(site);
    void asked.then(
      (granted) => (granted ? connectWith('session') : setError(`Without access to cookies, the signed-in ${connector.label} session cannot be used; paste a token instead.`)),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };

  const onConnect = (event: Event) => {
    event.preventDefault();
    void connectWith('token');
  };

  const onDisconnect = async () => {
    setBusy(true);
    await send('options→background:disconnect', { connector: connector.id });
    setBusy(false);
  };

  const bodyId = `body-${connector.id}`;
  return (
    <section class={open ? 'card' : 'card collapsed'} aria-labelledby={`title-${connector.id}`} data-testid={`connector-${connector.id}`}>
      <h2 id={`title-${connector.id}`}>
        <button type="button" class="card-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)} data-testid="connector-toggle">
          <span class="card-name">{connector.label}</span>
          <span class="muted card-state">{connection ? `Connected · ${connection.accountLabel}` : 'Not connected'}</span>
        </button>
      </h2>
      {/* Hidden, not removed: a half-typed token survives closing the card. */}
      <div id={bodyId} hidden={!open}>
        {connection ? (
          <>
            <p data-testid="connected-account">
              <span class="badge ok">Connected</span> {connection.accountLabel}
              {connection.authMode === 'session' && <span class="badge">signed-in session</span>}
              {connection.signIn === 'google' && (
                <span class="badge" data-testid="signed-in-google" title="The access token renews by itself from your Google sign-in.">
                  signed in with Google
                </span>
              )}
              {connection.isSandbox && <span class="badge warn">Sandbox</span>}
            </p>
            <p class="muted">
              Since {formatDate(connection.connectedAt)} · console {connection.consoleHost}
            </p>
            <div class="actions">
              <button type="button" onClick={() => void send('options→background:startSync', { connector: connector.id })} data-testid="sync-now">
                Sync now
              </button>
              <button type="button" onClick={() => void onDisconnect()} disabled={busy} data-testid="disconnect">
                {connection.signIn === 'google' ? 'Disconnect and forget the sign-in' : 'Disconnect and delete token'}
              </button>
            </div>
            <SyncProgress connector={connector.id} showFinished />
            <p class="muted">Records already cached stay on this computer, readable offline.</p>
          </>
        ) : (
          <form onSubmit={onConnect}>
            {setup.siteField && (
              <>
                <label for={`${inputId}-site`}>{setup.siteField.label}</label>
                <input id={`${inputId}-site`} value={site} placeholder={setup.siteField.placeholder} pattern={setup.siteField.pattern} required={!setup.siteField.optional} onInput={(event) => setSite(event.currentTarget.value.trim())} data-testid="site-input" />
              </>
            )}
            {setup.emailField && (
              <>
                <label for={`${inputId}-email`}>{setup.emailField.label}</label>
                <input id={`${inputId}-email`} type="email" value={email} placeholder={setup.emailField.placeholder} required onInput={(event) => setEmail(event.currentTarget.value.trim())} data-testid="email-input" />
              </>
            )}
            <label for={inputId}>{setup.tokenLabel ?? 'API key or token'}</label>
            <input
              id={inputId}
              type="password"
              autoComplete="off"
              spellcheck={false}
              value={token}
              onInput={(event) => setToken(event.currentTarget.value)}
              required
              data-testid="token-input"
            />
            <div class="actions">
              <button type="submit" disabled={busy || !token.trim()} data-testid="connect">
                {busy ? 'Checking…' : `Connect ${connector.label}`}
              </button>
              {offersSession && (
                <button type="button" disabled={busy || !site} onClick={onUseSession} data-testid="connect-session" title={setup.sessionHelp}>
                  Use my signed-in {connector.label} session
                </button>
              )}
            </div>
            {offersSession && <p class="muted">{setup.sessionHelp}</p>}
            {connector.auth.googleSignIn && <GoogleSignIn connector={connector.id} label={connector.label} signIn={connector.auth.googleSignIn} site={site} siteLabel={setup.siteField?.label} />}
            {error && (
              <p class="notice error" role="alert" data-testid="connect-error">
                {error}
              </p>
            )}
            <details>
              <summary>Where do I get a token?</summary>
              <p>{help.steps}</p>
              <p>
                Scopes: {help.scopes.map((scope) => <code key={scope}>{scope} </code>)}
              </p>
              <p class="muted">The token is checked with one call to {connector.label} and then sent only to {connector.label}'s API.</p>
            </details>
          </form>
        )}
        <HealthDetails connectorId={connector.id} account={connection?.account} />
      </div>
    </section>
  );
}

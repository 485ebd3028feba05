import { useEffect, useState } from 'preact/hooks';
import { send } from '../../protocol/client';

/** Optional passphrase: tokens are stored encrypted and can be locked until it is entered again. */
export function PassphraseCard() {
  const [status, setStatus] = useState<'off' | 'locked' | 'unlocked' | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [justEncrypted, setJustEncrypted] = useState(false);
  // Asked of the background: this page never loads the tokens' storage.
  useEffect(() => void send('options→background:vault', { action: 'status' }).then((reply) => reply.ok && setStatus(reply.data.status)), []);
  const act = async (action: 'enable' | 'lock' | 'unlock' | 'remove', event?: Event) => {
    event?.preventDefault();
    setError(null);
    const reply = await send('options→background:vault', { action, ...(passphrase ? { passphrase } : {}) });
    setPassphrase('');
    if (reply.ok) setStatus(reply.data.status);
    else setError(reply.error.message);
    setJustEncrypted(reply.ok && action === 'enable');
  };
  if (status === null) return null;
  const form = (action: 'enable' | 'unlock', label: string) => (
    <form class="inline-form" onSubmit={(event) => void act(action, event)}>
      <label class="visually-hidden" for="passphrase">Passphrase</label>
      <input id="passphrase" type="password" autoComplete={action === 'enable' ? 'new-password' : 'current-password'} value={passphrase} onInput={(event) => setPassphrase(event.currentTarget.value)} required minLength={8} data-testid="passphrase-input" />
      <button type="submit" data-testid={`vault-${action}`}>{label}</button>
    </form>
  );
  return (
    <section class="card" aria-labelledby="vault-title" data-testid="vault">
      <h2 id="vault-title">Token passphrase</h2>
      <p data-testid="vault-status">
        {status === 'off' && 'Tokens are stored in this browser’s extension storage without a passphrase.'}
        {status === 'unlocked' && 'Tokens are encrypted with your passphrase (AES-GCM) and unlocked until the browser closes.'}
        {status === 'locked' && 'Tokens are encrypted and locked: nothing is fetched until you unlock them.'}
      </p>
      {justEncrypted && (
        <p class="notice" role="status" data-testid="vault-rotate-advice">
          Copies of the tokens from before they were encrypted may stay in the browser’s files on this computer until it compacts its storage. To be sure no readable copy is left, create new
          tokens in each tool (revoking the old ones) and reconnect them here.
        </p>
      )}
      {status === 'off' && form('enable', 'Encrypt tokens with a passphrase')}
      {status === 'locked' && form('unlock', 'Unlock')}
      {status === 'unlocked' && (
        <div class="actions">
          <button type="button" onClick={() => void act('lock')} data-testid="vault-lock">
            Lock now
          </button>
          <button type="button" class="link" onClick={() => void act('remove')} data-testid="vault-remove">
            Remove the passphrase
          </button>
        </div>
      )}
      {error && (
        <p class="notice error compact" role="alert" data-testid="vault-error">
          {error}
        </p>
      )}
    </section>
  );
}

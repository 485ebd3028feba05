import { useState } from 'preact/hooks';
import { send } from '../../protocol/client';
import { requestHostPermission } from '../../platform/host-permissions';
import { TEAM_URL, teamHostPattern, teamUrlOf } from '../../sync/team-url';
import { syncWithTeam } from '../../sync/live-sync';
import { useTeamSync } from '../shared/use-team-sync';
import { useNow } from '../shared/use-now';
import { timeAgo } from '../shared/format';

/**
 * Team sync: the team's own CouchDB database keeps pinned metrics, history, boards, decisions
 * and the retention setting the same in every member's browser. Customer records and tokens
 * never go there.
 */
export function TeamSyncCard() {
  const team = useTeamSync();
  const now = useNow(30_000);
  const [form, setForm] = useState({ url: '', username: '', password: '', passphrase: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!team) return null;
  const { config, status } = team;

  const connect = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const url = teamUrlOf(form.url);
    if (!TEAM_URL.test(url)) {
      setError('Use the database’s address on CouchDB’s TLS port, like https://couch.example.com:6984/marketing, or a CouchDB on this computer, like http://localhost:5984/marketing.');
      return;
    }
    // Asked first, while the click still counts as the user's: the browser requires it.
    if (!(await requestHostPermission(teamHostPattern(url)))) {
      setError('The browser did not allow the extension to reach this server, so nothing was saved.');
      return;
    }
    setBusy(true);
    const reply = await send('options→background:saveTeamSync', { url, username: form.username, password: form.password, passphrase: form.passphrase });
    if (!reply.ok) setError(reply.error.message);
    else {
      setForm({ url: '', username: '', password: '', passphrase: '' });
      await syncWithTeam();
    }
    setBusy(false);
  };
  const syncNow = async () => {
    setBusy(true);
    await syncWithTeam();
    setBusy(false);
  };
  const field = (name: keyof typeof form, label: string, type: string, extra: Record<string, unknown> = {}) => (
    <>
      <label for={`team-${name}`}>{label}</label>
      <input id={`team-${name}`} type={type} spellcheck={false} value={form[name]} onInput={(event) => setForm({ ...form, [name]: event.currentTarget.value })} data-testid={`team-${name}`} {...extra} />
    </>
  );

  return (
    <section class="card" aria-labelledby="team-title" data-testid="team-sync">
      <h2 id="team-title">Team sync</h2>
      <p class="muted">
        Share pinned metrics and their history, boards, split/merge decisions and the history setting with your team through a CouchDB database your team runs. Customer records and tokens never
        leave this browser: each member’s browser fetches customers with their own tokens.
      </p>
      {config ? (
        <>
          {/* Not a live region: it changes every sync, which would be read out every 20 seconds. */}
          <p data-testid="team-status">
            {status?.state === 'syncing' ? 'Syncing now… ' : ''}
            Syncing with <strong>{config.url}</strong> as {config.username}
            {config.encrypted ? ', encrypted with the team passphrase' : ''}.
            {status?.lastSyncedAt ? ` Last synced ${timeAgo(status.lastSyncedAt, now)}.` : ' Not synced yet.'}
            {status ? ` ${status.up} sent, ${status.down} received.` : ''}
          </p>
          {/* Kept while the next try runs: an alert that left and came back would be read out again. */}
          {status?.state !== 'ok' && status?.error && (
            <p class="notice error compact" role="alert" data-testid="team-error">
              {status.error.message}
            </p>
          )}
          {!!status?.rejected.length && (
            <div class="notice compact" data-testid="team-rejected">
              {status.rejected.length === 1 ? 'One document from the team was' : `${status.rejected.length} documents from the team were`} kept out because they do not read as what they claim to be
              (the rest synced):
              <ul>
                {status.rejected.slice(0, 5).map((r) => (
                  <li key={r.id}>
                    <code>{r.id}</code>: {r.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div class="actions">
            <button type="button" onClick={() => void syncNow()} disabled={busy} data-testid="team-sync-now">
              Sync now
            </button>
            <button type="button" class="link" onClick={() => void send('options→background:forgetTeamSync', {})} data-testid="team-forget">
              Stop syncing with this team
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(event) => void connect(event)}>
          {field('url', 'Team database URL', 'url', { required: true, placeholder: 'https://couch.example.com:6984/marketing' })}
          {field('username', 'CouchDB user name', 'text', { required: true, autoComplete: 'username' })}
          {field('password', 'Password', 'password', { required: true, autoComplete: 'current-password' })}
          {field('passphrase', 'Team passphrase (optional: the server then keeps only ciphertext)', 'password', { autoComplete: 'new-password', minLength: 8 })}
          <div class="actions">
            <button type="submit" disabled={busy} data-testid="team-connect">
              Connect and sync
            </button>
          </div>
        </form>
      )}
      {error && (
        <p class="notice error compact" role="alert" data-testid="team-form-error">
          {error}
        </p>
      )}
    </section>
  );
}

import { useState } from 'preact/hooks';
import { peopleOfKeys, type ListRow } from '../../store/people-rows';
import { PeopleList } from './PeopleList';
import { send } from '../../protocol/client';

/** "Who on this page do I know?": emails and domains on the current tab matched to cached profiles. */
export function PageScan({ tabId, onOpen }: { tabId: number | null; onOpen: (key: string) => void }) {
  const [state, setState] = useState<{ busy: boolean; rows?: ListRow[]; seen?: number; error?: string }>({ busy: false });
  if (tabId === null) return null;
  const scan = async () => {
    setState({ busy: true });
    const reply = await send('panel→background:scanPage', { tabId });
    if (!reply.ok) return setState({ busy: false, error: reply.error.message });
    setState({ busy: false, rows: await peopleOfKeys(reply.data.keys), seen: reply.data.identitiesSeen });
  };
  return (
    <section class="page-scan" aria-label="Customers on this page">
      <button type="button" class="link" onClick={() => void scan()} disabled={state.busy} data-testid="scan-page">
        {state.busy ? 'Reading this page…' : 'Find known customers on this page'}
      </button>
      {state.error && (
        <p class="notice error compact" role="alert">
          {state.error}
        </p>
      )}
      {state.rows && (
        <div data-testid="scan-results" role="status">
          <p class="muted">
            {state.rows.length} known of {state.seen} emails and domains on this page.
          </p>
          {state.rows.length > 0 && <PeopleList rows={state.rows} onOpen={onOpen} label="Known customers on this page" testId="scan-list" />}
        </div>
      )}
    </section>
  );
}

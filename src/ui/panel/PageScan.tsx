import { useState } from 'preact/hooks';
import { getRecords } from '../../store/records';
import type { CustomerRecord } from '../../model/record';
import { send } from '../../protocol/client';

/** "Who on this page do I know?": emails and domains on the current tab matched to cached profiles. */
export function PageScan({ tabId, onOpen }: { tabId: number | null; onOpen: (key: string) => void }) {
  const [state, setState] = useState<{ busy: boolean; records?: CustomerRecord[]; seen?: number; error?: string }>({ busy: false });
  if (tabId === null) return null;
  const scan = async () => {
    setState({ busy: true });
    const reply = await send('panel→background:scanPage', { tabId });
    if (!reply.ok) return setState({ busy: false, error: reply.error.message });
    setState({ busy: false, records: await getRecords(reply.data.keys), seen: reply.data.identitiesSeen });
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
      {state.records && (
        <div data-testid="scan-results" role="status">
          <p class="muted">
            {state.records.length} known of {state.seen} emails and domains on this page.
          </p>
          <ul class="values">
            {state.records.map((record) => (
              <li key={record.key}>
                <button type="button" class="link" onClick={() => onOpen(record.key)}>
                  {record.title}
                </button>{' '}
                <span class="muted">{record.fields.emails?.[0] ?? record.fields.domain}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

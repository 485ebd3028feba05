import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { send } from '../../protocol/client';
import type { ErrorReply } from '../../protocol/messages';
import type { RecordPageContext } from '../../model/page-context';

export type FetchStatus = { state: 'idle' } | { state: 'loading' } | { state: 'done' } | { state: 'error'; error: ErrorReply };

/**
 * Asks the background to read the record on screen whenever the page changes, and on
 * demand. The record itself arrives through the store (liveQuery), not through this reply.
 */
export function useRecordFetch(context: RecordPageContext | null, enabled: boolean) {
  const [status, setStatus] = useState<FetchStatus>({ state: 'idle' });
  /** The record the page turned out to be, when its URL carries another id than the API's. */
  const [shownKey, setShownKey] = useState<string | null>(null);
  const contextId = context ? `${context.connector}:${context.account}:${context.type}:${context.id}@${context.host}` : '';

  const run = useCallback(
    async (force: boolean) => {
      if (!context || !enabled) return;
      setStatus({ state: 'loading' });
      // Marks for the benchmark's breakdown of where a profile's time goes (free when unread).
      performance.mark('record-fetch:sent');
      const reply = await send('panel→background:fetchRecord', { context, force });
      performance.mark('record-fetch:answered');
      setStatus(reply.ok ? { state: 'done' } : { state: 'error', error: reply.error });
      if (reply.ok) setShownKey(reply.data.key);
    },
    // contextId captures every field of context.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [contextId, enabled],
  );

  // Asked as the page's record commits, not a frame later: a woken worker needs every millisecond.
  useLayoutEffect(() => {
    setStatus({ state: 'idle' });
    setShownKey(null);
    void run(false);
  }, [run]);

  // Coming back online after an offline failure: try again without being asked.
  useEffect(() => {
    const retry = () => status.state === 'error' && status.error.kind === 'network' && void run(false);
    addEventListener('online', retry);
    return () => removeEventListener('online', retry);
  }, [run, status]);

  return { status, shownKey, refresh: () => run(true) };
}

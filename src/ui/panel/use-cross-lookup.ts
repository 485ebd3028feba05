import { useCallback, useEffect, useState } from 'preact/hooks';
import { send } from '../../protocol/client';
import type { ErrorReply, ToolLookup } from '../../protocol/messages';

export type CrossLookupState = { state: 'idle' | 'loading' } | { state: 'done'; tools: ToolLookup[] } | { state: 'error'; error: ErrorReply };

/** Asks every other connected tool about the record on screen; answers land in the store. */
export function useCrossLookup(recordKey: string | undefined, otherToolCount: number) {
  const [lookup, setLookup] = useState<CrossLookupState>({ state: 'idle' });
  const run = useCallback(
    async (force: boolean) => {
      if (!recordKey || otherToolCount === 0) return setLookup({ state: 'idle' });
      setLookup({ state: 'loading' });
      const reply = await send('panel→background:crossLookup', { key: recordKey, force });
      setLookup(reply.ok ? { state: 'done', tools: reply.data.tools } : { state: 'error', error: reply.error });
    },
    [recordKey, otherToolCount],
  );
  useEffect(() => void run(false), [run]);
  return { lookup, refreshLookup: () => run(true) };
}

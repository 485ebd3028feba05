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

/** A read of the store that ran before the last write it was waiting for brings nothing new after this long. */
const CATCH_UP_MS = 300;

/**
 * Whether other tools may still add to the profile on screen: while they are asked, and after
 * they answered until the profile was read again (their records reach this page a moment after
 * the answer does). `queriedAt` is when the profile shown was read, on `performance.now()`.
 */
export function useOtherToolsPending(lookup: { state: CrossLookupState['state'] }, asking: boolean, queriedAt: number | undefined): boolean {
  const [answeredAt, setAnsweredAt] = useState<number | null>(null);
  const [caughtUp, setCaughtUp] = useState(false);
  const answered = lookup.state === 'done' || lookup.state === 'error';
  useEffect(() => {
    setCaughtUp(false);
    if (!answered) return setAnsweredAt(null);
    setAnsweredAt(performance.now());
    const timer = setTimeout(() => setCaughtUp(true), CATCH_UP_MS);
    return () => clearTimeout(timer);
  }, [lookup, answered]);
  if (!asking) return false;
  if (!answered) return true;
  return answeredAt === null || (!caughtUp && (queriedAt ?? 0) < answeredAt);
}

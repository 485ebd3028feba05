import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * Preact binding for Dexie's liveQuery: re-runs when any table it read changes, in this page
 * or in the background worker. `undefined` means "still loading" - including right after the
 * deps change, so a caller never sees the previous query's answer as the current one. A query
 * that fails is thrown while rendering, for the nearest StoreErrorBoundary to say so: a failed
 * read would otherwise look like one still loading, for good ("Searching…").
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): T | undefined {
  const depsKey = JSON.stringify(deps);
  const [state, setState] = useState<{ depsKey: string; value: T } | { depsKey: string; error: unknown } | undefined>(undefined);
  // Subscribed as the component commits, not after the next frame (preact's useEffect waits for
  // one, or 35 ms in a hidden panel): the store read is what the profile waits on.
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ depsKey, value }),
      error: (error: unknown) => setState({ depsKey, error }),
    });
    return () => subscription.unsubscribe();
    // depsKey captures deps.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [depsKey]);
  if (state?.depsKey !== depsKey) return undefined;
  if ('error' in state) throw state.error;
  return state.value;
}

import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';

/**
 * Where a view's read of the local store failed (see useLiveQuery): said in words with a way to
 * read again, instead of a view that waits for good. Trying again mounts the views afresh.
 */
export function StoreErrorBoundary({ children }: { children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary((caught: unknown) => console.error('A view could not be shown', caught));
  if (!error) return <>{children}</>;
  return (
    <div class="notice error" role="alert" data-testid="read-error">
      <p>This could not be read from the browser’s storage: {error instanceof Error && error.message ? error.message : String(error)}</p>
      <p>What is cached is not lost. If this keeps happening, restart the browser.</p>
      <div class="actions">
        <button type="button" onClick={reset} data-testid="read-again">
          Try again
        </button>
      </div>
    </div>
  );
}

import type { ErrorReply } from '../../protocol/messages';
import { openOptionsPage } from '../../platform/tabs';

interface ErrorNoticeProps {
  error: ErrorReply;
  description: string;
  /** Absent where trying again is not ours to do (page mode waits for the page). */
  onRetry?: () => void;
  /** Shown above a cached profile rather than instead of it. */
  compact?: boolean;
}

const TITLES: Partial<Record<ErrorReply['kind'], string>> = {
  'not-found': 'Not found',
  'not-connected': 'Not connected',
  'wrong-account': 'Different account',
  auth: 'Token rejected',
  'rate-limit': 'Rate limited',
  schema: 'Unreadable answer',
  network: 'You are offline',
  'storage-full': 'Storage full',
};

/** What went wrong and the one thing to do about it. */
export function ErrorNotice({ error, description, onRetry, compact }: ErrorNoticeProps) {
  const needsOptions = error.kind === 'auth' || error.kind === 'not-connected' || error.kind === 'wrong-account' || error.kind === 'schema' || error.kind === 'storage-full';
  const message = error.kind === 'not-found' ? `${description} does not exist or was deleted.` : error.message;
  return (
    <div class={`notice ${compact ? 'compact' : ''} ${error.kind === 'not-found' ? '' : 'error'}`} role="alert" data-testid={`error-${error.kind}`}>
      <strong>{TITLES[error.kind] ?? 'Something went wrong'}</strong>
      <p>{message}</p>
      {error.kind === 'schema' && <p class="muted">The details are under Connections in Options.</p>}
      <div class="actions">
        {needsOptions && (
          <button type="button" onClick={() => void openOptionsPage()}>
            Open Options
          </button>
        )}
        {onRetry && error.kind !== 'not-connected' && error.kind !== 'wrong-account' && (
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}

import { customerDb } from '../../store/db';
import { useLiveQuery } from './use-live-query';
import { connectorLabel } from './labels';
import { formatDate } from './format';

/** Running syncs with their progress; the last result when `showFinished`. */
export function SyncProgress({ connector, showFinished = false }: { connector?: string; showFinished?: boolean }) {
  const db = customerDb();
  const syncs = useLiveQuery(() => (connector ? db.syncs.where('connector').equals(connector).toArray() : db.syncs.where('status').equals('running').toArray()), [connector ?? '']);
  const shown = (syncs ?? []).filter((s) => showFinished || s.status === 'running');
  if (shown.length === 0) return null;
  return (
    <div class="sync-progress" role="status" aria-live="polite">
      {shown.map((sync) => (
        <p key={sync.connector} data-testid={`sync-${sync.connector}`} data-status={sync.status}>
          {sync.status === 'running' && (
            <>
              <span class="spinner" aria-hidden="true" /> Syncing {connectorLabel(sync.connector)}: {sync.records.toLocaleString()} records so far
            </>
          )}
          {sync.status === 'done' && (
            <>
              Last sync {formatDate(sync.finishedAt)}: {sync.records.toLocaleString()} records in {sync.pages} pages
            </>
          )}
          {sync.status === 'error' && <span class="error-text">Sync stopped: {sync.error}</span>}
        </p>
      ))}
    </div>
  );
}

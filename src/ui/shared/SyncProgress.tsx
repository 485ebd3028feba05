import type { SyncState } from '../../store/schema';
import { syncsShown } from '../../store/syncs';
import { STORAGE_FULL_MESSAGE } from '../../store/quota';
import type { ConnectorId } from '../../model/keys';
import { useLiveQuery } from './use-live-query';
import { useStorageFullAlerts } from './use-storage-alerts';
import { connectorLabel } from './labels';
import { formatDate } from './format';

/** Running syncs with their progress; the last result when `showFinished`. */
export function SyncProgress({ connector, showFinished = false }: { connector?: ConnectorId; showFinished?: boolean }) {
  const syncs = useLiveQuery(() => syncsShown(connector), [connector ?? '']);
  const alerts = useStorageFullAlerts();
  // A full disk refused this sync's page (or its start) after its state was last written; the
  // store cannot say so itself, so the worker's note does. A sync left `running` stays stopped
  // until it runs again; a refused start only while the tool's writes are still refused.
  const stoppedForSpace = (sync: Pick<SyncState, 'connector' | 'updatedAt' | 'status'>) => {
    const id = sync.connector as ConnectorId;
    const at = alerts[`sync:${id}`];
    return at !== undefined && at >= sync.updatedAt && (sync.status === 'running' || alerts[id] !== undefined);
  };
  const shown = (syncs ?? []).filter((s) => showFinished || s.status === 'running');
  // A first sync refused at its start has no state at all.
  const refusedAtStart = connector && syncs?.length === 0 && alerts[`sync:${connector}`] !== undefined && alerts[connector] !== undefined;
  if (shown.length === 0 && !refusedAtStart) return null;
  return (
    <div class="sync-progress" role="status" aria-live="polite">
      {refusedAtStart && (
        <p data-testid={`sync-${connector}`} data-status="error">
          <span class="error-text">Sync stopped: {STORAGE_FULL_MESSAGE}</span>
        </p>
      )}
      {shown.map((sync) => {
        const status = stoppedForSpace(sync) ? 'error' : sync.status;
        const error = stoppedForSpace(sync) ? STORAGE_FULL_MESSAGE : sync.error;
        return (
          <p key={sync.connector} data-testid={`sync-${sync.connector}`} data-status={status}>
            {status === 'running' && (
              <>
                <span class="spinner" aria-hidden="true" /> Syncing {connectorLabel(sync.connector)}: {sync.records.toLocaleString()} records so far
              </>
            )}
            {status === 'done' && (
              <>
                Last sync {formatDate(sync.finishedAt)}: {sync.records.toLocaleString()} records in {sync.pages} pages
              </>
            )}
            {status === 'error' && (
              <span class="error-text">Sync stopped: {error}</span>
            )}
          </p>
        );
      })}
    </div>
  );
}

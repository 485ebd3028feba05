import { useEffect, useState } from 'preact/hooks';
import { send } from '../../protocol/client';
import { STORAGE_FULL_MESSAGE } from '../../store/quota';
import { useStorageFullAlerts } from '../shared/use-storage-alerts';

function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? '?' : `${(bytes / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;
}

/** How much this browser lets us keep, a request to keep it through storage pressure, and a way to free it. */
export function StorageCard() {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [cleared, setCleared] = useState<string | null>(null);
  // Per tool, not per sync: a tool's note goes once any write of it succeeds again.
  const full = Object.keys(useStorageFullAlerts()).some((scope) => !scope.startsWith('sync:'));
  const refresh = () => {
    void navigator.storage?.estimate().then(setEstimate);
    void navigator.storage?.persisted().then(setPersisted);
  };
  useEffect(refresh, []);
  // A refused write is the moment the numbers matter.
  useEffect(() => void (full && refresh()), [full]);

  const clearCache = async () => {
    setConfirming(false);
    const reply = await send('options→background:clearCache', {});
    setCleared(reply.ok ? `Deleted ${reply.data.removedRecords.toLocaleString()} cached records. They are fetched again when you open them or sync.` : reply.error.message);
    refresh();
  };

  return (
    <section class="card" aria-labelledby="storage-title" data-testid="storage">
      <h2 id="storage-title">Storage on this computer</h2>
      {full && (
        <p class="notice error compact" role="alert" data-testid="storage-full">
          <strong>Storage full.</strong> {STORAGE_FULL_MESSAGE}
        </p>
      )}
      <p data-testid="storage-usage">
        {estimate ? `${megabytes(estimate.usage)} used of ${megabytes(estimate.quota)} available to the extension.` : 'Measuring…'}
      </p>
      <p>
        {persisted ? (
          <span class="badge ok" data-testid="persisted">Protected from automatic clean-up</span>
        ) : (
          <button type="button" onClick={() => void navigator.storage.persist().then(() => refresh())} data-testid="persist">
            Keep my data when the disk is nearly full
          </button>
        )}
      </p>
      <div class="actions">
        {confirming ? (
          <>
            <button type="button" onClick={() => void clearCache()} data-testid="clear-cache-confirm">
              Delete cached records
            </button>
            <button type="button" class="link" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} data-testid="clear-cache">
            Clear cached records…
          </button>
        )}
      </div>
      {confirming && <p class="muted">Deletes every cached record from every tool. Metric history, pins, boards and your profile decisions stay; export a backup first to keep a copy.</p>}
      {cleared && (
        <p class="muted" role="status" data-testid="clear-cache-result">
          {cleared}
        </p>
      )}
    </section>
  );
}

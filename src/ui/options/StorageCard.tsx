import { useEffect, useState } from 'preact/hooks';
import { STORAGE_FULL_MESSAGE } from '../../store/quota';
import { useStorageFullAlerts } from '../shared/use-storage-alerts';

function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? '?' : `${(bytes / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;
}

/** How much this browser lets us keep, and a request to keep it through storage pressure. */
export function StorageCard() {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  // Per tool, not per sync: a tool's note goes once any write of it succeeds again.
  const full = Object.keys(useStorageFullAlerts()).some((scope) => !scope.startsWith('sync:'));
  const refresh = () => {
    void navigator.storage?.estimate().then(setEstimate);
    void navigator.storage?.persisted().then(setPersisted);
  };
  useEffect(refresh, []);
  // A refused write is the moment the numbers matter.
  useEffect(() => void (full && refresh()), [full]);
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
    </section>
  );
}

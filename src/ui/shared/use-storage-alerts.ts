import { useEffect, useState } from 'preact/hooks';
import { onStorageFullAlertsChanged, storageFullAlerts, type StorageFullAlerts } from '../../platform/storage-alerts';

/** Where the worker's writes were last refused for lack of space; kept current from any context. */
export function useStorageFullAlerts(): StorageFullAlerts {
  const [alerts, setAlerts] = useState<StorageFullAlerts>({});
  useEffect(() => {
    const load = () => void storageFullAlerts().then(setAlerts);
    load();
    return onStorageFullAlertsChanged(load);
  }, []);
  return alerts;
}

import { healthOf } from '../../store/health';
import { countRecords } from '../../store/records';
import type { ConnectorId } from '../../model/record';
import { useLiveQuery } from '../shared/use-live-query';
import { formatDate } from '../shared/format';
import { useStorageFullAlerts } from '../shared/use-storage-alerts';
import { STORAGE_FULL_MESSAGE } from '../../store/quota';

/** Health of one connector: what we hold, when it last worked, and every recent error with its zod path. */
export function HealthDetails({ connectorId, account }: { connectorId: ConnectorId; account: string | undefined }) {
  const data = useLiveQuery(async () => {
    const [health, count] = await Promise.all([healthOf(connectorId), countRecords(connectorId)]);
    return { health, count };
  }, [connectorId, account]);
  const storageFullSince = useStorageFullAlerts()[connectorId];
  if (!data) return null;
  const { health, count } = data;
  return (
    <div class="health" data-testid={`health-${connectorId}`}>
      <h3>Health</h3>
      <p>
        <span data-testid="record-count">{count.toLocaleString()}</span> cached record{count === 1 ? '' : 's'}
        {health?.lastSuccessAt && <> · last successful call {formatDate(health.lastSuccessAt)}</>}
        {health && health.schemaDriftCount > 0 && <> · {health.schemaDriftCount} unreadable payload{health.schemaDriftCount === 1 ? '' : 's'}</>}
      </p>
      {storageFullSince !== undefined && (
        <p class="notice error compact" role="alert" data-testid="health-storage-full">
          <strong>Storage full</strong> ({formatDate(storageFullSince)}): {STORAGE_FULL_MESSAGE} <a href="#storage-title">Storage on this computer</a>
        </p>
      )}
      {health && health.lastErrors.length > 0 && (
        <table class="errors" data-testid="health-errors">
          <caption class="visually-hidden">Recent errors</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Kind</th>
              <th scope="col">Object</th>
              <th scope="col">Where</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {health.lastErrors.map((error) => (
              <tr key={`${error.at}-${error.message}`}>
                <td>{formatDate(error.at)}</td>
                <td>{error.kind}</td>
                <td>{error.object ?? ''}</td>
                <td>
                  <code>{error.path ?? ''}</code>
                </td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

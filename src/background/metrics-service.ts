import { connectorFor } from '../connectors/registry';
import { isConnectorError } from '../connectors/errors';
import { customerDb } from '../store/db';
import { savePoints } from '../store/metrics';
import { getConnections } from '../platform/storage';
import { credentialsFor } from './credentials';
import type { Reply } from '../protocol/messages';
import { noteIfStorageFull, recordConnectorFailure, toErrorReply } from './errors';
import { isQuotaExceeded, STORAGE_FULL_MESSAGE } from '../store/quota';
import { clearStorageFull } from '../platform/storage-alerts';

/** Scheduled snapshots are one per day: re-running the day's snapshot overwrites its points. */
export function dailySnapshotId(now = new Date()): string {
  return `daily-${now.toISOString().slice(0, 10)}`;
}

/** Reads every connected tool's metrics now; one tool failing does not stop the others. */
export async function captureAll(snapshotId: string): Promise<Reply<'panel→background:captureMetrics'>> {
  const db = customerDb();
  const failures: string[] = [];
  let storageFull = false;
  let captured = 0;
  await Promise.all(
    (await getConnections()).map(async (connection) => {
      const connector = connectorFor(connection.connector);
      const credentials = await credentialsFor(connection);
      if (!connector.metrics || !credentials) return;
      try {
        const readings = await connector.metrics(credentials, connection);
        // One transaction per tool: a refused snapshot leaves the history as it was.
        await savePoints(db, snapshotId, readings);
        await clearStorageFull(connection.connector);
        captured += readings.length;
      } catch (error) {
        await noteIfStorageFull(error, connection.connector);
        if (isQuotaExceeded(error)) storageFull = true;
        else failures.push(`${connector.label}: ${toErrorReply(error).message}`);
        if (isConnectorError(error)) await recordConnectorFailure(db, connection.connector, error);
      }
    }),
  );
  // A full disk refuses every tool alike: said once, not once per tool.
  return { ok: true, data: { captured, failures: storageFull ? [STORAGE_FULL_MESSAGE, ...failures] : failures } };
}

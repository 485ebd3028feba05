import { connectorFor } from '../connectors/registry';
import { isConnectorError } from '../connectors/errors';
import { customerDb } from '../store/db';
import { savePoints } from '../store/metrics';
import { recordHealthError } from '../store/records';
import { getConnections } from '../platform/storage';
import { credentialsFor } from './credentials';
import type { Reply } from '../protocol/messages';
import { toErrorReply } from './errors';

/** Scheduled snapshots are one per day: re-running the day's snapshot overwrites its points. */
export function dailySnapshotId(now = new Date()): string {
  return `daily-${now.toISOString().slice(0, 10)}`;
}

/** Reads every connected tool's metrics now; one tool failing does not stop the others. */
export async function captureAll(snapshotId: string): Promise<Reply<'panel→background:captureMetrics'>> {
  const db = customerDb();
  const failures: string[] = [];
  let captured = 0;
  await Promise.all(
    (await getConnections()).map(async (connection) => {
      const connector = connectorFor(connection.connector);
      const credentials = await credentialsFor(connection);
      if (!connector.metrics || !credentials) return;
      try {
        const readings = await connector.metrics(credentials, connection);
        await savePoints(db, snapshotId, readings);
        captured += readings.length;
      } catch (error) {
        failures.push(`${connector.label}: ${toErrorReply(error).message}`);
        if (isConnectorError(error)) await recordHealthError(db, connection.connector, { kind: error.kind, message: error.message, object: error.detail.object, path: error.detail.path });
      }
    }),
  );
  return { ok: true, data: { captured, failures } };
}

import { loadConnector } from './connectors';
import { savePoints } from '../store/metrics';
import { getConnections } from '../platform/connections';
import type { Reply } from '../protocol/messages';
import { STORAGE_FULL_MESSAGE } from '../store/quota';
import { callConnector } from './connector-call';

/** Scheduled snapshots are one per day: re-running the day's snapshot overwrites its points. */
export function dailySnapshotId(now = new Date()): string {
  return `daily-${now.toISOString().slice(0, 10)}`;
}

/** Reads every connected tool's metrics now; one tool failing does not stop the others. */
export async function captureAll(snapshotId: string): Promise<Reply<'panel→background:captureMetrics'>> {
  const failures: string[] = [];
  let storageFull = false;
  let captured = 0;
  await Promise.all(
    (await getConnections()).map(async (connection) => {
      const connector = await loadConnector(connection.connector);
      const metrics = connector.metrics?.bind(connector);
      if (!metrics) return;
      const outcome = await callConnector(connection, {
        call: (credentials) => metrics(credentials, connection),
        // One transaction per tool: a refused snapshot leaves the history as it was.
        save: (readings) => savePoints(snapshotId, readings),
      });
      if (outcome.ok) captured += outcome.answer.length;
      else if (outcome.error.kind === 'storage-full') storageFull = true;
      else failures.push(`${connector.label}: ${outcome.error.message}`);
    }),
  );
  // A full disk refuses every tool alike: said once, not once per tool.
  return { ok: true, data: { captured, failures: storageFull ? [STORAGE_FULL_MESSAGE, ...failures] : failures } };
}

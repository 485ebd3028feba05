import { customerDb, type CustomerDb } from './db';
import type { MetricDefinition, MetricPointRow } from './schema';
import { withReopen } from './reopen';
import { pointsOf } from './points';
import type { MetricPoint } from '../model/metric';

export function metricIdOf(point: Pick<MetricPoint, 'connector' | 'account' | 'metric' | 'dimension'>): string {
  return [point.connector, point.account, point.metric, point.dimension].filter(Boolean).join(':');
}

/** Saves one snapshot's readings: definitions and points in one transaction, idempotent per snapshot. */
export async function savePoints(snapshotId: string, readings: MetricPoint[], db: CustomerDb = customerDb()): Promise<void> {
  const now = Date.now();
  await withReopen(db, () => db.transaction('rw', db.metrics, db.points, async () => {
    for (const reading of readings) {
      const id = metricIdOf(reading);
      const existing = await db.metrics.get(id);
      const definition: MetricDefinition = {
        id,
        source: 'connector',
        connector: reading.connector,
        account: reading.account,
        label: reading.dimension ? `${reading.label}: ${reading.dimension}` : reading.label,
        unit: reading.unit,
        createdAt: existing?.createdAt ?? now,
      };
      await db.metrics.put(definition);
      await db.points.put({ id: `${id}|${snapshotId}`, metricId: id, snapshotId, at: reading.at, value: reading.value });
    }
  }));
}

export interface MetricSummary {
  definition: MetricDefinition;
  points: MetricPointRow[];
  latest?: MetricPointRow;
  previous?: MetricPointRow;
  /** The latest point at least 7 / 30 days before the latest one. */
  weekAgo?: MetricPointRow;
  monthAgo?: MetricPointRow;
}

const DAY = 86_400_000;

export function summarize(definition: MetricDefinition, points: MetricPointRow[]): MetricSummary {
  const sorted = [...points].sort((a, b) => a.at - b.at);
  const latest = sorted.at(-1);
  const before = (ms: number) => (latest ? [...sorted].reverse().find((p) => p.at <= latest.at - ms) : undefined);
  return { definition, points: sorted, latest, previous: sorted.at(-2), weekAgo: before(7 * DAY), monthAgo: before(30 * DAY) };
}

export async function metricSummaries(db: CustomerDb = customerDb()): Promise<MetricSummary[]> {
  const definitions = await db.metrics.orderBy('id').toArray();
  return Promise.all(definitions.map(async (d) => summarize(d, await pointsOf(d.id, db))));
}

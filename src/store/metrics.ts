import type { CustomerDb, MetricDefinition, MetricPointRow } from './db';
import type { MetricPoint } from '../model/metric';

export function metricIdOf(point: Pick<MetricPoint, 'connector' | 'account' | 'metric' | 'dimension'>): string {
  return [point.connector, point.account, point.metric, point.dimension].filter(Boolean).join(':');
}

/** Saves one snapshot's readings: definitions and points in one transaction, idempotent per snapshot. */
export async function savePoints(db: CustomerDb, snapshotId: string, readings: MetricPoint[]): Promise<void> {
  const now = Date.now();
  await db.transaction('rw', db.metrics, db.points, async () => {
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
  });
}

export function pointsOf(db: CustomerDb, metricId: string): Promise<MetricPointRow[]> {
  return db.points.where('[metricId+at]').between([metricId, -Infinity], [metricId, Infinity]).toArray();
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

export async function metricSummaries(db: CustomerDb): Promise<MetricSummary[]> {
  const definitions = await db.metrics.orderBy('id').toArray();
  return Promise.all(definitions.map(async (d) => summarize(d, await pointsOf(db, d.id))));
}

/** Drops points older than the retention the user chose; definitions and newer points stay. */
export async function prunePoints(db: CustomerDb, keepDays: number | null, now = Date.now()): Promise<number> {
  if (!keepDays) return 0;
  const cutoff = now - keepDays * 86_400_000;
  return db.points.filter((p) => p.at < cutoff).delete();
}

import { customerDb, type CustomerDb } from './db';
import type { MetricPointRow } from './schema';
import { withReopen } from './reopen';

/** A metric's history, oldest first. */
export function pointsOf(metricId: string, db: CustomerDb = customerDb()): Promise<MetricPointRow[]> {
  return db.points.where('[metricId+at]').between([metricId, -Infinity], [metricId, Infinity]).toArray();
}

/** A metric's newest point; call it inside the transaction that decides on the next one. */
export async function latestPointOf(metricId: string, db: CustomerDb = customerDb()): Promise<MetricPointRow | undefined> {
  return (await db.points.where('[metricId+at]').between([metricId, -Infinity], [metricId, Infinity]).last()) ?? undefined;
}

/** Drops points older than the retention the user chose; definitions and newer points stay. */
export async function prunePoints(keepDays: number | null, now = Date.now(), db: CustomerDb = customerDb()): Promise<number> {
  if (!keepDays) return 0;
  const cutoff = now - keepDays * 86_400_000;
  return withReopen(db, () => db.points.filter((p) => p.at < cutoff).delete());
}

import { liveQuery } from 'dexie';
import { customerDb, type CustomerDb } from './db';
import { withReopen } from './reopen';
import type { Board, IdentityOverride, MetricDefinition, MetricPointRow, Pin } from './schema';

/** The database that holds what a team shares, for the sync engine's callers that pass their own. */
export type SharedStore = CustomerDb;

/** The tables a team shares (src/sync/documents.ts says how): read together, in one transaction. */
export interface SharedRows {
  metrics: MetricDefinition[];
  points: MetricPointRow[];
  pins: Pin[];
  boards: Board[];
  overrides: IdentityOverride[];
}

export function sharedRows(db: CustomerDb = customerDb()): Promise<SharedRows> {
  return db.transaction('r', [db.metrics, db.points, db.pins, db.boards, db.overrides], async () => ({
    metrics: await db.metrics.toArray(),
    points: await db.points.toArray(),
    pins: await db.pins.toArray(),
    boards: await db.boards.toArray(),
    overrides: await db.overrides.toArray(),
  }));
}

export function sharedOverrides(db: CustomerDb = customerDb()): Promise<IdentityOverride[]> {
  return db.overrides.toArray();
}

export type PinDefinition = Pick<Pin, 'id' | 'label' | 'selector' | 'urlPattern' | 'origin' | 'createdAt'>;

/** What the team changed, to write here. */
export interface SharedChanges {
  metrics: MetricDefinition[];
  /** Points of other browsers, each with its `device`. */
  points: Array<Omit<MetricPointRow, 'id'> & { device: string }>;
  pins: PinDefinition[];
  boards: Board[];
  deletedPins: string[];
  deletedBoards: string[];
  overrides: IdentityOverride[];
}

/** Another browser's point never overwrites this one's capture of the same snapshot. */
export const teamPointId = (point: { metricId: string; snapshotId: string; device: string }) => `${point.metricId}|${point.snapshotId}@${point.device}`;

/** All of it in one transaction: a board never arrives without the metrics it shows. */
export async function applySharedChanges(changes: SharedChanges, db: CustomerDb = customerDb()): Promise<void> {
  await withReopen(db, () =>
    db.transaction('rw', [db.metrics, db.points, db.pins, db.boards, db.overrides], async () => {
      await db.metrics.bulkPut(changes.metrics);
      await db.points.bulkPut(changes.points.map((point) => ({ ...point, id: teamPointId(point) })));
      const pins = await db.pins.bulkGet(changes.pins.map((p) => p.id));
      // A pin that is new here has not been read here yet.
      await db.pins.bulkPut(changes.pins.map((pin, i) => ({ status: 'ok' as const, ...pins[i], ...pin })));
      await db.boards.bulkPut(changes.boards);
      await db.pins.bulkDelete(changes.deletedPins);
      await db.boards.bulkDelete(changes.deletedBoards);
      await db.overrides.bulkPut(changes.overrides);
    }),
  );
}

/** Calls back after the shared tables change (in any page or the worker). Returns the unsubscribe. */
export function watchSharedTables(onChange: () => void, db: CustomerDb = customerDb()): () => void {
  let first = true;
  const subscription = liveQuery(() => Promise.all([db.metrics.count(), db.points.count(), db.pins.toArray(), db.boards.toArray(), db.overrides.toArray()])).subscribe({
    next: () => (first ? (first = false) : onChange()),
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}

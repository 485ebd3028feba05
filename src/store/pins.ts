import { customerDb, type CustomerDb } from './db';
import type { MetricPointRow, Pin } from './schema';
import { withReopen } from './reopen';
import { latestPointOf } from './points';

/** A pin's reading taken on a visit: one point per visit, keyed so a retried write overwrites itself. */
function visitPoint(pinId: string, at: number, value: number): MetricPointRow {
  return { id: `${pinId}|visit-${at}`, metricId: pinId, snapshotId: `visit-${at}`, at, value };
}

export function allPins(db: CustomerDb = customerDb()): Promise<Pin[]> {
  return db.pins.toArray();
}

export function pinsOfOrigin(origin: string, db: CustomerDb = customerDb()): Promise<Pin[]> {
  return db.pins.where('origin').equals(origin).toArray();
}

/** A new pin is a metric from its first reading on: pin, definition and point land together. */
export async function savePin(pin: Pin, unit: string, value: number, db: CustomerDb = customerDb()): Promise<void> {
  await withReopen(db, () =>
    db.transaction('rw', db.pins, db.metrics, db.points, async () => {
      await db.pins.put(pin);
      await db.metrics.put({ id: pin.id, source: 'pin', label: pin.label, unit, createdAt: pin.createdAt });
      await db.points.put(visitPoint(pin.id, pin.createdAt, value));
    }),
  );
}

/** The element is gone or shows something else: the pin says so, and no value is recorded. */
export async function notePinMissing(pin: Pin, text: string | undefined, now: number, db: CustomerDb = customerDb()): Promise<void> {
  await withReopen(db, () => db.pins.put({ ...pin, status: 'missing', lastSeenAt: now, lastText: text }));
}

/**
 * A pin read again on a visit. The same value again within `sameReadingMs` is the same
 * reading, not a new point.
 */
export async function notePinReading(pin: Pin, value: number, text: string | undefined, now: number, sameReadingMs: number, db: CustomerDb = customerDb()): Promise<void> {
  await withReopen(db, () =>
    db.transaction('rw', db.pins, db.points, async () => {
      const last = await latestPointOf(pin.id, db);
      if (!last || last.value !== value || now - last.at >= sameReadingMs) await db.points.put(visitPoint(pin.id, now, value));
      await db.pins.put({ ...pin, status: 'ok', lastSeenAt: now, lastText: text });
    }),
  );
}

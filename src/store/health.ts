import { customerDb, type CustomerDb } from './db';
import { withReopen } from './reopen';
import type { ConnectorErrorKind, ConnectorHealth, HealthError } from '../model/health';
import type { ConnectorId } from '../model/record';

/** Each tool's health for Options: its last errors (newest first), schema drift and last success. */
const MAX_HEALTH_ERRORS = 20;

export function healthOf(connector: ConnectorId, db: CustomerDb = customerDb()): Promise<ConnectorHealth | undefined> {
  return db.health.get(connector);
}

export async function recordHealthError(connector: ConnectorId, error: Omit<HealthError, 'at'>, now = Date.now(), db: CustomerDb = customerDb()): Promise<void> {
  await withReopen(db, () =>
    db.transaction('rw', db.health, async () => {
      const health = (await db.health.get(connector)) ?? { connector, lastErrors: [], schemaDriftCount: 0 };
      health.lastErrors = [{ ...error, at: now }, ...health.lastErrors].slice(0, MAX_HEALTH_ERRORS);
      if (error.kind === ('schema' satisfies ConnectorErrorKind)) health.schemaDriftCount += 1;
      await db.health.put(health);
    }),
  );
}

export async function recordHealthSuccess(connector: ConnectorId, now = Date.now(), db: CustomerDb = customerDb()): Promise<void> {
  await withReopen(db, () =>
    db.transaction('rw', db.health, async () => {
      const health = (await db.health.get(connector)) ?? { connector, lastErrors: [], schemaDriftCount: 0 };
      await db.health.put({ ...health, lastSuccessAt: now });
    }),
  );
}

export function clearHealth(connector: ConnectorId, db: CustomerDb = customerDb()): Promise<void> {
  return withReopen(db, () => db.health.delete(connector));
}

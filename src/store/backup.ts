import { z } from '../model/zod-setup';
import { customerDb, type CustomerDb } from './db';
import { withReopen } from './reopen';
import { customerRecordSchema, type CustomerRecord } from '../model/record';
import { putRecords } from './records';

/**
 * One versioned file with everything the user built up: cached records, metric history,
 * identity decisions, recents. Never tokens. Import merges: nothing already here is lost.
 */
export const BACKUP_FORMAT = 'customer-view-backup';
export const BACKUP_VERSION = 1;

export const metricSchema = z.object({
  id: z.string(),
  source: z.enum(['connector', 'pin']),
  connector: z.optional(z.string()),
  account: z.optional(z.string()),
  label: z.string(),
  unit: z.string(),
  createdAt: z.number(),
});
const pointSchema = z.object({ id: z.string(), metricId: z.string(), snapshotId: z.string(), at: z.number(), value: z.number() });
const overrideSchema = z.object({ id: z.string(), a: z.string(), b: z.string(), kind: z.enum(['split', 'merge']), at: z.number() });
const recentSchema = z.object({ key: z.string(), viewedAt: z.number() });
export const boardSchema = z.object({ id: z.string(), name: z.string(), metricIds: z.array(z.string()), createdAt: z.number() });

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  data: z.object({
    records: z.array(customerRecordSchema),
    metrics: z.array(metricSchema),
    points: z.array(pointSchema),
    overrides: z.array(overrideSchema),
    recent: z.array(recentSchema),
    boards: z._default(z.array(boardSchema), []),
  }),
});
export type Backup = z.infer<typeof backupSchema>;

export async function exportBackup(now = new Date(), db: CustomerDb = customerDb()): Promise<Backup> {
  return db.transaction('r', [db.records, db.metrics, db.points, db.overrides, db.recent, db.boards], async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    data: {
      // Index terms are derived on import; the file holds the canonical record only.
      records: (await db.records.toArray()).map(({ terms: _terms, ...record }) => record),
      metrics: await db.metrics.toArray(),
      points: await db.points.toArray(),
      overrides: await db.overrides.toArray(),
      recent: await db.recent.toArray(),
      boards: await db.boards.toArray(),
    },
  }));
}

export class BackupError extends Error {}

/** Checks a file before anything is written; says plainly what is wrong with it. */
export function parseBackup(text: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError('This file is not a backup: it is not valid JSON (it may be cut off or corrupt).');
  }
  const header = z.object({ format: z.string(), version: z.number() }).safeParse(json);
  if (!header.success || header.data.format !== BACKUP_FORMAT) throw new BackupError('This file is not a Customer View backup.');
  if (header.data.version > BACKUP_VERSION) {
    throw new BackupError(`This backup was made by a newer version of the extension (format ${header.data.version}); update the extension to import it.`);
  }
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError(`This backup is damaged at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}. Nothing was imported.`);
  }
  return parsed.data;
}

export interface ImportPlan {
  newRecords: number;
  updatedRecords: number;
  newMetrics: number;
  newPoints: number;
  newOverrides: number;
}

/** What an import would change, without changing anything. */
export async function planImport(backup: Backup, db: CustomerDb = customerDb()): Promise<ImportPlan> {
  const existing = await db.records.bulkGet(backup.data.records.map((r) => r.key));
  const existingMetrics = await db.metrics.bulkGet(backup.data.metrics.map((m) => m.id));
  const existingPoints = await db.points.bulkGet(backup.data.points.map((p) => p.id));
  const existingOverrides = await db.overrides.bulkGet(backup.data.overrides.map((o) => o.id));
  return {
    newRecords: existing.filter((r) => !r).length,
    updatedRecords: existing.filter((r, i) => r && r.fetchedAt < backup.data.records[i]!.fetchedAt).length,
    newMetrics: existingMetrics.filter((m) => !m).length,
    newPoints: existingPoints.filter((p) => !p).length,
    newOverrides: existingOverrides.filter((o) => !o).length,
  };
}

/** Merges in one transaction: newer records win, existing points and decisions are kept. */
export async function importBackup(backup: Backup, db: CustomerDb = customerDb()): Promise<ImportPlan> {
  // Loaded before the transaction (which cannot wait on it); Options, which only exports, never loads it.
  const { searchTokens } = await import('../identity/tokens');
  const withCurrentTokens = (record: CustomerRecord): CustomerRecord => ({ ...record, tokens: searchTokens(record.title, record.fields) });
  return withReopen(db, () => db.transaction('rw', [db.records, db.vocabulary, db.metrics, db.points, db.overrides, db.recent, db.boards], async () => {
    const plan = await planImport(backup, db);
    const existing = await db.records.bulkGet(backup.data.records.map((r) => r.key));
    // Tokens are rebuilt: a file from an older version indexes like a fresh fetch.
    const newer = backup.data.records.filter((r, i) => !existing[i] || existing[i]!.fetchedAt < r.fetchedAt);
    await putRecords(db, newer.map(withCurrentTokens));
    const absent = async <T extends { id: string }>(items: T[], lookup: (ids: string[]) => Promise<Array<unknown>>) => {
      const present = await lookup(items.map((item) => item.id));
      return items.filter((_, i) => !present[i]);
    };
    await db.metrics.bulkAdd(await absent(backup.data.metrics, (ids) => db.metrics.bulkGet(ids)));
    await db.points.bulkAdd(await absent(backup.data.points, (ids) => db.points.bulkGet(ids)));
    await db.overrides.bulkAdd(await absent(backup.data.overrides, (ids) => db.overrides.bulkGet(ids)));
    await db.boards.bulkAdd(await absent(backup.data.boards, (ids) => db.boards.bulkGet(ids)));
    const recents = await db.recent.bulkGet(backup.data.recent.map((r) => r.key));
    await db.recent.bulkPut(backup.data.recent.filter((r, i) => !recents[i] || recents[i]!.viewedAt < r.viewedAt));
    return plan;
  }));
}

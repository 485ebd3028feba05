import Dexie, { type EntityTable } from 'dexie';
import { withReopen } from './reopen';

/**
 * Where the tokens and the passphrase vault's header are kept: a database of their own in the
 * extension's IndexedDB. Content scripts cannot reach the extension origin's IndexedDB (they
 * could read `storage.local`, on every page they run on), and a database apart from the
 * customer records keeps them out of backups, liveQueries and "Clear cached records". Only
 * src/secrets uses this module; what the values mean is its business.
 */
export interface SecretRow {
  name: string;
  value: unknown;
}

type SecretDb = Dexie & { secrets: EntityTable<SecretRow, 'name'> };

export const SECRET_DB_NAME = 'customer-view-secrets';

let shared: SecretDb | undefined;

function secretDb(): SecretDb {
  if (!shared) {
    const db = new Dexie(SECRET_DB_NAME) as SecretDb;
    db.version(1).stores({ secrets: '&name' });
    db.on('versionchange', () => {
      db.close();
      return false;
    });
    shared = db;
  }
  return shared;
}

export async function readSecret(name: string): Promise<unknown> {
  return withReopen(secretDb(), async () => (await secretDb().secrets.get(name))?.value);
}

/** Every row whose name starts with `prefix`. */
export async function readSecrets(prefix: string): Promise<SecretRow[]> {
  return withReopen(secretDb(), () => secretDb().secrets.where('name').startsWith(prefix).toArray());
}

/** All rows in one transaction: a vault header and the tokens it sealed are never half written. */
export async function writeSecrets(rows: SecretRow[]): Promise<void> {
  await withReopen(secretDb(), () => secretDb().secrets.bulkPut(rows));
}

export async function deleteSecrets(names: string[]): Promise<void> {
  await withReopen(secretDb(), () => secretDb().secrets.bulkDelete(names));
}

/**
 * Makes fake-indexeddb refuse writes as a full disk does, so the real Dexie errors reach the
 * code under test.
 * - `commit` (Chromium): every request succeeds, then a transaction that stored anything aborts
 *   at commit with a QuotaExceededError and keeps nothing; deletes need no room and commit.
 * - `request` (Firefox): the put itself fails with a QuotaExceededError and aborts its transaction.
 * Returns the function that frees the disk again.
 */
interface FakeTransaction {
  mode: string;
  _state: string;
  _rollbackLog: unknown[];
  _requests: Array<{ request: { readyState: string } }>;
  _abort(name: string): void;
  _start(): void;
}
interface RawStore {
  storeRecord(record: unknown, noOverwrite: boolean, rollbackLog?: unknown[]): unknown;
}

async function rawObjectStorePrototype(): Promise<RawStore> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(`full-disk-probe-${Math.random()}`);
    open.onupgradeneeded = () => open.result.createObjectStore('s');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const store = db.transaction('s', 'readonly').objectStore('s') as unknown as { _rawObjectStore: RawStore };
  db.close();
  return Object.getPrototypeOf(store._rawObjectStore) as RawStore;
}

export async function fillDisk(mode: 'commit' | 'request' = 'commit'): Promise<() => void> {
  const raw = await rawObjectStorePrototype();
  const transaction = (globalThis as unknown as { IDBTransaction: { prototype: FakeTransaction } }).IDBTransaction.prototype;
  const { storeRecord } = raw;
  const { _start } = transaction;
  const stored = new WeakSet<unknown[]>();

  raw.storeRecord = function (record, noOverwrite, rollbackLog) {
    if (mode === 'request') throw new DOMException('The disk is full.', 'QuotaExceededError');
    if (rollbackLog) stored.add(rollbackLog);
    return storeRecord.call(this, record, noOverwrite, rollbackLog);
  };
  transaction._start = function (this: FakeTransaction) {
    const committing = this._state !== 'finished' && this._requests.every((r) => r.request.readyState === 'done');
    if (committing && stored.has(this._rollbackLog)) return this._abort('QuotaExceededError');
    return _start.call(this);
  };
  return () => {
    raw.storeRecord = storeRecord;
    transaction._start = _start;
  };
}

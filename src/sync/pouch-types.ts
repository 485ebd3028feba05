/**
 * The part of PouchDB the sync engine uses, typed here: the engine is handed a PouchDB
 * constructor (IndexedDB in the browser, memory in tests) and never imports PouchDB itself.
 */
export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

export interface PouchChange {
  id: string;
  seq: number | string;
  deleted?: boolean;
  doc?: PouchDoc;
}

export interface PouchDatabase {
  info(): Promise<Record<string, unknown>>;
  get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<PouchDoc>;
  put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(docs: PouchDoc[]): Promise<Array<{ ok?: boolean; id?: string; rev?: string; error?: string; status?: number }>>;
  allDocs(options: { include_docs?: boolean; startkey?: string; endkey?: string; keys?: string[] }): Promise<{ rows: Array<{ id: string; value?: { rev: string; deleted?: boolean }; doc?: PouchDoc; error?: string }> }>;
  changes(options: { since: number | string; include_docs?: boolean; conflicts?: boolean; limit?: number }): Promise<{ results: PouchChange[]; last_seq: number | string }>;
  replicate: {
    to(target: PouchDatabase, options?: { batch_size?: number }): Promise<{ ok: boolean; docs_written: number; errors?: unknown[] }>;
    from(source: PouchDatabase, options?: { batch_size?: number }): Promise<{ ok: boolean; docs_written: number; errors?: unknown[] }>;
  };
  close(): Promise<void>;
}

export type PouchConstructor = new (name: string, options?: Record<string, unknown>) => PouchDatabase;

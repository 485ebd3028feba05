// PouchDB ships no types; the engine uses it through src/sync/pouch-types.ts only.
declare module 'pouchdb-core' {
  const PouchDB: {
    plugin(plugin: unknown): typeof PouchDB;
    defaults(options: Record<string, unknown>): unknown;
    adapters: Record<string, unknown>;
    prototype: Record<string, unknown>;
  };
  export default PouchDB;
}
declare module 'pouchdb-adapter-idb';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-replication';
declare module 'pouchdb-mapreduce';
declare module 'express-pouchdb';

import PouchDB from 'pouchdb-core';
import idbAdapter from 'pouchdb-adapter-idb';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import type { PouchConstructor } from './pouch-types';

/**
 * PouchDB as extension pages run it: the local replica in this extension's IndexedDB, the team
 * database over HTTP. Loaded only when a page syncs, never by the worker.
 */
export const BrowserPouch = PouchDB.plugin(idbAdapter).plugin(httpAdapter).plugin(replication).defaults({ adapter: 'idb' }) as unknown as PouchConstructor;

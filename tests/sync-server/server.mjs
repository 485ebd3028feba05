// A real CouchDB-protocol server for tests and for trying team sync locally: express-pouchdb
// over in-memory PouchDB, with CouchDB's own users (`_users`) and per-database `_security`.
// `npm run sync-server` starts one on 127.0.0.1:5984 with a database `team` and a user
// `marketer` / `marketer-password`.
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import mapreduce from 'pouchdb-mapreduce';
import expressPouchDB from 'express-pouchdb';

// Plugins extend the one PouchDB class of this process: tests that replicate use it as it is here.
PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication).plugin(mapreduce);

const ADMIN = { name: 'admin', password: 'admin-password' };

/**
 * Starts a server; `users` are created in `_users`, `databases` are created with `_security`
 * naming those users as members. `fail(n)` makes the next n database requests after the first
 * `after` ones answer 500; `down()` closes the port and `up()` opens it again on the same port.
 */
/** @param {{ port?: number, users?: Array<{ name: string, password: string }>, databases?: string[] }} [options] */
export async function startSyncServer({ port = 0, users = [], databases = [] } = {}) {
  const Memory = PouchDB.defaults({ adapter: 'memory' });
    // CouchDB's users, sessions and `_security` on top of what replication needs.
  const app = expressPouchDB(Memory, {
    mode: 'minimumForPouchDB',
    logPath: join(tmpdir(), `sync-server-${process.pid}.log`),
    inMemoryConfig: true,
    overrideMode: { include: ['config-infrastructure', 'logging-infrastructure', 'validation', 'routes/authentication', 'routes/authorization', 'routes/security', 'routes/session'] },
  });
    const failures = { after: 0, count: 0 };
  const requests = [];
  const handler = (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (failures.count > 0 && /^\/[a-z]/.test(req.url) && !req.url.startsWith('/_')) {
      if (failures.after > 0) failures.after--;
      else {
        failures.count--;
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'internal_server_error', reason: 'test failure' }));
        return;
      }
    }
    app(req, res);
  };
  let server = http.createServer(handler);
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  const actualPort = server.address().port;
  const url = `http://127.0.0.1:${actualPort}`;
  // The users database must be set up before the admin is added (which sets it up again).
  await fetch(`${url}/_session`);
  await new Promise((done, fail) => app.couchConfig.set('admins', ADMIN.name, ADMIN.password, (error) => (error ? fail(error) : done())));
  await fetch(`${url}/_session`);
  const admin = (path) => new Memory(`${url}/${path}`, { adapter: 'http', auth: { username: ADMIN.name, password: ADMIN.password } });

  for (const user of users) {
    await fetchAsAdmin(url, `/_users/org.couchdb.user:${user.name}`, 'PUT', { _id: `org.couchdb.user:${user.name}`, name: user.name, password: user.password, type: 'user', roles: [] });
  }
  for (const name of databases) {
    await fetchAsAdmin(url, `/${name}`, 'PUT');
    await fetchAsAdmin(url, `/${name}/_security`, 'PUT', { admins: { names: [], roles: [] }, members: { names: users.map((u) => u.name), roles: [] } });
  }

  return {
    url,
    requests,
    /** A database as the admin sees it (every document, conflicts included). */
    db: (name) => admin(name),
    fail(count, after = 0) {
      failures.count = count;
      failures.after = after;
    },
    async down() {
      server.closeAllConnections?.();
      await new Promise((done) => server.close(done));
    },
    async up() {
      server = http.createServer(handler);
      await new Promise((done) => server.listen(actualPort, '127.0.0.1', done));
    },
    async close() {
      server.closeAllConnections?.();
      await new Promise((done) => server.close(() => done()));
    },
  };
}

async function fetchAsAdmin(url, path, method, body) {
  const response = await fetch(url + path, {
    method,
    headers: { authorization: `Basic ${btoa(`${ADMIN.name}:${ADMIN.password}`)}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startSyncServer({ port: Number(process.env.PORT ?? 5984), users: [{ name: 'marketer', password: 'marketer-password' }], databases: ['team'] });
  console.log(`CouchDB-protocol test server on ${server.url}: database "team", user "marketer" / "marketer-password" (in memory, gone when stopped)`);
}

/**
 * The embedded CouchDB-compatible store: express-pouchdb over LevelDB (pouchdb-node), run as a child
 * process of the sync server so a crash in it never takes the server down (the parent restarts it).
 * Listens on 127.0.0.1 only, on a free port it reports to the parent through IPC.
 *
 * Every request must carry HTTP basic auth `shortlist:<SHORTLIST_STORE_SECRET>`, so other local users
 * and processes cannot read the credentials and sessions databases through the loopback port.
 *
 * Besides what express-pouchdb serves, it answers `GET /_db_updates` (see embedded-store-db-updates.ts).
 *
 * Environment: SHORTLIST_STORE_DIR (where the LevelDB folders live), SHORTLIST_STORE_PORT (0 = any
 * free port), SHORTLIST_STORE_SECRET (the basic-auth password), SHORTLIST_STORE_REQUEST_TIMEOUT_MS
 * (a request still unanswered after this long has its connection closed, as Node's request timeout
 * and many proxies do; default 300000).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import expressPouchDb from 'express-pouchdb';
import PouchDB from 'pouchdb-node';
import { dbUpdatesHandler, DbUpdatesLog, recordWrites } from './embedded-store-db-updates';

process.umask(0o077);

const directory = process.env['SHORTLIST_STORE_DIR'];
if (!directory) {
  process.stderr.write('SHORTLIST_STORE_DIR is required\n');
  process.exit(2);
}
mkdirSync(directory, { recursive: true });

const secret = process.env['SHORTLIST_STORE_SECRET'];
if (!secret) {
  process.stderr.write('SHORTLIST_STORE_SECRET is required\n');
  process.exit(2);
}
const expectedAuthorization = Buffer.from(`Basic ${Buffer.from(`shortlist:${secret}`).toString('base64')}`);

const requestTimeoutText = process.env['SHORTLIST_STORE_REQUEST_TIMEOUT_MS'] ?? '300000';
if (!/^\d{3,9}$/.test(requestTimeoutText)) {
  process.stderr.write(
    'SHORTLIST_STORE_REQUEST_TIMEOUT_MS must be a number of milliseconds (at least 100)\n',
  );
  process.exit(2);
}
const requestTimeoutMs = Number(requestTimeoutText);

const LocalPouchDb = PouchDB.defaults({ prefix: `${directory}${path.sep}` });
const updates = new DbUpdatesLog(randomBytes(6).toString('hex'));
const app = express();
app.disable('x-powered-by');
app.use((request, response, next) => {
  // Longpolls included: a client must cope with a closed connection, and tests shorten this.
  const timer = setTimeout(() => request.socket.destroy(), requestTimeoutMs);
  timer.unref();
  response.on('close', () => clearTimeout(timer));
  next();
});
app.use((request, response, next) => {
  const presented = Buffer.from(request.headers.authorization ?? '');
  if (
    presented.length === expectedAuthorization.length &&
    timingSafeEqual(presented, expectedAuthorization)
  ) {
    next();
    return;
  }
  response.status(401).json({ error: 'unauthorized', reason: 'The store requires its credentials.' });
});
app.get('/_db_updates', dbUpdatesHandler(updates));
app.use(recordWrites(updates));
app.use(
  '/',
  expressPouchDb(LocalPouchDb, {
    mode: 'minimumForPouchDB',
    overrideMode: { include: ['routes/find', 'routes/all-dbs'] },
    configPath: path.join(directory, 'store-config.json'),
    logPath: path.join(directory, 'store-log.txt'),
  }),
);

const requestedPort = Number(process.env['SHORTLIST_STORE_PORT'] ?? '0');
const server = createServer(
  {
    requestTimeout: requestTimeoutMs,
    connectionsCheckingInterval: Math.min(30_000, Math.max(100, requestTimeoutMs / 4)),
  },
  app,
);
server.listen(requestedPort, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  if (process.send) process.send({ type: 'listening', port });
  else process.stdout.write(`listening on ${port}\n`);
});

// The parent going away (even by SIGKILL) closes the IPC channel: do not outlive it.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => {
  // LevelDB writes are synchronous per request; open keep-alive sockets must not hold the exit.
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 1_000).unref();
});

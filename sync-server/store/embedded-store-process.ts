/**
 * The embedded CouchDB-compatible store: express-pouchdb over LevelDB (pouchdb-node), run as a child
 * process of the sync server so a crash in it never takes the server down (the parent restarts it).
 * Listens on 127.0.0.1 only, on a free port it reports to the parent through IPC.
 *
 * Every request must carry HTTP basic auth `shortlist:<SHORTLIST_STORE_SECRET>`, so other local users
 * and processes cannot read the credentials and sessions databases through the loopback port.
 *
 * Environment: SHORTLIST_STORE_DIR (where the LevelDB folders live), SHORTLIST_STORE_PORT (0 = any
 * free port), SHORTLIST_STORE_SECRET (the basic-auth password).
 */
import { timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import expressPouchDb from 'express-pouchdb';
import PouchDB from 'pouchdb-node';

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

const LocalPouchDb = PouchDB.defaults({ prefix: `${directory}${path.sep}` });
const app = express();
app.disable('x-powered-by');
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
const server = app.listen(requestedPort, '127.0.0.1', () => {
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

import type { FastifyInstance } from 'fastify';
import { migrateStore } from '../services/store-migrations';
import { CouchStore } from '../infra/couch-store';

declare module 'fastify' {
  interface FastifyInstance {
    /** The CouchDB gateway (nano). */
    store: CouchStore;
    /** HS256 secret of the access tokens. */
    jwtSecret: string;
  }
}

/** Connects to the store, creates databases and indexes (idempotently), and decorates the app. */
export async function installStore(
  app: FastifyInstance,
  options: { couchUrl: string; dbPrefix: string; jwtSecret: string },
): Promise<CouchStore> {
  const store = new CouchStore(options.couchUrl, options.dbPrefix);
  await store.ensureSchema();
  // A store made by an earlier version is brought up to date once (idempotent).
  await migrateStore(store, Date.now());
  app.decorate('store', store);
  app.decorate('jwtSecret', options.jwtSecret);
  return store;
}

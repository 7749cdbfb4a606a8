import fp from 'fastify-plugin';
import { CouchStore } from '../infra/couch-store';
import { migrateStore } from '../services/store-migrations';

declare module 'fastify' {
  interface FastifyInstance {
    /** The CouchDB gateway (nano). */
    store: CouchStore;
    /** HS256 secret of the access tokens. */
    jwtSecret: string;
  }
}

/** Where the store is, and the server's secret. */
export interface StorePluginOptions {
  readonly couchUrl: string;
  readonly dbPrefix: string;
  readonly jwtSecret: string;
}

/**
 * Connects to the store, creates its databases and indexes (idempotently, with other instances doing
 * the same), brings a store of an earlier version up to date, and decorates the app with it.
 */
export const storePlugin = fp<StorePluginOptions>(
  async (app, options) => {
    const store = new CouchStore(options.couchUrl, options.dbPrefix);
    await store.ensureSchema();
    await migrateStore(store, Date.now());
    app.decorate('store', store);
    app.decorate('jwtSecret', options.jwtSecret);
  },
  { name: 'store' },
);

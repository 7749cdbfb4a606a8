import fp from 'fastify-plugin';
import type { CouchStore } from '../infra/couch-store';
import { AccountDirectory } from '../services/account-directory';
import {
  ensureOrganisationSchema,
  OrganisationDirectory,
  type Organisation,
} from '../services/organisations';
import { migrateStore } from '../services/store-migrations';

declare module 'fastify' {
  interface FastifyInstance {
    /** The deployment's organisations, and the store of each. */
    organisations: OrganisationDirectory;
    /** Every account's email, deployment-wide, and where the account lives. */
    accounts: AccountDirectory;
    /**
     * The store of the deployment's first organisation, for start-up work on it (the demo). Requests
     * never use it: their store is `storeOf(request)`, their organisation's.
     */
    store: CouchStore;
    /** The deployment's first organisation. */
    firstOrganisation: Organisation;
    /** HS256 secret of the access tokens. */
    jwtSecret: string;
  }
}

/** Where the store is, the server's secret, and what the first organisation is called. */
export interface StorePluginOptions {
  readonly couchUrl: string;
  readonly dbPrefix: string;
  readonly jwtSecret: string;
  readonly firstOrganisation: { readonly slug: string; readonly name: string };
}

/**
 * Connects to the store; creates the platform's databases and the first organisation's (idempotently,
 * with other instances doing the same); brings a store of an earlier version, which held one
 * organisation, up to date as the deployment's first organisation, with nothing moved; and decorates
 * the app with the directories.
 */
export const storePlugin = fp<StorePluginOptions>(
  async (app, options) => {
    const organisations = new OrganisationDirectory(options.couchUrl, options.dbPrefix);
    await organisations.ensureSchema();
    const first = await organisations.ensureFirst(options.firstOrganisation, Date.now());
    const store = organisations.storeOf(first);
    await ensureOrganisationSchema(store);
    await migrateStore(store, Date.now());
    app.decorate('organisations', organisations);
    app.decorate('accounts', new AccountDirectory(organisations));
    app.decorate('store', store);
    app.decorate('firstOrganisation', first);
    app.decorate('jwtSecret', options.jwtSecret);
  },
  { name: 'store' },
);

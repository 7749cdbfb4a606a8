/** Minimal typings for the untyped packages of the embedded store (used only by its child process). */
declare module 'pouchdb-node' {
  interface PouchDbConstructor {
    defaults(options: { prefix?: string }): PouchDbConstructor;
  }
  const PouchDB: PouchDbConstructor;
  export = PouchDB;
}

declare module 'express-pouchdb' {
  import type { RequestHandler } from 'express';
  interface ExpressPouchDbOptions {
    mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
    configPath?: string;
    logPath?: string;
    inMemoryConfig?: boolean;
    overrideMode?: { include?: string[]; exclude?: string[] };
  }
  function expressPouchDb(pouchDb: unknown, options?: ExpressPouchDbOptions): RequestHandler;
  export = expressPouchDb;
}

import type { DocumentScope } from 'nano';
import type { CouchStore, StoredDoc } from './couch-store';
import { ensureDatabase, ensureIndex, type IndexSpec } from './ensure-database';

/**
 * A server database this area owns beside CouchStore's own (`<prefix><key>`, same convention, so
 * tests get fresh ones), created idempotently: safe on every start and from many instances at once
 * (a database or index another instance just made counts as made, once read back).
 */
export async function ensureOwnDatabase(
  store: CouchStore,
  key: string,
  indexes: readonly IndexSpec[] = [],
): Promise<DocumentScope<StoredDoc>> {
  const name = `${store.prefix}${key}`;
  await ensureDatabase(store.http, name);
  for (const index of indexes) await ensureIndex(store.http, name, index);
  return store.server.use<StoredDoc>(name);
}

/**
 * A server database of `store` that its organisation's set-up made already (see
 * `ensureOrganisationSchema`): nothing is asked of the store.
 */
export function ownDatabase(store: CouchStore, key: string): DocumentScope<StoredDoc> {
  return store.server.use<StoredDoc>(`${store.prefix}${key}`);
}

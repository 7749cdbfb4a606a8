import type { DocumentScope } from 'nano';
import { statusOf, type CouchStore, type StoredDoc } from '../store/couch-store';

/**
 * A server database this area owns beside CouchStore's own (`<prefix><key>`, same convention, so
 * tests get fresh ones), created idempotently: safe on every start and from many instances.
 */
export async function ensureOwnDatabase(
  store: CouchStore,
  key: string,
  indexes: readonly { name: string; fields: string[] }[] = [],
): Promise<DocumentScope<StoredDoc>> {
  const name = `${store.prefix}${key}`;
  try {
    await store.server.db.create(name);
  } catch (error) {
    // 412: it exists already (another instance, or an earlier start).
    if (statusOf(error) !== 412) throw error;
  }
  const db = store.server.use<StoredDoc>(name);
  for (const index of indexes) {
    await db.createIndex({ index: { fields: index.fields }, name: index.name, ddoc: index.name });
  }
  return db;
}

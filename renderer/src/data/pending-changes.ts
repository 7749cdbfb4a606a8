import type { CollectionName } from '#shared/domain/collections';
import type { ShortlistDatabase } from './database';
import { pendingChangeId } from './local-schemas';

/** Notes that `documentId` has a local change the server has not accepted yet. */
export async function markPending(db: ShortlistDatabase, collection: CollectionName, documentId: string): Promise<void> {
  await db.pending.upsert({ id: pendingChangeId(collection, documentId), documentCollection: collection, documentId, writtenAt: Date.now() });
}

/** Whether `documentId` has a local change the server has not accepted yet. */
export async function isPending(db: ShortlistDatabase, collection: CollectionName, documentId: string): Promise<boolean> {
  return (await db.pending.findOne(pendingChangeId(collection, documentId)).exec()) !== null;
}

/**
 * Clears the marker once the server accepted (or finally refused) the change. With `pushedAt`, a
 * marker written after that push started stays: a newer local change is still on its way.
 */
export async function clearPending(
  db: ShortlistDatabase,
  collection: CollectionName,
  documentId: string,
  pushedAt = Number.POSITIVE_INFINITY,
): Promise<void> {
  const marker = await db.pending.findOne(pendingChangeId(collection, documentId)).exec();
  if (marker && marker.writtenAt <= pushedAt) await marker.remove();
}

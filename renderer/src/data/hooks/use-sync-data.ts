import { map } from 'rxjs';
import type { CollectionName } from '#shared/domain/collections';
import { pendingChangeId, type RefusedChange, type SyncMeta } from '../local-schemas';
import { SYNC_META_ID } from '../sync/sync-meta';
import { useDb } from './use-database';
import { useObservableValue } from './use-live-query';

/** How many local changes the server has not accepted yet (every window sees the same count). */
export function usePendingCount(): number {
  const db = useDb();
  return useObservableValue(() => db.pending.count().$, [db]) ?? 0;
}

/** Refused changes, newest first. */
export function useRefusedChanges(): RefusedChange[] | undefined {
  const db = useDb();
  return useObservableValue(
    () => db.refused.find({ sort: [{ refusedAt: 'desc' }] }).$.pipe(map((docs) => docs.map((doc) => doc.toMutableJSON()))),
    [db],
  );
}

export function useRefusedCount(): number {
  const db = useDb();
  return useObservableValue(() => db.refused.count().$, [db]) ?? 0;
}

/** Last successful sync and whether the first download finished. */
export function useSyncMeta(): SyncMeta | null | undefined {
  const db = useDb();
  return useObservableValue(
    () => db.syncmeta.findOne(SYNC_META_ID).$.pipe(map((doc) => doc?.toMutableJSON() ?? null)),
    [db],
  );
}

/** Whether this document has a local change the server has not accepted yet. */
export function useIsPending(collection: CollectionName, documentId: string): boolean {
  const db = useDb();
  return (
    useObservableValue(
      () => db.pending.findOne(pendingChangeId(collection, documentId)).$.pipe(map((doc) => doc !== null)),
      [db, collection, documentId],
    ) ?? false
  );
}

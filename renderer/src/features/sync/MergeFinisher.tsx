import { useEffect } from 'react';
import { roleMay } from '#shared/domain/access/write-matrix';
import { useActor, useDb } from '../../data/hooks/use-database';
import { finishMerges } from '../../data/merges/candidate-merges';
import { useCandidateIndex } from '../../data/search/candidate-index';
import { useSyncStatusStore } from '../../data/sync/sync-status-store';

/**
 * Finishes merges of duplicate candidates that reached this device in part (a record marked merged
 * whose applications still wait to move), each time the candidates change and a sync is not running.
 * The writes are the ones any laptop would make for that merge, so two laptops doing it agree.
 */
export function MergeFinisher() {
  const db = useDb();
  const actor = useActor();
  const { entries } = useCandidateIndex(db);
  const isSyncing = useSyncStatusStore((state) => state.isSyncing);
  const mayMerge = roleMay(actor.role, 'candidate.edit');
  useEffect(() => {
    if (!mayMerge || isSyncing) return;
    const merged = entries.flatMap((entry) =>
      entry.mergedInto ? [{ id: entry.id, mergedInto: entry.mergedInto }] : [],
    );
    if (merged.length > 0) void finishMerges(db, actor, merged);
  }, [db, actor, entries, isSyncing, mayMerge]);
  return null;
}

import { useEffect, useState } from 'react';
import { roleMay } from '#shared/domain/access/write-matrix';
import { useActor, useDb } from '../../data/hooks/use-database';
import { finishMerges } from '../../data/merges/candidate-merges';
import { useCandidateIndex } from '../../data/search/candidate-index';
import { useSyncStatusStore } from '../../data/sync/sync-status-store';

/** How long after the window opened the finisher starts: never in the way of the first screen. */
const START_AFTER_MS = 5_000;

/**
 * Finishes merges of duplicate candidates that reached this device in part (a record marked merged
 * whose applications still wait to move), each time the candidates change and a sync is not running.
 * The writes are the ones any laptop would make for that merge, so two laptops doing it agree.
 *
 * Only the window that leads (the one that syncs: the others see its writes through the shared
 * database), and only a few seconds after it opened: it reads every candidate, and a board or a
 * dashboard opened at the same moment would wait for that read.
 */
export function MergeFinisher() {
  const db = useDb();
  const actor = useActor();
  const mayMerge = roleMay(actor.role, 'candidate.edit');
  const [isStarted, setStarted] = useState(false);
  useEffect(() => {
    if (!mayMerge) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isCancelled = false;
    void db.waitForLeadership().then(() => {
      if (!isCancelled) timer = setTimeout(() => setStarted(true), START_AFTER_MS);
    });
    return () => {
      isCancelled = true;
      clearTimeout(timer);
    };
  }, [db, mayMerge]);
  return isStarted ? <FinishMerges /> : null;
}

function FinishMerges() {
  const db = useDb();
  const actor = useActor();
  const { entries } = useCandidateIndex(db);
  const isSyncing = useSyncStatusStore((state) => state.isSyncing);
  useEffect(() => {
    if (isSyncing) return;
    const merged = entries.flatMap((entry) =>
      entry.mergedInto ? [{ id: entry.id, mergedInto: entry.mergedInto }] : [],
    );
    if (merged.length > 0) void finishMerges(db, actor, merged);
  }, [db, actor, entries, isSyncing]);
  return null;
}

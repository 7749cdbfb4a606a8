import { Subject } from 'rxjs';
import { COLLECTIONS, type CollectionName } from '#shared/domain/collections';
import type { ConflictRuntime } from '../conflicts/conflict-handler';
import type { ShortlistDatabase } from '../database';
import { canSync } from '../session/session-machine';
import { requestWipe, useSessionStore } from '../session/session-store';
import { startFallbackPull, type FallbackPull } from './fallback-pull';
import { trackFirstDownload, type FirstDownloadTracker } from './first-download-tracker';
import { replicateCollection, type CollectionReplication, type PullObserver, type PullStream } from './replication';
import { hasInitialDownload, recordInitialDownloadDone, recordPullDone } from './sync-meta';
import { NO_FIRST_DOWNLOAD, updateSyncStatus } from './sync-status-store';
import { openSyncStream, type SyncStream } from './sync-stream';

export interface SyncEngine {
  stop(): Promise<void>;
}

/**
 * How long a window that opens on data already downloaded shows it before it syncs. Replication's
 * start (each collection's checkpoints and catch-up read, a pull each, the stream) shared the main
 * thread and the IndexedDB connection with the first screen's own reads: a job's board of 2,000
 * cards waited on it. A first download starts at once: that window has nothing to show yet.
 */
const SHOW_LOCAL_DATA_FIRST_MS = 1_000;

function afterFirstScreen(db: ShortlistDatabase): Promise<void> {
  return hasInitialDownload(db).then(
    (hasData) => (hasData ? new Promise((resolve) => setTimeout(resolve, SHOW_LOCAL_DATA_FIRST_MS)) : undefined),
    () => undefined,
  );
}

function errorMessage(error: unknown): string {
  const inner = (error as { parameters?: { errors?: unknown[] } }).parameters?.errors?.[0];
  const cause = inner instanceof Error ? inner : error;
  return cause instanceof Error ? cause.message : 'Sync failed.';
}

/**
 * Runs replication of every collection for the signed-in user: live through the SSE stream, backed
 * by timed pulls while the stream is silent or down and by pulls on focus and when the network
 * returns (`fallback-pull.ts`); paused while the session needs a new sign-in (nothing is dropped:
 * unsynced changes wait in the database), resumed after it. Only the leading window replicates and
 * listens to the stream.
 */
export function startSyncEngine(db: ShortlistDatabase, runtime: ConflictRuntime): SyncEngine {
  const serverUrl = useSessionStore.getState().serverUrl;
  const streams = new Map<CollectionName, PullStream>(COLLECTIONS.map((name) => [name, new Subject()]));
  const resyncAll = () => streams.forEach((subject) => subject.next('RESYNC'));
  let fallback: FallbackPull | null = null;
  const onPull: PullObserver = (outcome) => {
    fallback?.notePull(outcome === 'ok');
    if (outcome === 'ok') {
      updateSyncStatus({ isOnline: true });
      void recordPullDone(db, Date.now());
    } else if (outcome === 'unreachable') {
      updateSyncStatus({ isOnline: false });
    }
  };
  const countHeld = async (name: CollectionName) => (db.closed ? null : db[name].count().exec());
  const firstDownload = trackFirstDownload(countHeld, COLLECTIONS, (summary) =>
    updateSyncStatus({ firstDownload: summary }),
  );
  const replicated = new Map(
    COLLECTIONS.map((name) => {
      const onEstimate = (estimatedTotal: number) => firstDownload.noteEstimate(name, estimatedTotal);
      const stream$ = streams.get(name) as PullStream;
      return [name, replicateCollection(db, name, runtime, stream$, serverUrl, onPull, onEstimate)];
    }),
  );
  const replications = [...replicated.values()];
  const activity = new Map<CollectionReplication, boolean>();
  let stream: SyncStream | null = null;
  let isStopped = false;
  let isLeading = false;
  const startOrPause = (mayRun: boolean) => {
    for (const replication of replications) void (mayRun ? replication.start() : replication.pause());
    if (mayRun) resyncAll();
  };

  const subscriptions = [...replicated].flatMap(([name, replication]) => [
    replication.active$.subscribe((isActive) => {
      const wasSyncing = [...activity.values()].some(Boolean);
      activity.set(replication, isActive);
      const isSyncing = [...activity.values()].some(Boolean);
      if (isSyncing && !wasSyncing) updateSyncStatus({ isSyncing, lastError: null });
      else updateSyncStatus({ isSyncing });
    }),
    replication.error$.subscribe((error) => updateSyncStatus({ lastError: errorMessage(error) })),
    replication.received$.subscribe(() => firstDownload.noteReceived(name)),
  ]);

  const unsubscribeSession = useSessionStore.subscribe((state, previous) => {
    if (isLeading && canSync(state) !== canSync(previous)) startOrPause(canSync(state));
  });

  void db.waitForLeadership().then(async () => {
    if (isStopped) return;
    await afterFirstScreen(db);
    if (isStopped) return;
    isLeading = true;
    updateSyncStatus({ isLeader: true });
    if (canSync(useSessionStore.getState())) startOrPause(true);
    fallback = startFallbackPull({
      pullAll: () => {
        if (canSync(useSessionStore.getState())) resyncAll();
      },
      onScheduled: (delayMs) => updateSyncStatus({ fallbackPullMs: delayMs }),
      isOnline: () => navigator.onLine,
    });
    stream = openSyncStream({
      onChange: (collection) => {
        fallback?.noteStreamEvent();
        streams.get(collection)?.next('RESYNC');
      },
      onResync: () => {
        fallback?.noteStreamEvent();
        resyncAll();
      },
      onWipe: requestWipe,
      // A dropped stream is not "offline": the timed pulls tell whether the server can be reached.
      onConnectionChange: (isConnected) =>
        updateSyncStatus(isConnected ? { isOnline: true, isLive: true } : { isLive: false }),
    });
    await awaitFirstDownload(db, replicated, firstDownload);
  });

  return {
    async stop() {
      isStopped = true;
      stream?.close();
      fallback?.stop();
      firstDownload.stop();
      unsubscribeSession();
      subscriptions.forEach((subscription) => subscription.unsubscribe());
      await Promise.all(replications.map((replication) => replication.cancel()));
      updateSyncStatus({
        isLeader: false,
        isSyncing: false,
        isLive: null,
        fallbackPullMs: null,
        firstDownload: NO_FIRST_DOWNLOAD,
      });
    },
  };
}

async function awaitFirstDownload(
  db: ShortlistDatabase,
  replicated: ReadonlyMap<CollectionName, CollectionReplication>,
  tracker: FirstDownloadTracker,
): Promise<void> {
  await Promise.all(
    [...replicated].map(async ([name, replication]) => {
      await replication.awaitInitialReplication();
      tracker.noteDone(name);
    }),
  );
  await recordInitialDownloadDone(db);
  // The bar is gone for good: later changes need no counting.
  tracker.stop();
}

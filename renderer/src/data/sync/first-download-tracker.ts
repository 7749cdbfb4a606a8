import type { CollectionName } from '#shared/domain/collections';
import { summarizeFirstDownload, type CollectionDownload, type FirstDownloadSummary } from './first-download';

/** What the replication tells the first download's tally. */
export interface FirstDownloadTracker {
  /** Documents of `collection` arrived: it is counted again soon. */
  noteReceived(collection: CollectionName): void;
  /** The server's word on about how many documents `collection` holds for this reader. */
  noteEstimate(collection: CollectionName, estimatedTotal: number): void;
  /** The first download of `collection` finished. */
  noteDone(collection: CollectionName): void;
  stop(): void;
}

/** Recounting waits this long after documents arrive (thousands arrive a second). */
const RECOUNT_MS = 250;

/**
 * Keeps the first download's summary, reported through `publish`: each collection's documents are
 * counted on this device (so a download resumed after a restart starts where it is, and a document
 * received twice counts once), beside the size the server last said. `countHeld` counts a
 * collection on this device (null once the database is closed).
 */
export function trackFirstDownload(
  countHeld: (collection: CollectionName) => Promise<number | null>,
  collections: readonly CollectionName[],
  publish: (summary: FirstDownloadSummary) => void,
): FirstDownloadTracker {
  const downloads = new Map<CollectionName, CollectionDownload>();
  const dirty = new Set<CollectionName>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let isStopped = false;

  const note = (collection: CollectionName, patch: Partial<CollectionDownload>) => {
    const current = downloads.get(collection) ?? { held: 0, estimatedTotal: null, isDone: false };
    downloads.set(collection, { ...current, ...patch });
    if (!isStopped) publish(summarizeFirstDownload(collections, downloads));
  };
  const recount = async (collection: CollectionName, patch: Partial<CollectionDownload> = {}) => {
    const held = await countHeld(collection);
    if (held !== null) note(collection, { ...patch, held });
  };
  const recountDirty = () => {
    timer = null;
    const names = [...dirty];
    dirty.clear();
    for (const name of names) void recount(name);
  };

  for (const name of collections) void recount(name);
  return {
    noteReceived(collection) {
      if (isStopped) return;
      dirty.add(collection);
      timer ??= setTimeout(recountDirty, RECOUNT_MS);
    },
    noteEstimate(collection, estimatedTotal) {
      note(collection, { estimatedTotal });
    },
    noteDone(collection) {
      void recount(collection, { isDone: true });
    },
    stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

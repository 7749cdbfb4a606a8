import { useEffect, useSyncExternalStore } from 'react';
import type { ShortlistDatabase } from '../database';
import { CandidateSearchIndex, registerIndex, toSearchEntry, type CandidateSearchEntry } from './candidate-search';
import { holdBackgroundReads } from '../read-priority';
import { readStoredDocuments } from '../stored-documents';

const PUBLISH_DELAY_MS = 150;
/** Quiet time after a publish before its entries' words are indexed ahead of a search. */
const WARM_DELAY_MS = 400;
/** How long the preload waits for an idle moment at most. */
const PRELOAD_AT_LATEST_MS = 1_000;

/**
 * An in-memory search index of the candidates, kept current from the collection's change events:
 * 50,000 candidates are read once, then each change updates one entry of the search index (its
 * words and its place in the name order), never rebuilding it. A publish shows the list at once;
 * its words are indexed in the quiet after it (or by the first search). Shared by every screen.
 */
export class CandidateIndex {
  private readonly search = new CandidateSearchIndex();
  private snapshot: readonly CandidateSearchEntry[] = [];
  private isLoaded = false;
  /** Candidates changed while the first read ran: their event is newer than what the read returns. */
  private readonly changedWhileLoading = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private warmTimer: ReturnType<typeof setTimeout> | null = null;

  /** `pageSize`: candidates per read of the storage at start (small in tests, to cross pages). */
  constructor(candidates: ShortlistDatabase['candidates'], { pageSize }: { readonly pageSize?: number } = {}) {
    candidates.$.subscribe((event) => {
      if (event.operation === 'DELETE') this.search.remove(event.documentId);
      else this.search.upsert(toSearchEntry(event.documentData));
      if (this.isLoaded) this.schedulePublish();
      else this.changedWhileLoading.add(event.documentId);
    });
    void this.load(candidates, pageSize);
  }

  /** Calls `listener` after each publish of changes; returns the unsubscribe. */
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every candidate's search entry in name order, as last published (searchable with `findCandidates`). */
  readonly getSnapshot = () => this.snapshot;

  get loaded(): boolean {
    return this.isLoaded;
  }

  /**
   * Reads every stored candidate, a page at a time; a candidate whose change event came first is
   * kept as the event had it (the read may predate the change). Publishes once all are read.
   */
  private async load(candidates: ShortlistDatabase['candidates'], pageSize: number | undefined): Promise<void> {
    // The folds' first reads wait: every list and search waits on this one.
    const releaseFolds = holdBackgroundReads();
    try {
      await readStoredDocuments(
        candidates,
        (page) => {
          for (const candidate of page) {
            if (!this.changedWhileLoading.has(candidate.id)) this.search.upsert(toSearchEntry(candidate));
          }
        },
        pageSize,
      );
    } catch {
      // The storage failed (or closed): show what was read; the change events keep it current.
    }
    this.changedWhileLoading.clear();
    this.isLoaded = true;
    this.publish(true);
    releaseFolds();
  }

  private schedulePublish(): void {
    this.publishTimer ??= setTimeout(() => this.publish(), PUBLISH_DELAY_MS);
  }

  private publish(isFirst = false): void {
    this.publishTimer = null;
    const snapshot = this.search.commit();
    if (snapshot === this.snapshot && !isFirst) return;
    registerIndex(snapshot, this.search);
    this.snapshot = snapshot;
    this.listeners.forEach((listener) => listener());
    this.warmTimer ??= setTimeout(() => {
      this.warmTimer = null;
      this.search.indexWords();
    }, WARM_DELAY_MS);
  }
}

const indexes = new WeakMap<ShortlistDatabase, CandidateIndex>();

function indexFor(db: ShortlistDatabase): CandidateIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new CandidateIndex(db.candidates);
    indexes.set(db, index);
  }
  return index;
}

/** Every candidate's search entry, sorted by name; re-renders when candidates change. */
export function useCandidateIndex(db: ShortlistDatabase): { entries: readonly CandidateSearchEntry[]; isLoaded: boolean } {
  const index = indexFor(db);
  const entries = useSyncExternalStore(index.subscribe, index.getSnapshot);
  return { entries, isLoaded: index.loaded };
}

/**
 * Starts reading `db`'s candidates into the index in the first idle moment (at the latest after a
 * second), so the first screen to list them finds the index loaded or loading. For the signed-in
 * shell: its first moments are spent waiting for the screen's code and data.
 */
export function usePreloadedCandidateIndex(db: ShortlistDatabase): void {
  useEffect(() => {
    const start = () => void indexFor(db);
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(start, 0);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(start, { timeout: PRELOAD_AT_LATEST_MS });
    return () => cancelIdleCallback(handle);
  }, [db]);
}


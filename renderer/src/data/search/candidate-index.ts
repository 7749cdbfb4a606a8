import { useSyncExternalStore } from 'react';
import type { ShortlistDatabase } from '../database';
import { compareEntries, toSearchEntry, wordIndexOf, type CandidateSearchEntry } from './candidate-search';

const PUBLISH_DELAY_MS = 150;
/** Quiet time after a publish before the word index of the new snapshot is built ahead of a search. */
const WARM_DELAY_MS = 400;

/**
 * An in-memory search index of the candidates, kept current from the collection's change events:
 * 50,000 candidates are read once, then each change updates one entry. Shared by every screen.
 */
class CandidateIndex {
  private readonly entries = new Map<string, CandidateSearchEntry>();
  private snapshot: readonly CandidateSearchEntry[] = [];
  private isLoaded = false;
  private readonly listeners = new Set<() => void>();
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private warmTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(db: ShortlistDatabase) {
    db.candidates.$.subscribe((event) => {
      if (event.operation === 'DELETE') this.entries.delete(event.documentId);
      else this.entries.set(event.documentId, toSearchEntry(event.documentData));
      if (this.isLoaded) this.schedulePublish();
    });
    void db.candidates
      .find()
      .exec()
      .then((docs) => {
        for (const doc of docs) this.entries.set(doc.id, toSearchEntry(doc.toMutableJSON()));
        this.isLoaded = true;
        this.publish();
      });
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = () => this.snapshot;

  get loaded(): boolean {
    return this.isLoaded;
  }

  private schedulePublish(): void {
    this.publishTimer ??= setTimeout(() => this.publish(), PUBLISH_DELAY_MS);
  }

  private publish(): void {
    this.publishTimer = null;
    this.snapshot = [...this.entries.values()].sort(compareEntries);
    this.listeners.forEach((listener) => listener());
    if (this.warmTimer) clearTimeout(this.warmTimer);
    const snapshot = this.snapshot;
    this.warmTimer = setTimeout(() => {
      this.warmTimer = null;
      wordIndexOf(snapshot);
    }, WARM_DELAY_MS);
  }
}

const indexes = new WeakMap<ShortlistDatabase, CandidateIndex>();

function indexFor(db: ShortlistDatabase): CandidateIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new CandidateIndex(db);
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

import { useSyncExternalStore } from 'react';
import { getChangedDocumentsSince, getHeightOfRevision, type RxCollection, type RxDocumentData } from 'rxdb';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { ShortlistDatabase } from '../database';
import { CandidateSearchIndex, registerIndex, toSearchEntry, type CandidateSearchEntry } from './candidate-search';
import { CandidateSnapshotKeeper, type SnapshotWriteTiming } from './candidate-snapshot-keeper';
import { CandidateSnapshotStore, compareCheckpoints, type SnapshotCheckpoint } from './candidate-snapshot-store';

const PUBLISH_DELAY_MS = 150;
/** Quiet time after a publish before its entries' words are indexed ahead of a search. */
const WARM_DELAY_MS = 400;
/** Documents per read of the storage. */
const PAGE_SIZE = 2_000;
/**
 * How far before a snapshot's checkpoint the changes are read again at start: a write's time is
 * taken before it is stored, so one stored just after the checkpoint was read may carry an
 * earlier time (another window's, or a long bulk write's). Reading a version again costs little:
 * one already held is skipped by its revision.
 */
const CATCH_UP_MARGIN_MS = 60_000;

/** Where and when a `CandidateIndex` keeps its entries between sessions. */
export interface CandidateIndexOptions {
  /** The store of the snapshot; without one the entries are read from the database at every start. */
  readonly snapshots?: CandidateSnapshotStore | null;
  /** When the snapshot is written (`SNAPSHOT_WRITE_TIMING` unless told). */
  readonly writeTiming?: SnapshotWriteTiming;
}

/**
 * An in-memory search index of the candidates, kept current from the collection's change events:
 * each change updates one entry of the search index (its words and its place in the name order),
 * never rebuilding it. At start it loads the snapshot its last session stored, then reads from the
 * storage every change since the snapshot's checkpoint (all candidates when there is none, a page
 * at a time, without documents or copies); a version is taken only when newer than the one held
 * (by revision), so snapshot, reads and events may arrive in any order. A publish shows the list
 * at once; its words are indexed in the quiet after it (or by the first search). Shared by every
 * screen.
 */
export class CandidateIndex {
  private readonly search = new CandidateSearchIndex();
  private snapshot: readonly CandidateSearchEntry[] = [];
  private isLoaded = false;
  private isStopped = false;
  /** The revision height of the version held of each candidate, deleted ones included. */
  private readonly heights = new Map<string, number>();
  private readonly deleted = new Set<string>();
  /** Every change up to here is held (the storage's order: write time, then id). */
  private checkpoint: SnapshotCheckpoint | null = null;
  private reading: Promise<unknown> = Promise.resolve();
  private readonly keeper: CandidateSnapshotKeeper | null;
  private readonly listeners = new Set<() => void>();
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private warmTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly candidates: RxCollection<Candidate>,
    options: CandidateIndexOptions = {},
  ) {
    this.keeper = options.snapshots
      ? new CandidateSnapshotKeeper(
          options.snapshots,
          candidates,
          { catchUp: () => this.catchUp(), capture: () => this.capture() },
          options.writeTiming,
        )
      : null;
    const subscription = candidates.$.subscribe((event) =>
      this.apply(event.documentData, event.operation === 'DELETE'),
    );
    candidates.onClose.push(() => {
      subscription.unsubscribe();
      this.stop();
    });
    void this.load();
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

  /** Stores the snapshot now if anything changed since it was; resolves once stored (for tests and shutdown). */
  async flushSnapshot(): Promise<void> {
    await this.reading;
    await this.keeper?.flush();
  }

  private async load(): Promise<void> {
    try {
      const stored = await this.keeper?.read().catch(() => null);
      let since: SnapshotCheckpoint | null = null;
      if (stored) {
        stored.entries.forEach((entry, index) => this.take(entry, stored.heights[index] ?? 0));
        this.checkpoint = stored.checkpoint;
        since = { id: '', lwt: stored.checkpoint.lwt - CATCH_UP_MARGIN_MS };
      }
      await this.catchUp(since);
    } catch {
      // The storage failed (or closed): show what is held; the change events keep it current.
    }
    if (this.isStopped) return;
    this.isLoaded = true;
    this.publish(true);
    this.keeper?.loaded();
  }

  /** Applies every change stored after `since` (by default the checkpoint held), page by page. */
  private catchUp(since?: SnapshotCheckpoint | null): Promise<SnapshotCheckpoint> {
    const run = this.reading.then(async () => {
      let from = since === undefined ? this.checkpoint : since;
      for (;;) {
        const page = await getChangedDocumentsSince<Candidate, SnapshotCheckpoint>(
          this.candidates.storageInstance,
          PAGE_SIZE,
          from ?? undefined,
        );
        if (this.isStopped) break;
        for (const doc of page.documents) this.apply(doc, doc._deleted);
        from = page.checkpoint;
        if (page.documents.length < PAGE_SIZE) break;
      }
      const reached = this.checkpoint && from && compareCheckpoints(this.checkpoint, from) > 0 ? this.checkpoint : from;
      this.checkpoint = reached ?? { id: '', lwt: 0 };
      return this.checkpoint;
    });
    this.reading = run.catch(() => undefined);
    return run;
  }

  /** Takes `doc` unless the version held is as new; a removal of personal data is told to the keeper. */
  private apply(doc: RxDocumentData<Candidate>, isDeleted: boolean): void {
    const height = getHeightOfRevision(doc._rev);
    const held = this.heights.get(doc.id);
    if (held !== undefined && height <= held) return;
    const wasLive = held !== undefined && !this.deleted.has(doc.id);
    this.heights.set(doc.id, height);
    const at = { id: doc.id, lwt: doc._meta.lwt };
    if (isDeleted) {
      this.deleted.add(doc.id);
      this.search.remove(doc.id);
      // Before the first read ends, a snapshot not yet loaded may hold it.
      if (!wasLive && this.isLoaded) return;
      this.keeper?.changed(at);
    } else {
      this.deleted.delete(doc.id);
      this.search.upsert(toSearchEntry(doc));
      this.keeper?.changed(doc.erasedAt ? at : undefined);
    }
    if (this.isLoaded) this.schedulePublish();
  }

  /** Takes a stored entry unless a version as new is held. */
  private take(entry: CandidateSearchEntry, height: number): void {
    const held = this.heights.get(entry.id);
    if (held !== undefined && height <= held) return;
    this.heights.set(entry.id, height);
    this.search.upsert(entry);
  }

  /** Publishes what is held and hands it out with the revision heights, for the snapshot. */
  private capture(): { entries: readonly CandidateSearchEntry[]; heights: number[] } {
    this.publish();
    const entries = this.snapshot;
    return { entries, heights: entries.map((entry) => this.heights.get(entry.id) ?? 0) };
  }

  private stop(): void {
    this.isStopped = true;
    this.keeper?.stop();
    if (this.publishTimer) clearTimeout(this.publishTimer);
    if (this.warmTimer) clearTimeout(this.warmTimer);
  }

  private schedulePublish(): void {
    this.publishTimer ??= setTimeout(() => this.publish(), PUBLISH_DELAY_MS);
  }

  private publish(isFirst = false): void {
    if (this.publishTimer) clearTimeout(this.publishTimer);
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
    const snapshots = typeof indexedDB === 'undefined' ? null : new CandidateSnapshotStore(db.name);
    index = new CandidateIndex(db.candidates, { snapshots });
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

/**
 * The candidate index's snapshot between sessions: its search entries and the storage checkpoint
 * they are current to, in a small IndexedDB database beside the local database (same origin). A
 * snapshot is a header and its chunks of entries, written in one transaction (a chunk at a time,
 * so the page stays responsive between them), so a reader sees a whole snapshot or none, and of two windows writing, the one whose checkpoint is
 * later wins: a window that fell behind never replaces a newer snapshot, nor one dropped because a
 * candidate's data was erased after it.
 */

/** A position in the candidates' storage, as RxDB's `getChangedDocumentsSince` gives it. */
export interface SnapshotCheckpoint {
  readonly id: string;
  readonly lwt: number;
}

/** A stored snapshot: its entries as `encodeRows` texts, `count` in all. */
export interface StoredSnapshot {
  readonly checkpoint: SnapshotCheckpoint;
  readonly count: number;
  readonly chunks: readonly string[];
}

/**
 * What the store holds for a database: nothing (or a dropped snapshot), a snapshot of this one, or
 * something that is not (another database or format, a clock that went back, or unreadable).
 */
export type SnapshotRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'foreign' }
  | { readonly kind: 'found'; readonly snapshot: StoredSnapshot };

interface Header {
  readonly identity: string;
  readonly checkpoint: SnapshotCheckpoint;
  /** `Date.now()` of the write: a snapshot from the future means the clock went back since. */
  readonly writtenAt: number;
  readonly count: number;
  readonly chunkCount: number;
  /** Set when the snapshot was dropped (its checkpoint is then the change that made it stale). */
  readonly isDropped: boolean;
}

const STORE = 'snapshot';
const HEADER = 'header';
/* Chunks are kept under the keys 0, 1, 2… beside the header. */
/** How far ahead of the clock a snapshot's write time may be before the clock is taken to have gone back. */
const CLOCK_SLACK_MS = 60_000;

/** The IndexedDB database holding the snapshot of the local database `databaseName`. */
export function candidateSnapshotDatabaseName(databaseName: string): string {
  return `shortlist-candidate-index--${databaseName}`;
}

/** Orders checkpoints as the storage orders changes: by write time, then id. */
export function compareCheckpoints(a: SnapshotCheckpoint, b: SnapshotCheckpoint): number {
  if (a.lwt !== b.lwt) return a.lwt < b.lwt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function isCheckpoint(value: unknown): value is SnapshotCheckpoint {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'id') === 'string' &&
    Number.isFinite(Reflect.get(value, 'lwt'))
  );
}

function isHeader(value: unknown): value is Header {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'identity') === 'string' &&
    isCheckpoint(Reflect.get(value, 'checkpoint')) &&
    Number.isFinite(Reflect.get(value, 'writtenAt')) &&
    Number.isInteger(Reflect.get(value, 'count')) &&
    Number.isInteger(Reflect.get(value, 'chunkCount')) &&
    typeof Reflect.get(value, 'isDropped') === 'boolean'
  );
}

function isChunks(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((chunk) => typeof chunk === 'string');
}

/** Puts `chunks` under their keys one after another, each from the success of the last (the transaction stays open). */
function putChunks(store: IDBObjectStore, chunks: readonly string[], from = 0): void {
  const chunk = chunks[from];
  if (chunk === undefined) return;
  store.put(chunk, from).onsuccess = () => putChunks(store, chunks, from + 1);
}

/** A header of `identity` that the clock does not contradict. */
function usableHeader(value: unknown, identity: string): Header | null {
  if (!isHeader(value) || value.identity !== identity) return null;
  return value.writtenAt <= Date.now() + CLOCK_SLACK_MS ? value : null;
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () =>
      reject(transaction.error ?? new Error('The candidate snapshot was not written.'));
    transaction.onerror = () =>
      reject(transaction.error ?? new Error('The candidate snapshot was not written.'));
  });
}

/**
 * The snapshot store of one open local database. Its operations run one after another; once the
 * database is deleted or upgraded elsewhere (a `versionchange`) or `close` is called, it stays
 * closed: every later operation finds nothing and writes nothing, so a removed snapshot never
 * comes back from a window that was still running.
 */
export class CandidateSnapshotStore {
  private connection: Promise<IDBDatabase | null> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private isClosed = false;

  constructor(
    private readonly databaseName: string,
    private readonly factory: IDBFactory = indexedDB,
  ) {}

  /** The snapshot stored for `identity` (see `SnapshotRead`). */
  read(identity: string): Promise<SnapshotRead> {
    return this.run(
      async (db): Promise<SnapshotRead> => {
        const transaction = db.transaction(STORE, 'readonly');
        const store = transaction.objectStore(STORE);
        const header = store.get(HEADER);
        const chunks: IDBRequest[] = [];
        header.onsuccess = () => {
          const usable = usableHeader(header.result, identity);
          if (!usable || usable.isDropped) return;
          for (let key = 0; key < usable.chunkCount; key += 1) chunks.push(store.get(key));
        };
        // A record that cannot be read back is as good as corrupt: ignored, and replaced.
        if (
          !(await done(transaction).then(
            () => true,
            () => false,
          ))
        )
          return { kind: 'foreign' };
        if (header.result === undefined) return { kind: 'none' };
        const usable = usableHeader(header.result, identity);
        if (!usable) return { kind: 'foreign' };
        if (usable.isDropped) return { kind: 'none' };
        const texts: unknown[] = chunks.map((request): unknown => request.result);
        if (!isChunks(texts)) return { kind: 'foreign' };
        return {
          kind: 'found',
          snapshot: { checkpoint: usable.checkpoint, count: usable.count, chunks: texts },
        };
      },
      { kind: 'none' },
    );
  }

  /**
   * Stores `snapshot` unless the stored one of `identity` is at a later checkpoint (or was dropped
   * after it); whether it was stored.
   */
  write(identity: string, snapshot: StoredSnapshot): Promise<boolean> {
    return this.run(async (db) => {
      const transaction = db.transaction(STORE, 'readwrite');
      const store = transaction.objectStore(STORE);
      let isWritten = false;
      const current = store.get(HEADER);
      current.onsuccess = () => {
        const stored = usableHeader(current.result, identity);
        if (stored && compareCheckpoints(stored.checkpoint, snapshot.checkpoint) > 0) return;
        const header: Header = {
          identity,
          checkpoint: snapshot.checkpoint,
          writtenAt: Date.now(),
          count: snapshot.count,
          chunkCount: snapshot.chunks.length,
          isDropped: false,
        };
        store.clear();
        store.put(header, HEADER);
        putChunks(store, snapshot.chunks);
        isWritten = true;
      };
      await done(transaction);
      return isWritten;
    }, false);
  }

  /**
   * Deletes the stored entries at once (a change made them hold data the database no longer has),
   * leaving a mark that no snapshot before `checkpoint` (the change) may be written over.
   */
  drop(identity: string, checkpoint: SnapshotCheckpoint): Promise<void> {
    return this.run(async (db) => {
      const transaction = db.transaction(STORE, 'readwrite');
      const store = transaction.objectStore(STORE);
      const current = store.get(HEADER);
      current.onsuccess = () => {
        const stored = usableHeader(current.result, identity);
        const latest =
          stored && compareCheckpoints(stored.checkpoint, checkpoint) > 0 ? stored.checkpoint : checkpoint;
        const header: Header = {
          identity,
          checkpoint: latest,
          writtenAt: Date.now(),
          count: 0,
          chunkCount: 0,
          isDropped: true,
        };
        store.clear();
        store.put(header, HEADER);
      };
      await done(transaction);
    }, undefined);
  }

  /** Deletes whatever is stored (a snapshot of something else, which must not linger). */
  clear(): Promise<void> {
    return this.run(async (db) => {
      const transaction = db.transaction(STORE, 'readwrite');
      transaction.objectStore(STORE).clear();
      await done(transaction);
    }, undefined);
  }

  /** Closes the connection after the operations already asked for; later ones do nothing. */
  close(): void {
    this.isClosed = true;
    const connection = this.connection;
    void this.queue.then(() => connection?.then((db) => db?.close()));
  }

  /** Runs `operation` after the ones before it; `closed` is its answer when the store is closed or it fails. */
  private run<T>(operation: (db: IDBDatabase) => Promise<T>, closed: T): Promise<T> {
    const next = this.queue.then(async () => {
      const db = this.isClosed ? null : await this.open();
      return db && !this.isClosed ? operation(db) : closed;
    });
    // The snapshot is a cache: a failed operation leaves the store as it was, and the next one runs.
    const settled = next.catch(() => closed);
    this.queue = settled;
    return settled;
  }

  private open(): Promise<IDBDatabase | null> {
    this.connection ??= new Promise<IDBDatabase | null>((resolve) => {
      const request = this.factory.open(candidateSnapshotDatabaseName(this.databaseName), 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => {
          this.isClosed = true;
          db.close();
        };
        db.onclose = () => {
          this.isClosed = true;
        };
        resolve(db);
      };
      request.onerror = () => resolve(null);
    });
    return this.connection;
  }
}

/**
 * Deletes the snapshot of the local database `databaseName` (with it: sign-out removing local data,
 * a remote wipe). Open stores, in this window or another, close when asked and stay closed.
 */
export function removeCandidateSnapshots(
  databaseName: string,
  factory: IDBFactory = indexedDB,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(candidateSnapshotDatabaseName(databaseName));
    request.onsuccess = () => resolve();
    request.onerror = () =>
      reject(request.error ?? new Error('The candidate snapshot could not be removed.'));
  });
}

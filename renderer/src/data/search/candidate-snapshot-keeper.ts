import type { RxCollection } from 'rxdb';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { CandidateSearchEntry } from './candidate-search';
import { decodeRows, encodeRows, snapshotFormat, type VersionedEntries } from './candidate-snapshot-codec';
import {
  compareCheckpoints,
  type CandidateSnapshotStore,
  type SnapshotCheckpoint,
} from './candidate-snapshot-store';

/** When the snapshot is written: in the quiet after changes, never more often than every `minIntervalMs`. */
export interface SnapshotWriteTiming {
  /** Quiet after the last change before writing. */
  readonly quietMs: number;
  /** The longest a change waits for quiet (replication streaming for minutes). */
  readonly maxWaitMs: number;
  /** The least time from one write to the next. */
  readonly minIntervalMs: number;
}

/** The app's timing: a write two seconds after the last change, at most one each half minute. */
export const SNAPSHOT_WRITE_TIMING: SnapshotWriteTiming = {
  quietMs: 2_000,
  maxWaitMs: 120_000,
  minIntervalMs: 30_000,
};

/** Entries per stored chunk: one chunk is encoded (or decoded) at a time, between input events. */
const CHUNK_SIZE = 1_000;

/** What the keeper needs of the index it keeps. */
export interface SnapshotSource {
  /** Reads every change stored so far; resolves with the checkpoint the entries are then current to. */
  catchUp(): Promise<SnapshotCheckpoint>;
  /** Every entry in name order, with the revision height each was made from. */
  capture(): { readonly entries: readonly CandidateSearchEntry[]; readonly heights: readonly number[] };
}

/** A snapshot read back: its entries and the checkpoint they are current to. */
export interface LoadedSnapshot extends VersionedEntries {
  readonly checkpoint: SnapshotCheckpoint;
}

/**
 * Which snapshots a collection may use: those made by this code's entry format, of this very
 * database (its storage token changes when it is removed and made again) and schema version.
 */
export async function snapshotIdentity(candidates: RxCollection<Candidate>): Promise<string> {
  const [token, schemaHash] = await Promise.all([candidates.database.storageToken, candidates.schema.hash]);
  return JSON.stringify([
    snapshotFormat(),
    candidates.database.name,
    token,
    candidates.schema.version,
    schemaHash,
  ]);
}

/** Resolves in a later task (without the clamping of nested timers), so input runs in between. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves when the page is idle (or, where that cannot be told, in a later task). */
function whenIdle(): Promise<void> {
  if (typeof requestIdleCallback !== 'function') return nextTask();
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 1_000 }));
}

function latest(a: SnapshotCheckpoint | null, b: SnapshotCheckpoint): SnapshotCheckpoint {
  return a && compareCheckpoints(a, b) > 0 ? a : b;
}

/**
 * Keeps a candidate index's snapshot in its store: reads it at start, writes it in the quiet after
 * changes (encoded a chunk per idle moment, so typing never waits for it), and drops it the moment
 * a change makes it hold what the database no longer has: an erasure or a deletion. A write whose
 * entries were taken before such a change is abandoned, never stored.
 */
export class CandidateSnapshotKeeper {
  private readonly identity: Promise<string>;
  private isLoaded = false;
  private isStopped = false;
  private dirtySince: number | null = null;
  private lastChangeAt = 0;
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> | null = null;
  /** Counts the drops asked for: a write that saw another count before storing is abandoned. */
  private drops = 0;
  private pendingDrop: SnapshotCheckpoint | null = null;
  private lastOperation: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: CandidateSnapshotStore,
    candidates: RxCollection<Candidate>,
    private readonly source: SnapshotSource,
    private readonly timing: SnapshotWriteTiming = SNAPSHOT_WRITE_TIMING,
  ) {
    this.identity = snapshotIdentity(candidates);
  }

  /**
   * The stored snapshot of this collection, or null; one of something else, or unreadable, is
   * deleted (it may hold data this database no longer has) and replaced by the next write.
   */
  async read(): Promise<LoadedSnapshot | null> {
    const identity = await this.identity;
    const read = await this.store.read(identity);
    if (read.kind === 'none') return null;
    if (read.kind === 'found') {
      const entries: CandidateSearchEntry[] = [];
      const heights: number[] = [];
      for (const chunk of read.snapshot.chunks) {
        const decoded = decodeRows(chunk);
        if (!decoded) break;
        entries.push(...decoded.entries);
        heights.push(...decoded.heights);
        await nextTask();
        if (this.isStopped) return null;
      }
      if (entries.length === read.snapshot.count)
        return { entries, heights, checkpoint: read.snapshot.checkpoint };
    }
    this.track(this.store.clear());
    return null;
  }

  /** After the first read of the index: writes from now on. */
  loaded(): void {
    this.isLoaded = true;
    this.arm();
  }

  /**
   * The entries changed. `removed` is the checkpoint of a change that removed personal data (an
   * erasure or a deletion): then the stored snapshot is dropped now, not at the next write.
   */
  changed(removed?: SnapshotCheckpoint): void {
    const now = Date.now();
    this.lastChangeAt = now;
    this.dirtySince ??= now;
    if (removed) this.drop(removed);
    this.arm();
  }

  /** Writes now if anything changed since the last write; resolves once stored (or given up). */
  async flush(): Promise<void> {
    await this.writing;
    if (this.dirtySince !== null && this.isLoaded) await this.write();
    await this.lastOperation;
  }

  /** Stops writing and closes the store (the database is closing). */
  stop(): void {
    this.isStopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.store.close();
  }

  private drop(checkpoint: SnapshotCheckpoint): void {
    this.drops += 1;
    const isQueued = this.pendingDrop !== null;
    this.pendingDrop = latest(this.pendingDrop, checkpoint);
    if (isQueued) return;
    // One drop for all the removals of a batch of changes.
    this.track(
      Promise.resolve().then(async () => {
        const identity = await this.identity;
        const at = this.pendingDrop;
        this.pendingDrop = null;
        if (at) await this.store.drop(identity, at);
      }),
    );
  }

  /** Remembers `operation`, for `flush` to wait for. */
  private track(operation: Promise<unknown>): void {
    this.lastOperation = Promise.all([this.lastOperation, operation.catch(() => undefined)]);
  }

  private arm(): void {
    if (this.timer || this.isStopped || !this.isLoaded || this.dirtySince === null || this.writing) return;
    const due = Math.max(
      this.lastWriteAt + this.timing.minIntervalMs,
      Math.min(this.lastChangeAt + this.timing.quietMs, this.dirtySince + this.timing.maxWaitMs),
    );
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const isDue = Date.now() >= due;
        if (isDue) void this.write();
        else this.arm();
      },
      Math.max(0, due - Date.now()),
    );
  }

  private write(): Promise<void> {
    this.writing ??= this.writeNow().finally(() => {
      this.writing = null;
      this.arm();
    });
    return this.writing;
  }

  private async writeNow(): Promise<void> {
    this.dirtySince = null;
    this.lastWriteAt = Date.now();
    try {
      const checkpoint = await this.source.catchUp();
      const drops = this.drops;
      const { entries, heights } = this.source.capture();
      const chunks: string[] = [];
      for (let from = 0; from < entries.length; from += CHUNK_SIZE) {
        await whenIdle();
        if (this.isStopped) return;
        chunks.push(encodeRows(entries, heights, from, from + CHUNK_SIZE));
      }
      if (drops !== this.drops) {
        // A removal came in while encoding: these entries may hold what it removed.
        this.dirtySince ??= Date.now();
        return;
      }
      const identity = await this.identity;
      const written = this.store.write(identity, { checkpoint, count: entries.length, chunks });
      this.track(written);
      await written;
    } catch {
      // The snapshot is a cache: a failed read or write leaves the stored one, and a later change retries.
    }
  }
}

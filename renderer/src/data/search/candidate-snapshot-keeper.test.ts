import { IDBFactory } from 'fake-indexeddb';
import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import { toRxJsonSchema } from '#shared/sync/rx-schemas';
import { candidate } from './candidate-fixture';
import { toSearchEntry, type CandidateSearchEntry } from './candidate-search';
import { CandidateSnapshotKeeper, snapshotIdentity, type SnapshotSource } from './candidate-snapshot-keeper';
import { CandidateSnapshotStore, type StoredSnapshot } from './candidate-snapshot-store';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function candidates(): Promise<RxCollection<Candidate>> {
  const db = await createRxDatabase<{ candidates: RxCollection<Candidate> }>({
    name: `keeper-${Math.random().toString(36).slice(2)}`,
    storage: getRxStorageMemory(),
  });
  closers.push(() => db.remove());
  const schema = { ...toRxJsonSchema('candidates'), version: 0 } as RxJsonSchema<Candidate>;
  return (await db.addCollections({ candidates: { schema } })).candidates;
}

/** A store that counts its writes (all else as the real one does). */
class CountingStore extends CandidateSnapshotStore {
  writes = 0;
  override write(identity: string, snapshot: StoredSnapshot): Promise<boolean> {
    this.writes += 1;
    return super.write(identity, snapshot);
  }
}

/** Entries of `count` candidates, as an index would hand them out. */
function entries(count: number): CandidateSearchEntry[] {
  return Array.from({ length: count }, (_, index) =>
    toSearchEntry(candidate(`c${String(index).padStart(5, '0')}`, { lastName: `Person${index}` })),
  );
}

describe('the snapshot keeper', () => {
  it('abandons a write whose entries were taken before an erasure came in, leaving the snapshot dropped', async () => {
    const collection = await candidates();
    const store = new CandidateSnapshotStore(collection.database.name, new IDBFactory());
    const identity = await snapshotIdentity(collection);
    const list = entries(6_000);
    let keeper: CandidateSnapshotKeeper | null = null;
    const source: SnapshotSource = {
      catchUp: () => Promise.resolve({ id: 'c05999', lwt: 100 }),
      capture: () => {
        // The erasure is applied just as the entries are taken (they still hold the candidate's data);
        // its time is not after the checkpoint (stored late), so only the keeper can tell.
        keeper?.changed({ id: 'c00001', lwt: 100 });
        return { entries: list, heights: list.map(() => 1) };
      },
    };
    keeper = new CandidateSnapshotKeeper(store, collection, source, {
      quietMs: 0,
      maxWaitMs: 0,
      minIntervalMs: 0,
    });
    keeper.loaded();
    keeper.changed();
    await keeper.flush();
    expect(await store.read(identity)).toEqual({ kind: 'none' });
    // Nothing from before the erasure may be written over the drop, by this window or another.
    expect(
      await store.write(identity, { checkpoint: { id: 'c00000', lwt: 100 }, count: 0, chunks: [] }),
    ).toBe(false);
  });

  it('writes once in the quiet after a run of changes, then waits its interval', async () => {
    const collection = await candidates();
    const store = new CountingStore(collection.database.name, new IDBFactory());
    const list = entries(10);
    const source: SnapshotSource = {
      catchUp: () => Promise.resolve({ id: 'c00009', lwt: Date.now() }),
      capture: () => ({ entries: list, heights: list.map(() => 1) }),
    };
    const keeper = new CandidateSnapshotKeeper(store, collection, source, {
      quietMs: 1_500,
      maxWaitMs: 60_000,
      minIntervalMs: 60_000,
    });
    keeper.loaded();
    // A change every 50 ms for 400 ms: none is followed by the quiet a write waits for.
    for (let change = 0; change < 8; change += 1) {
      keeper.changed();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(store.writes).toBe(0);
    await vi.waitFor(() => expect(store.writes).toBe(1), { timeout: 5_000 });
    const stored = await store.read(await snapshotIdentity(collection));
    expect(stored.kind === 'found' && stored.snapshot.count).toBe(10);
    // Quiet again, but the interval since the last write has not passed.
    keeper.changed();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(store.writes).toBe(1);
    keeper.stop();
  });
});

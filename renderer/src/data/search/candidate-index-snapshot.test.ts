import 'fake-indexeddb/auto';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import { toRxJsonSchema } from '#shared/sync/rx-schemas';
import { candidate } from './candidate-fixture';
import { CandidateIndex } from './candidate-index';
import { findCandidates, type CandidateSearchEntry } from './candidate-search';
import { decodeRows, encodeRows } from './candidate-snapshot-codec';
import { snapshotIdentity, type SnapshotWriteTiming } from './candidate-snapshot-keeper';
import {
  CandidateSnapshotStore,
  candidateSnapshotDatabaseName,
  type SnapshotRead,
} from './candidate-snapshot-store';

// Two windows on one database are two RxDB instances of one name, which RxDB allows in dev mode
// (with validation, as the app's development build runs).
addRxPlugin(RxDBDevModePlugin);
disableWarnings();
const storage = wrappedValidateAjvStorage({ storage: getRxStorageDexie() });

type Db = RxDatabase<{ candidates: RxCollection<Candidate> }>;
// Version 0: these stores start empty, so no migration plugin is needed.
const schema = { ...toRxJsonSchema('candidates'), version: 0 } as RxJsonSchema<Candidate>;
/** Long enough for what happens at once on a busy machine, far shorter than `NEVER`. */
const SOON = { timeout: 5_000 };
/** Writes only when a test flushes: what is stored is what the test made so. */
const NEVER: SnapshotWriteTiming = { quietMs: 3_600_000, maxWaitMs: 3_600_000, minIntervalMs: 0 };

const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

let names = 0;
function newName(): string {
  names += 1;
  return `snapshot-test-${names}-${Date.now()}`;
}

async function openDb(name: string, asWindow = false): Promise<Db> {
  const db = await createRxDatabase<{ candidates: RxCollection<Candidate> }>({
    name,
    storage,
    multiInstance: asWindow,
    ignoreDuplicate: asWindow,
  });
  await db.addCollections({ candidates: { schema } });
  open.push(db);
  return db;
}

async function close(db: Db): Promise<void> {
  open.splice(open.indexOf(db), 1);
  await db.close();
}

/** An index of `db` with a snapshot store, once it has published its first list. */
async function loadedIndex(
  db: Db,
  store: CandidateSnapshotStore | null = new CandidateSnapshotStore(db.name),
) {
  const index = new CandidateIndex(db.candidates, { snapshots: store, writeTiming: NEVER });
  await vi.waitFor(() => expect(index.loaded).toBe(true), SOON);
  return index;
}

/** What a fresh index reading every document (no snapshot) shows: the truth to compare with. */
async function truthOf(db: Db): Promise<readonly CandidateSearchEntry[]> {
  return (await loadedIndex(db, null)).getSnapshot();
}

/** Everything the snapshot database holds, as text, read straight from IndexedDB. */
function storedBody(databaseName: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(candidateSnapshotDatabaseName(databaseName), 1);
    request.onupgradeneeded = () => request.result.createObjectStore('snapshot');
    request.onsuccess = () => {
      const db = request.result;
      const records = db.transaction('snapshot', 'readonly').objectStore('snapshot').getAll();
      records.onsuccess = () => {
        db.close();
        resolve(JSON.stringify(records.result));
      };
      records.onerror = () => reject(records.error ?? new Error('no records'));
    };
    request.onerror = () => reject(request.error ?? new Error('no snapshot database'));
  });
}

const ids = (entries: readonly { id: string }[]) => entries.map((entry) => entry.id);
const found = (index: CandidateIndex, query: string) =>
  ids(findCandidates(index.getSnapshot(), { query }).entries);

/** The snapshot stored for `db` (its store and identity with it, to write it back changed). */
async function storedSnapshot(db: Db) {
  const store = new CandidateSnapshotStore(db.name);
  const identity = await snapshotIdentity(db.candidates);
  const read = await store.read(identity);
  if (read.kind !== 'found') throw new Error(`no snapshot was stored: ${read.kind}`);
  return { store, identity, snapshot: read.snapshot };
}

/** A first session: `candidates` stored, indexed, the snapshot written, the app closed. */
async function firstSession(name: string, candidates: Candidate[]): Promise<void> {
  const db = await openDb(name);
  await db.candidates.bulkInsert(candidates);
  const index = await loadedIndex(db);
  await index.flushSnapshot();
  await close(db);
}

/** The candidate as the server's erasure rewrites it: placeholders, no personal data. */
function erased(stored: Candidate): Candidate {
  const { id, source, createdBy, createdAt } = stored;
  const email = `erased-${id}@erased.invalid`;
  return {
    id,
    updatedAt: 2,
    firstName: 'Erased',
    lastName: 'Candidate',
    email,
    skills: [],
    source,
    tags: [],
    createdBy,
    createdAt,
    erasedAt: '2026-02-02T00:00:00.000Z',
  };
}

const people = () => [
  candidate('c1', { firstName: 'Grace', lastName: 'Hopper', location: 'Arlington' }),
  candidate('c2', { firstName: 'Alan', lastName: 'Turing' }),
  candidate('c3', { firstName: 'Barbara', lastName: 'Liskov' }),
  candidate('c4', { firstName: 'Barbara', lastName: 'Liskov', email: 'b.liskov@example.com' }),
  candidate('c5', {
    firstName: 'Edsger',
    lastName: 'Dijkstra',
    email: 'edsger@example.com',
    phone: '+31 20 555 0101',
  }),
];

describe('the candidate index across restarts', () => {
  it('shows the stored entries at a restart with no change, without making them again', async () => {
    const name = newName();
    await firstSession(name, people());
    const db = await openDb(name);
    // Mark one stored entry (same revision): a restart that read the documents again would not show the mark.
    const { store, identity, snapshot } = await storedSnapshot(db);
    const stored = { entries: [] as CandidateSearchEntry[], heights: [] as number[] };
    for (const chunk of snapshot.chunks) {
      const decoded = decodeRows(chunk);
      stored.entries.push(...(decoded?.entries ?? []));
      stored.heights.push(...(decoded?.heights ?? []));
    }
    const marked = stored.entries.map((entry) =>
      entry.id === 'c2' ? { ...entry, currentTitle: 'From the snapshot' } : entry,
    );
    const chunks = [encodeRows(marked, stored.heights, 0, marked.length)];
    expect(await store.write(identity, { ...snapshot, chunks })).toBe(true);

    const index = await loadedIndex(db, store);
    expect(ids(index.getSnapshot())).toEqual(['c2', 'c3', 'c4', 'c5', 'c1']);
    expect(index.getSnapshot().find((entry) => entry.id === 'c2')?.currentTitle).toBe('From the snapshot');
    expect(found(index, 'arlington')).toEqual(['c1']);
  });

  it('applies what changed while it was closed: an edit, a deletion, a merge, an erasure, a new candidate', async () => {
    const name = newName();
    await firstSession(name, people());
    // Replication (or another window) writes while no index runs.
    const between = await openDb(name);
    await (
      await between.candidates.findOne('c1').exec()
    )?.incrementalPatch({ lastName: 'Murray', location: 'New York' });
    await (await between.candidates.findOne('c2').exec())?.remove();
    await (
      await between.candidates.findOne('c3').exec()
    )?.incrementalPatch({ mergedInto: 'c4', mergedAt: '2026-02-01T00:00:00.000Z' });
    await (await between.candidates.findOne('c5').exec())?.incrementalModify(erased);
    await between.candidates.insert(candidate('c6', { firstName: 'Katherine', lastName: 'Johnson' }));
    await close(between);

    const db = await openDb(name);
    const index = await loadedIndex(db);
    expect(index.getSnapshot()).toEqual(await truthOf(db));
    expect(ids(index.getSnapshot())).not.toContain('c2');
    expect(ids(findCandidates(index.getSnapshot(), {}).entries)).toEqual(['c4', 'c5', 'c1', 'c6']);
    expect(found(index, 'hopper')).toEqual([]);
    expect(found(index, 'arlington')).toEqual([]);
    expect(found(index, 'murray')).toEqual(['c1']);
    expect(found(index, 'turing')).toEqual([]);
    expect(found(index, 'liskov')).toEqual(['c4']);
    expect(found(index, 'dijkstra')).toEqual([]);
    expect(found(index, 'johnson')).toEqual(['c6']);
    // The erased candidate's data leaves the stored snapshot as soon as the change is applied, not at the next write.
    await vi.waitFor(async () => expect(await storedBody(name)).not.toContain('Dijkstra'), SOON);

    await index.flushSnapshot();
    expect(await storedBody(name)).toContain('erased-c5@erased.invalid');
    expect(await storedBody(name)).not.toMatch(/Dijkstra|edsger|555/);
    await close(db);
    const again = await openDb(name);
    expect((await loadedIndex(again)).getSnapshot()).toEqual(await truthOf(again));
  });

  it('drops the stored snapshot at start when an erasure came in while it was closed, before anything is written', async () => {
    const name = newName();
    await firstSession(name, people());
    const between = await openDb(name);
    await (await between.candidates.findOne('c5').exec())?.incrementalModify(erased);
    await close(between);
    expect(await storedBody(name)).toContain('Dijkstra');

    const db = await openDb(name);
    const index = await loadedIndex(db);
    expect(found(index, 'dijkstra')).toEqual([]);
    expect(found(index, 'erased')).toEqual(['c5']);
    await vi.waitFor(async () => expect(await storedBody(name)).not.toContain('Dijkstra'), SOON);
  });

  it('sees a change stored late with an earlier time than the snapshot (a slow write of another window)', async () => {
    const name = newName();
    await firstSession(name, people());
    const between = await openDb(name);
    const { snapshot } = await storedSnapshot(between);
    // Its time was taken before the snapshot's checkpoint was read, but it was stored after.
    const [grace] = await between.candidates.internalStorageInstance.findDocumentsById(['c1'], false);
    if (!grace) throw new Error('no c1');
    const late = {
      ...grace,
      lastName: 'Late',
      _rev: '2-late',
      _meta: { lwt: snapshot.checkpoint.lwt - 5_000 },
    };
    const written = await between.candidates.internalStorageInstance.bulkWrite(
      [{ previous: grace, document: late }],
      'test',
    );
    expect(written.error).toEqual([]);
    await close(between);

    const db = await openDb(name);
    const index = await loadedIndex(db);
    expect(found(index, 'late')).toEqual(['c1']);
    expect(found(index, 'hopper')).toEqual([]);
  });

  it('drops the stored snapshot the moment an erasure or a deletion arrives while it runs', async () => {
    const name = newName();
    await firstSession(name, people());
    const db = await openDb(name);
    const index = await loadedIndex(db);
    expect(await storedBody(name)).toContain('Dijkstra');
    await (await db.candidates.findOne('c5').exec())?.incrementalModify(erased);
    await vi.waitFor(async () => expect(await storedBody(name)).not.toContain('Dijkstra'), SOON);
    await vi.waitFor(() => expect(found(index, 'dijkstra')).toEqual([]), SOON);

    await index.flushSnapshot();
    expect(await storedBody(name)).toContain('Turing');
    await (await db.candidates.findOne('c2').exec())?.remove();
    await vi.waitFor(async () => expect(await storedBody(name)).not.toContain('Turing'), SOON);
  });

  it('keeps a change that arrives while the snapshot is being loaded', async () => {
    const name = newName();
    await firstSession(name, people());
    const db = await openDb(name);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    /** A store whose snapshot reaches the index only once the test lets it. */
    class SlowStore extends CandidateSnapshotStore {
      override async read(identity: string): Promise<SnapshotRead> {
        const read = await super.read(identity);
        await gate;
        return read;
      }
    }
    const index = new CandidateIndex(db.candidates, { snapshots: new SlowStore(name), writeTiming: NEVER });
    await (await db.candidates.findOne('c1').exec())?.incrementalPatch({ lastName: 'Murray' });
    await (await db.candidates.findOne('c2').exec())?.remove();
    await (await db.candidates.findOne('c3').exec())?.incrementalPatch({ mergedInto: 'c4' });
    await db.candidates.insert(candidate('c6', { firstName: 'Katherine', lastName: 'Johnson' }));
    expect(index.loaded).toBe(false);
    release();
    await vi.waitFor(() => expect(index.loaded).toBe(true), SOON);
    expect(index.getSnapshot()).toEqual(await truthOf(db));
    expect(found(index, 'hopper')).toEqual([]);
    expect(found(index, 'turing')).toEqual([]);
    expect(found(index, 'liskov')).toEqual(['c4']);
    expect(found(index, 'johnson')).toEqual(['c6']);
  });

  it('ignores and replaces a corrupt snapshot', async () => {
    const name = newName();
    await firstSession(name, people());
    const db = await openDb(name);
    const { store, identity, snapshot } = await storedSnapshot(db);
    const spoiled = snapshot.chunks.map((chunk) => chunk.replace('"c2"', '2'));
    await store.write(identity, { ...snapshot, chunks: spoiled });
    await (await db.candidates.findOne('c1').exec())?.incrementalPatch({ lastName: 'Murray' });

    const index = await loadedIndex(db, store);
    expect(index.getSnapshot()).toEqual(await truthOf(db));
    expect(found(index, 'murray')).toEqual(['c1']);
    await vi.waitFor(async () => expect(await store.read(identity)).toEqual({ kind: 'none' }), SOON);
    await index.flushSnapshot();
    const replaced = await store.read(identity);
    expect(replaced.kind === 'found' && replaced.snapshot.count).toBe(5);
  });

  it('ignores and deletes the snapshot of another database of the same name', async () => {
    const name = newName();
    await firstSession(name, people());
    // The database is removed without the app (as a profile reset would) and made again with other candidates.
    const old = await openDb(name);
    open.splice(open.indexOf(old), 1);
    await old.remove();
    const db = await openDb(name);
    await db.candidates.insert(candidate('n1', { firstName: 'Ada', lastName: 'Byron' }));
    const index = await loadedIndex(db);
    expect(ids(index.getSnapshot())).toEqual(['n1']);
    expect(found(index, 'hopper')).toEqual([]);
    await vi.waitFor(async () => expect(await storedBody(name)).toBe('[]'), SOON);
  });

  it('two windows on one database keep one snapshot current with every change of either', async () => {
    const name = newName();
    await firstSession(name, people());
    const windowA = await openDb(name, true);
    const windowB = await openDb(name, true);
    const [indexA, indexB] = await Promise.all([loadedIndex(windowA), loadedIndex(windowB)]);
    await (await windowA.candidates.findOne('c1').exec())?.incrementalPatch({ lastName: 'Murray' });
    await vi.waitFor(() => expect(found(indexB, 'murray')).toEqual(['c1']), SOON);
    for (let round = 0; round < 5; round += 1) {
      const writer = round % 2 === 0 ? windowB : windowA;
      await writer.candidates.insert(
        candidate(`n${round}`, { firstName: 'New', lastName: `Person${round}` }),
      );
      await (
        await writer.candidates.findOne('c4').exec()
      )?.incrementalPatch({ currentTitle: `Title ${round}` });
      // Both write at once, each as far as it has seen.
      await Promise.all([indexA.flushSnapshot(), indexB.flushSnapshot()]);
    }
    await (await windowB.candidates.findOne('c2').exec())?.remove();
    await indexB.flushSnapshot();
    await vi.waitFor(() => expect(found(indexA, 'turing')).toEqual([]), SOON);
    await indexA.flushSnapshot();
    await close(windowA);
    await close(windowB);

    const db = await openDb(name);
    const index = await loadedIndex(db);
    expect(index.getSnapshot()).toEqual(await truthOf(db));
    expect(found(index, 'person4')).toEqual(['n4']);
    expect(index.getSnapshot().find((entry) => entry.id === 'c4')?.currentTitle).toBe('Title 4');
  });
});

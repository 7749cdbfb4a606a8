import 'fake-indexeddb/auto';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { candidate, candidateCollection, removeCandidateCollections } from './candidate-fixture';
import { CandidateIndex } from './candidate-index';
import { findCandidates } from './candidate-search';


afterEach(removeCandidateCollections);

/** Resolves with the index's next published list. */
function nextPublish(index: CandidateIndex) {
  return new Promise<ReturnType<CandidateIndex['getSnapshot']>>((resolve) => {
    const stop = index.subscribe(() => {
      stop();
      resolve(index.getSnapshot());
    });
  });
}

const ids = (found: readonly { id: string }[]) => found.map((entry) => entry.id);

describe('the live candidate index', () => {
  it('loads what is stored, then sees each add, change and delete at the next search', async () => {
    const collection = await candidateCollection();
    await collection.bulkInsert([
      candidate('c1', { firstName: 'Grace', lastName: 'Hopper', location: 'Arlington' }),
      candidate('c2', { firstName: 'Alan', lastName: 'Turing' }),
    ]);
    const index = new CandidateIndex(collection);
    let entries = await nextPublish(index);
    expect(index.loaded).toBe(true);
    expect(ids(entries)).toEqual(['c2', 'c1']);
    expect(ids(findCandidates(entries, { query: 'arlingtn' }).entries)).toEqual(['c1']);

    const added = nextPublish(index);
    await collection.insert(candidate('c3', { firstName: 'Barbara', lastName: 'Liskov', location: 'Arlington' }));
    entries = await added;
    expect(ids(entries)).toEqual(['c2', 'c3', 'c1']);
    expect(ids(findCandidates(entries, { query: 'arlington' }).entries)).toEqual(['c3', 'c1']);

    const changed = nextPublish(index);
    const grace = await collection.findOne('c1').exec();
    await grace?.incrementalPatch({ location: 'New York', lastName: 'Murray' });
    entries = await changed;
    expect(ids(findCandidates(entries, { query: 'arlington' }).entries)).toEqual(['c3']);
    expect(ids(findCandidates(entries, { query: 'hopper' }).entries)).toEqual([]);
    expect(ids(findCandidates(entries, { query: 'new york murray' }).entries)).toEqual(['c1']);

    const deleted = nextPublish(index);
    const alan = await collection.findOne('c2').exec();
    await alan?.remove();
    entries = await deleted;
    expect(ids(entries)).toEqual(['c3', 'c1']);
    expect(ids(findCandidates(entries, { query: 'turing' }).entries)).toEqual([]);
  });

  it('keeps a change made while the first read runs', async () => {
    const collection = await candidateCollection();
    await collection.insert(candidate('c1', { lastName: 'Hopper' }));
    const index = new CandidateIndex(collection);
    const write = collection.upsert(candidate('c1', { lastName: 'Murray' }));
    await nextPublish(index);
    await write;
    await vi.waitFor(() => expect(index.getSnapshot().map((entry) => entry.lastName)).toEqual(['Murray']));
    expect(ids(findCandidates(index.getSnapshot(), { query: 'murray' }).entries)).toEqual(['c1']);
    expect(ids(findCandidates(index.getSnapshot(), { query: 'hopper' }).entries)).toEqual([]);
  });

  it('reads a Dexie store page by page, keeping what changes meanwhile and leaving merged records out', async () => {
    const names = ['Hopper', 'Turing', 'Liskov', 'Lamport', 'Knuth', 'Dijkstra', 'Hoare'];
    // The writes land before, between or after the pages, as the delay falls.
    for (const delay of [0, 1, 5, 20]) {
      const collection = await candidateCollection(getRxStorageDexie());
      await collection.bulkInsert([
        ...names.map((lastName, n) => candidate(`c${n}`, { lastName })),
        candidate('m1', { lastName: 'Merged', mergedInto: 'c0' }),
      ]);
      const index = new CandidateIndex(collection, { pageSize: 2 });
      const writes = new Promise((resolve) => setTimeout(resolve, delay)).then(async () => {
        await collection.upsert(candidate('c6', { lastName: 'Milner' }));
        await (await collection.findOne('c0').exec())?.remove();
        await collection.insert(candidate('c7', { lastName: 'Backus' }));
      });
      await nextPublish(index);
      await writes;
      const expected = ['Backus', 'Dijkstra', 'Knuth', 'Lamport', 'Liskov', 'Milner', 'Turing'];
      await vi.waitFor(() =>
        expect({ delay, shown: findCandidates(index.getSnapshot(), {}).entries.map((entry) => entry.lastName) }).toEqual({
          delay,
          shown: expected,
        }),
      );
      expect(index.getSnapshot()).toHaveLength(expected.length + 1);
      expect(ids(findCandidates(index.getSnapshot(), { query: 'hoare' }).entries)).toEqual([]);
      expect(ids(findCandidates(index.getSnapshot(), { query: 'milner' }).entries)).toEqual(['c6']);
      expect(ids(findCandidates(index.getSnapshot(), { query: 'merged' }).entries)).toEqual([]);
    }
  });
});

import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import { candidate } from './candidate-fixture';
import { toRxJsonSchema } from '#shared/sync/rx-schemas';
import { CandidateIndex } from './candidate-index';
import { findCandidates } from './candidate-search';


const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

let databases = 0;
async function candidates(): Promise<RxCollection<Candidate>> {
  databases += 1;
  const db = await createRxDatabase<{ candidates: RxCollection<Candidate> }>({
    name: `candidate-index-${databases}-${Date.now()}`,
    storage: getRxStorageMemory(),
  });
  closers.push(() => db.remove());
  // Version 0: this store starts empty, so no migration plugin is needed.
  const schema = { ...toRxJsonSchema('candidates'), version: 0 } as RxJsonSchema<Candidate>;
  const { candidates: collection } = await db.addCollections({ candidates: { schema } });
  return collection;
}

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
    const collection = await candidates();
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
    const collection = await candidates();
    await collection.insert(candidate('c1', { lastName: 'Hopper' }));
    const index = new CandidateIndex(collection);
    const write = collection.upsert(candidate('c1', { lastName: 'Murray' }));
    await nextPublish(index);
    await write;
    await vi.waitFor(() => expect(index.getSnapshot().map((entry) => entry.lastName)).toEqual(['Murray']));
    expect(ids(findCandidates(index.getSnapshot(), { query: 'murray' }).entries)).toEqual(['c1']);
    expect(ids(findCandidates(index.getSnapshot(), { query: 'hopper' }).entries)).toEqual([]);
  });
});

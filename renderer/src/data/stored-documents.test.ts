import 'fake-indexeddb/auto';
import type { RxCollection, RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import { candidate, candidateCollection, removeCandidateCollections } from './search/candidate-fixture';
import { readStoredDocuments, type StoredDocument } from './stored-documents';

afterEach(removeCandidateCollections);

/** Every page `readStoredDocuments` hands out, as ids. */
async function pagesOf(collection: RxCollection<Candidate>, pageSize?: number): Promise<string[][]> {
  const pages: string[][] = [];
  await readStoredDocuments(collection, (page) => pages.push(page.map((each) => each.id)), pageSize);
  return pages;
}

const storages = {
  dexie: () => getRxStorageDexie(),
  memory: () => getRxStorageMemory(),
} satisfies Record<string, () => RxStorage<unknown, unknown>>;

describe.each(Object.entries(storages))("the stored documents, read below RxDB's (%s)", (_name, storage) => {
  it('hands out every undeleted candidate once, with the fields as written', async () => {
    const collection = await candidateCollection(storage());
    const written = candidate('c2', {
      firstName: 'Grace',
      phone: '+1 555 0100',
      skills: ['COBOL'],
      tags: ['navy'],
      mergedInto: 'c9',
    });
    await collection.bulkInsert([candidate('c1'), written, candidate('c3')]);
    await (await collection.findOne('c3').exec())?.remove();
    const read: Candidate[] = [];
    await readStoredDocuments(collection, (page) => read.push(...page));
    expect(read.map((each) => each.id).sort()).toEqual(['c1', 'c2']);
    expect(read.find((each) => each.id === 'c2')).toMatchObject(written);
  });

  it("hands out each document with RxDB's write time, the one its change events carry", async () => {
    const collection = await candidateCollection(storage());
    await collection.bulkInsert([candidate('c1'), candidate('c2')]);
    await (await collection.findOne('c2').exec())?.incrementalPatch({ firstName: 'Ada' });
    const read: StoredDocument<Candidate>[] = [];
    await readStoredDocuments(collection, (page) => read.push(...page));
    for (const id of ['c1', 'c2']) {
      const stored = (await collection.findOne(id).exec())?.toJSON(true);
      expect(read.find((each) => each.id === id)?._meta.lwt).toBe(stored?._meta.lwt);
    }
    expect(read.find((each) => each.id === 'c2')?.firstName).toBe('Ada');
  });

  it('hands out nothing from an empty collection', async () => {
    const collection = await candidateCollection(storage());
    expect((await pagesOf(collection)).flat()).toEqual([]);
  });
});

describe('the stored documents on Dexie, page by page', () => {
  it('reads page after page in id order, each as large as asked, up to the last', async () => {
    const collection = await candidateCollection(getRxStorageDexie());
    const ids = Array.from({ length: 7 }, (_, index) => `c${index}`);
    await collection.bulkInsert(ids.map((id) => candidate(id)));
    await (await collection.findOne('c3').exec())?.remove();
    expect(await pagesOf(collection, 2)).toEqual([
      ['c0', 'c1'],
      ['c2', 'c4'],
      ['c5', 'c6'],
    ]);
    expect(await pagesOf(collection, 3)).toEqual([
      ['c0', 'c1', 'c2'],
      ['c4', 'c5', 'c6'],
    ]);
  });
});

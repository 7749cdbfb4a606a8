import 'fake-indexeddb/auto';
import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as storedDocuments from '../stored-documents';
import { holdBackgroundReads } from '../read-priority';
import { collectionFold, type Fold } from './use-collection-fold';

interface Note {
  id: string;
  text: string;
}

const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, text: { type: 'string' } },
  required: ['id', 'text'],
} satisfies RxJsonSchema<Note>;

/** Keeps the text of every document it was handed. */
class Texts implements Fold<Note> {
  readonly byId = new Map<string, string>();
  set(document: Note): void {
    this.byId.set(document.id, document.text);
  }
  remove(id: string): void {
    this.byId.delete(id);
  }
}

const removers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(removers.splice(0).map((remove) => remove()));
});

let databases = 0;
/** More notes than one page of a fold's read (1,000). */
async function notesCollection(count = 2_500): Promise<RxCollection<Note>> {
  databases += 1;
  const db = await createRxDatabase<{ notes: RxCollection<Note> }>({
    name: `folds-${databases}-${Date.now()}`,
    storage: getRxStorageDexie(),
  });
  removers.push(() => db.remove());
  const { notes } = await db.addCollections({ notes: { schema } });
  await notes.bulkInsert(
    Array.from({ length: count }, (_, index) => ({ id: `n${index}`, text: `note ${index}` })),
  );
  return notes;
}

describe('the first read of a collection’s folds', () => {
  it('is one read for the folds made before it starts, each handed every document', async () => {
    const notes = await notesCollection();
    const reads = vi.spyOn(storedDocuments, 'readStoredDocuments');
    const first = collectionFold(notes, 'first', () => new Texts());
    const second = collectionFold(notes, 'second', () => new Texts());
    await Promise.all([first.ready, second.ready]);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(first.fold.byId.size).toBe(2_500);
    expect(second.fold.byId).toEqual(first.fold.byId);

    // Made once those are read: its own read, and everything, a change made meanwhile included.
    await notes.upsert({ id: 'n7', text: 'changed' });
    const later = collectionFold(notes, 'later', () => new Texts());
    await later.ready;
    expect(reads).toHaveBeenCalledTimes(2);
    expect(later.fold.byId.size).toBe(2_500);
    expect(later.fold.byId.get('n7')).toBe('changed');
  });

  it('waits while a read the screens lean on holds it, and goes once that is let go', async () => {
    const notes = await notesCollection(30);
    const release = holdBackgroundReads();
    const feed = collectionFold(notes, 'held', () => new Texts());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(feed.fold.byId.size).toBe(0);
    expect(feed.isReady).toBe(false);
    release();
    await feed.ready;
    expect(feed.fold.byId.size).toBe(30);
  });

  it('is tried again when it fails, so the fold does not stay unread', async () => {
    const notes = await notesCollection(30);
    const reads = vi
      .spyOn(storedDocuments, 'readStoredDocuments')
      .mockRejectedValueOnce(new Error('The store was busy'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const feed = collectionFold(notes, 'retried', () => new Texts());
    await feed.ready;
    expect(feed.isReady).toBe(true);
    expect(feed.fold.byId.size).toBe(30);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('notes'), expect.any(Error));
  });
});

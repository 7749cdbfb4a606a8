import 'fake-indexeddb/auto';
import { firstValueFrom, take, toArray } from 'rxjs';
import {
  fillWithDefaultSettings,
  getChangedDocumentsSince,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageInstance,
} from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import { newestCheckpoint, withNewestChangeCheckpoints } from './change-checkpoint-storage';

interface Row {
  id: string;
  note: string;
}

const schema = fillWithDefaultSettings({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, note: { type: 'string' } },
  required: ['id', 'note'],
} satisfies RxJsonSchema<Row>);

let instances = 0;
async function instanceOf(
  storage: RxStorage<unknown, unknown>,
): Promise<RxStorageInstance<Row, unknown, unknown>> {
  instances += 1;
  return storage.createStorageInstance<Row>({
    databaseInstanceToken: `token-${instances}`,
    databaseName: `checkpoints-${instances}`,
    collectionName: 'rows',
    schema,
    options: {},
    multiInstance: false,
    devMode: false,
  });
}

function stored(id: string, lwt: number, deleted = false): RxDocumentData<Row> {
  return {
    id,
    note: `note ${id}`,
    _deleted: deleted,
    _attachments: {},
    _rev: deleted ? '2-b' : '1-a',
    _meta: { lwt },
  };
}

/** Writes the rows in one bulk, in the order given, and answers the change event it made. */
async function written(instance: RxStorageInstance<Row, unknown, unknown>, rows: RxDocumentData<Row>[]) {
  const event = firstValueFrom(instance.changeStream());
  const previous = new Map(
    (
      await instance.findDocumentsById(
        rows.map((row) => row.id),
        true,
      )
    ).map((row) => [row.id, row]),
  );
  const result = await instance.bulkWrite(
    rows.map((document) => ({ document, previous: previous.get(document.id) })),
    'test',
  );
  expect(result.error).toEqual([]);
  return event;
}

/** The ids a reader that stopped at the write's checkpoint would still read as changed. */
async function readAfter(
  instance: RxStorageInstance<Row, unknown, unknown>,
  checkpoint: unknown,
): Promise<string[]> {
  const changed = await getChangedDocumentsSince(instance, 100, checkpoint);
  return changed.documents.map((document) => document.id);
}

// Pulled in the server's order, not the store's: one write, one lwt (as RxDB's downstream writes).
const PAGE = ['c1999', 'c2', 'c10', 'c999', 'c1'].map((id) => stored(id, 1_000.01));

describe('change checkpoints (the upstream replication resumes from them)', () => {
  it('without the wrapper, a write of rows sharing an lwt leaves rows after its checkpoint', async () => {
    // The defect the wrapper is for: if RxDB fixes it, this fails and the wrapper can go.
    const plain = await instanceOf(getRxStorageDexie());
    const bulk = await written(plain, PAGE);
    expect(bulk.checkpoint).toEqual({ id: 'c1', lwt: 1_000.01 });
    expect(await readAfter(plain, bulk.checkpoint)).toEqual(['c10', 'c1999', 'c2', 'c999']);
    await plain.remove();
  });

  it('names the newest row of each write in the store order, so nothing written is read again', async () => {
    const instance = await instanceOf(withNewestChangeCheckpoints(getRxStorageDexie()));
    const first = await written(instance, PAGE);
    expect(first.checkpoint).toEqual({ id: 'c999', lwt: 1_000.01 });
    expect(await readAfter(instance, first.checkpoint)).toEqual([]);

    // A later write, a deletion among its rows, moves it on; one written meanwhile is still read.
    const later = await written(instance, [
      stored('a', 1_000.02),
      stored('c2', 1_000.02, true),
      stored('b', 1_000.02),
    ]);
    expect(later.checkpoint).toEqual({ id: 'c2', lwt: 1_000.02 });
    expect(await readAfter(instance, first.checkpoint)).toEqual(['a', 'b', 'c2']);
    expect(await readAfter(instance, later.checkpoint)).toEqual([]);
    await instance.remove();
  });

  it('keeps every event of the write, in its order', async () => {
    const instance = await instanceOf(withNewestChangeCheckpoints(getRxStorageDexie()));
    const events = firstValueFrom(instance.changeStream().pipe(take(2), toArray()));
    await instance.bulkWrite(
      PAGE.slice(0, 2).map((document) => ({ document })),
      'first',
    );
    await instance.bulkWrite(
      PAGE.slice(2).map((document) => ({ document })),
      'second',
    );
    const [first, second] = await events;
    expect(first?.context).toBe('first');
    expect(first?.events.map((event) => event.documentId)).toEqual(['c1999', 'c2']);
    expect(second?.events.map((event) => [event.documentId, event.operation])).toEqual([
      ['c10', 'INSERT'],
      ['c999', 'INSERT'],
      ['c1', 'INSERT'],
    ]);
    await instance.remove();
  });
});

describe('newestCheckpoint', () => {
  const key = (document: { _meta: { lwt: number } }) => String(Reflect.get(document, 'id'));
  const event = (id: string, lwt: number) => ({ documentData: { id, _meta: { lwt } } });

  it('takes the latest lwt first, then the greatest key', () => {
    expect(newestCheckpoint([event('z', 1), event('a', 2), event('b', 2)], key)).toEqual({ id: 'b', lwt: 2 });
    expect(newestCheckpoint([event('b', 2), event('a', 2)], key)).toEqual({ id: 'b', lwt: 2 });
    // Code-unit order, as IndexedDB compares keys: 'Z' < 'a'.
    expect(newestCheckpoint([event('a', 1), event('Z', 1)], key)).toEqual({ id: 'a', lwt: 1 });
  });

  it('has none for a write without events', () => {
    expect(newestCheckpoint([], key)).toBeNull();
  });
});

import 'fake-indexeddb/auto';
import {
  createRxDatabase,
  getChangedDocumentsSince,
  type MangoQuery,
  type RxCollection,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withBulkReads } from './bulk-read-storage';

/** A small page, so that a few hundred rows span several. */
const PAGE = 40;

interface Row {
  id: string;
  jobId: string;
  stage: string;
  score: number;
  archived: boolean;
  note: string;
}

const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    jobId: { type: 'string', maxLength: 40 },
    stage: { type: 'string' },
    score: { type: 'number', minimum: 0, maximum: 1_000, multipleOf: 1 },
    archived: { type: 'boolean' },
    note: { type: 'string' },
  },
  required: ['id', 'jobId', 'stage', 'score', 'archived', 'note'],
  indexes: ['jobId', 'score', 'archived', ['jobId', 'score']],
} satisfies RxJsonSchema<Row>;

const STAGES = ['applied', 'screening', 'interview', 'offer'];
/** More rows than two pages, in three jobs, some deleted. */
const COUNT = PAGE * 6 + 13;

function row(index: number): Row {
  return {
    // Not in write order: the index order must come from the store, not the writes.
    id: `r${String((index * 7_919) % COUNT).padStart(6, '0')}`,
    jobId: `j${index % 3}`,
    stage: STAGES[index % STAGES.length] ?? 'applied',
    score: index % 37,
    archived: index % 5 === 0,
    note: index % 11 === 0 ? 'flagged' : '',
  };
}

let databases = 0;
async function filledCollection(storage: RxStorage<unknown, unknown>): Promise<RxCollection<Row>> {
  databases += 1;
  const db = await createRxDatabase<{ rows: RxCollection<Row> }>({
    name: `bulk-${databases}-${Date.now()}`,
    storage,
  });
  const rows: RxCollection<Row> = (await db.addCollections({ rows: { schema } })).rows;
  await rows.bulkInsert(Array.from({ length: COUNT }, (_, index) => row(index)));
  // Deleted rows stay in the store (and in its indexes) and must never be read as live.
  const deleted = await rows.find({ selector: { note: 'flagged' } }).exec();
  await rows.bulkRemove(deleted.slice(0, 10).map((doc) => doc.id));
  return rows;
}

let plain: RxCollection<Row>;
let bulk: RxCollection<Row>;

beforeAll(async () => {
  plain = await filledCollection(getRxStorageDexie());
  bulk = await filledCollection(withBulkReads(getRxStorageDexie(), PAGE));
});

afterAll(async () => {
  await Promise.all([plain.database.remove(), bulk.database.remove()]);
});

const queries: Record<string, MangoQuery<Row>> = {
  'every row': {},
  'by an index': { selector: { jobId: 'j1' } },
  'by an index, skipped and limited': { selector: { jobId: 'j1' }, skip: 30, limit: 25 },
  'past the first page by a compound index': { selector: { jobId: 'j2', score: { $gte: 3 } } },
  'a range of numbers': { selector: { score: { $gte: 10, $lt: 30 } } },
  'a boolean index': { selector: { archived: true } },
  'a field no index has': { selector: { stage: 'screening' } },
  'a field no index has, one row': { selector: { stage: 'offer' }, limit: 1 },
  'a field no index has, skipped and limited': { selector: { stage: 'interview' }, skip: 45, limit: 12 },
  'sorted against the index': {
    selector: { jobId: 'j0' },
    sort: [{ score: 'desc' }, { id: 'asc' }],
    limit: 70,
  },
  'an empty range': { selector: { score: { $gt: 30, $lt: 20 } } },
  'no rows asked for': { selector: { jobId: 'j1' }, limit: 0 },
  'more than there are': { selector: { jobId: 'j0' }, limit: COUNT * 2 },
};

describe('queries on the Dexie storage read with getAll', () => {
  it.each(Object.entries(queries))('give the rows RxDB’s cursor query gives: %s', async (_name, query) => {
    const expected = (await plain.find(query).exec()).map((doc) => doc.toJSON());
    const found = (await bulk.find(query).exec()).map((doc) => doc.toJSON());
    expect(found).toEqual(expected);
  });

  it('find rows across pages and leave out deleted ones', async () => {
    const all = await bulk.find().exec();
    expect(all).toHaveLength(COUNT - 10);
    expect(new Set(all.map((doc) => doc.id)).size).toBe(COUNT - 10);
    expect(all.some((doc) => doc.note === 'flagged')).toBe(true);
  });

  it('walk no cursor, where RxDB’s own query walks one row at a time', async () => {
    const walks = vi.spyOn(IDBIndex.prototype, 'openCursor');
    try {
      // A fresh query each time: RxDB answers a repeated one from its cache.
      await bulk.find({ selector: { jobId: 'j1', score: { $gte: 1 } } }).exec();
      expect(walks).not.toHaveBeenCalled();
      await plain.find({ selector: { jobId: 'j1', score: { $gte: 1 } } }).exec();
      expect(walks).toHaveBeenCalled();
    } finally {
      walks.mockRestore();
    }
  });

  it('hand replication the same changes, page by page, as RxDB’s own query', async () => {
    type Checkpoint = Parameters<typeof getChangedDocumentsSince>[2];
    const pages = async (collection: RxCollection<Row>) => {
      const ids: string[][] = [];
      let checkpoint: Checkpoint = undefined;
      for (;;) {
        const page = await getChangedDocumentsSince(collection.storageInstance, 25, checkpoint);
        if (page.documents.length === 0) return ids;
        ids.push(page.documents.map((document) => `${document.id}${document._deleted ? ' (deleted)' : ''}`));
        checkpoint = page.checkpoint;
      }
    };
    const [expected, found] = await Promise.all([pages(plain), pages(bulk)]);
    expect(expected.flat()).toHaveLength(COUNT);
    expect(found).toEqual(expected);
  });

  it('see a write made after the first read', async () => {
    const query = { selector: { jobId: 'j9' } } satisfies MangoQuery<Row>;
    expect(await bulk.find(query).exec()).toHaveLength(0);
    await bulk.insert({ ...row(1), id: 'new-row', jobId: 'j9' });
    expect((await bulk.find(query).exec()).map((doc) => doc.id)).toEqual(['new-row']);
  });
});

describe('lookups by id on the Dexie storage', () => {
  const allIds = Array.from({ length: COUNT }, (_, index) => row(index).id).sort();
  const lookups: Record<string, string[]> = {
    // Neighbours in key order, as documents made together are: read as their range.
    'a dense run of ids': allIds.slice(20, 220),
    'every id, in no order': [...allIds].reverse(),
    // One in seven: each group's range holds too many other rows, so key by key.
    'scattered ids': allIds.filter((_, index) => index % 7 === 0),
    'a few ids': [allIds[3] ?? '', allIds[200] ?? ''],
    'ids not stored, beside stored ones': ['nope', ...allIds.slice(0, 40), 'zzz', 'r000000x'],
    'the same id twice': [allIds[5] ?? '', allIds[5] ?? '', allIds[6] ?? ''],
    'no ids': [],
  };

  // The two databases were written apart: their revisions and write times differ.
  const content = (documents: readonly { _rev: string; _meta: unknown }[]) =>
    documents.map(({ _rev, _meta, ...rest }) => rest);

  it.each(Object.entries(lookups))('give what the storage’s own lookup gives: %s', async (_name, ids) => {
    for (const withDeleted of [false, true]) {
      const expected = await plain.storageInstance.findDocumentsById(ids, withDeleted);
      const found = await bulk.storageInstance.findDocumentsById(ids, withDeleted);
      expect(content(found)).toEqual(content(expected));
      if (ids.length > 0) expect(found.length).toBeGreaterThan(0);
    }
  });

  it('leave out deleted documents unless asked for them', async () => {
    const deletedIds = (await bulk.storageInstance.findDocumentsById(allIds, true))
      .filter((document) => document._deleted)
      .map((document) => document.id);
    expect(deletedIds).toHaveLength(10);
    expect(await bulk.storageInstance.findDocumentsById(deletedIds, false)).toEqual([]);
    expect(await bulk.storageInstance.findDocumentsById(deletedIds, true)).toHaveLength(10);
  });

  it('read a dense run as one range, and scattered ids key by key', async () => {
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const ranges = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    try {
      await bulk.storageInstance.findDocumentsById(lookups['a dense run of ids'] ?? [], false);
      expect(gets).not.toHaveBeenCalled();
      expect(ranges).toHaveBeenCalledTimes(1);
      const scattered = lookups['scattered ids'] ?? [];
      await bulk.storageInstance.findDocumentsById(scattered, false);
      expect(gets).toHaveBeenCalledTimes(scattered.length);
      expect(ranges).toHaveBeenCalledTimes(1);
    } finally {
      gets.mockRestore();
      ranges.mockRestore();
    }
  });

  it('see a document written after the first lookup, and a removal', async () => {
    const id = 'looked-up-later';
    expect(await bulk.storageInstance.findDocumentsById([id], false)).toEqual([]);
    const document = await bulk.insert({ ...row(2), id });
    expect((await bulk.storageInstance.findDocumentsById([id], false)).map((found) => found.id)).toEqual([
      id,
    ]);
    await document.remove();
    expect(await bulk.storageInstance.findDocumentsById([id], false)).toEqual([]);
  });
});

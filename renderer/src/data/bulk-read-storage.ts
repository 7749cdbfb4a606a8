import { getPrimaryFieldOfPrimaryKey, getQueryMatcher, getSortComparator, type RxStorage } from 'rxdb';
import type {
  DexieSettings,
  DexieStorageInternals,
  PreparedQuery,
  RxDocumentData,
  RxJsonSchema,
  RxStorageQueryResult,
} from 'rxdb';
import {
  DEXIE_DOCS_TABLE_NAME,
  dexieReplaceIfStartsWithPipe,
  fromDexieToStorage,
  getKeyRangeByQueryPlan,
} from 'rxdb/plugins/storage-dexie';
import { withPatchedInstances } from './patched-storage';

/** Rows asked for per `getAll` when the query's own limit does not bound the read. */
const BULK_READ_PAGE = 2_000;

type DexieState = Awaited<DexieStorageInternals>;

/** One IndexedDB request, as a promise. */
function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** The part of the range after `key` (the last key read), keeping the range's upper end. */
function rangeAfter(range: IDBKeyRange, key: IDBValidKey): IDBKeyRange {
  return IDBKeyRange.bound(key, range.upper, true, range.upperOpen);
}

/**
 * The key a stored row has in the index of `keyPath` (its fields, dotted for nested ones, as Dexie
 * stores them: booleans the index holds are already '0'/'1'). IndexedDB's `getAllKeys` on an index
 * answers primary keys, not index keys, so the next page's start is read from the row itself.
 */
function indexKeyOf(value: unknown, keyPath: readonly string[]): IDBValidKey {
  return keyPath.map((path) => {
    let at: unknown = value;
    for (const name of path.split('.'))
      at = typeof at === 'object' && at !== null ? Reflect.get(at, name) : undefined;
    if (!isValidKey(at)) throw new Error(`A stored row has no key for the index field ${path}`);
    return at;
  });
}

function isValidKey(value: unknown): value is IDBValidKey {
  return (
    typeof value === 'string' || typeof value === 'number' || value instanceof Date || Array.isArray(value)
  );
}

/**
 * The next page of a matched read: as many rows as the matches still wanted need at the rate seen so
 * far (a read that only has to step over a few rows, as replication's "changed since" does, asks
 * for few more), growing fourfold while nothing matches; never more than `largestPage`.
 */
function nextPageSize(
  pageSize: number,
  read: number,
  matched: number,
  wanted: number,
  largestPage: number,
): number {
  if (!Number.isFinite(wanted) || matched === 0) return Math.min(largestPage, pageSize * 4);
  const needed = Math.ceil(((wanted - matched) * read) / matched);
  return Math.max(1, Math.min(largestPage, needed));
}

/** The index range RxDB's query plan reads, or null for one IndexedDB cannot express (no rows). */
function planRange(state: DexieState, queryPlan: PreparedQuery<unknown>['queryPlan']): IDBKeyRange | null {
  try {
    const range: unknown = getKeyRangeByQueryPlan(state.booleanIndexes, queryPlan, IDBKeyRange);
    if (!(range instanceof IDBKeyRange)) throw new Error('The query plan gave no IndexedDB key range');
    return range;
  } catch (error) {
    // As RxDB's own query: a lower bound above the upper one matches nothing.
    if (error instanceof Error && error.name === 'DataError') return null;
    throw error;
  }
}

/**
 * A query over the Dexie storage's index, read with `getAll` a page at a time (one request per
 * page; the last row's index key tells where the next starts), where
 * RxDB's own query walks a cursor: one request and one event per row. At start every window's
 * reads share the main thread, and each step of a walk waits its turn behind all of them (a
 * job's 2,000 applications took 700 ms that way, 30 ms as one `getAll`). Same rows, order, skip
 * and limit as RxDB's `dexieQuery`: rows the index range cannot rule out are matched against the
 * selector, and sorted when the index order is not the query's.
 */
export async function bulkDexieQuery<RxDocType>(
  state: DexieState,
  preparedQuery: PreparedQuery<RxDocType>,
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  largestPage = BULK_READ_PAGE,
): Promise<RxStorageQueryResult<RxDocType>> {
  const { query, queryPlan } = preparedQuery;
  const skip = query.skip ?? 0;
  const limit = typeof query.limit === 'number' ? query.limit : Infinity;
  const wanted = skip + limit;
  const matcher = queryPlan.selectorSatisfiedByIndex ? null : getQueryMatcher(schema, query);
  const range = planRange(state, queryPlan);
  // (IndexedDB reads a count of 0 as no limit.)
  if (!range || limit === 0) return { documents: [] };
  const keyPath = queryPlan.index.map((field) => dexieReplaceIfStartsWithPipe(field));
  const indexName = `[${keyPath.join('+')}]`;
  const rows: RxDocumentData<RxDocType>[] = [];
  await state.dexieDb.transaction('r', state.dexieTable, async (transaction) => {
    const index = transaction.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME).index(indexName);
    const toRow = (value: unknown) => fromDexieToStorage<RxDocType>(state.booleanIndexes, value);
    if (!matcher) {
      // Every row of the range is wanted (or needed for the sort): one request, at most the limit.
      const count = queryPlan.sortSatisfiedByIndex && Number.isFinite(wanted) ? wanted : undefined;
      for (const value of await requested<unknown[]>(index.getAll(range, count))) rows.push(toRow(value));
      return;
    }
    // Rows to match, read a page at a time (the ones that do not match are let go page by page). A
    // read with a small limit starts with a small page, as a cursor stops early, then pages grow.
    let page = range;
    let pageSize = Math.min(largestPage, Number.isFinite(wanted) ? wanted : largestPage);
    let read = 0;
    for (;;) {
      const values = await requested<unknown[]>(index.getAll(page, pageSize));
      for (const value of values) {
        const row = toRow(value);
        if (matcher(row)) rows.push(row);
      }
      const last = values.at(-1);
      if (values.length < pageSize || last === undefined) return;
      if (queryPlan.sortSatisfiedByIndex && rows.length >= wanted) return;
      page = rangeAfter(range, indexKeyOf(last, keyPath));
      read += values.length;
      pageSize = nextPageSize(
        pageSize,
        read,
        rows.length,
        queryPlan.sortSatisfiedByIndex ? wanted : Infinity,
        largestPage,
      );
    }
  });
  const sorted = queryPlan.sortSatisfiedByIndex ? rows : rows.sort(getSortComparator(schema, query));
  return { documents: sorted.slice(skip, wanted) };
}

/** Ids looked up together at most: each group is read as a range or key by key, by its density. */
const LOOKUP_GROUP = 256;
/** A group of ids fewer than this is read key by key: a range read would save little. */
const SMALLEST_RANGE_GROUP = 32;
/** A group is read as its whole key range when the range holds at most this many rows per id. */
const RANGE_ROWS_PER_ID = 4;

/** The values stored under `keys`, in their order (undefined where none is), one `get` each. */
function getEach(store: IDBObjectStore, keys: readonly string[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const values: unknown[] = new Array<unknown>(keys.length);
    let waiting = keys.length;
    if (waiting === 0) resolve(values);
    keys.forEach((key, position) => {
      const request = store.get(key);
      request.onsuccess = () => {
        values[position] = request.result;
        waiting -= 1;
        if (waiting === 0) resolve(values);
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  });
}

/**
 * The stored values of `keys` (sorted, distinct): one `getAll` over their key range when the range
 * holds few other rows (ids are time-ordered, so documents made together sit together), else one
 * `get` per key. Either way the values come back as IndexedDB stores them, in no particular order.
 */
async function readGroup(store: IDBObjectStore, keys: readonly string[]): Promise<unknown[]> {
  const first = keys[0];
  const last = keys.at(-1);
  if (keys.length < SMALLEST_RANGE_GROUP || first === undefined || last === undefined)
    return getEach(store, keys);
  const range = IDBKeyRange.bound(first, last);
  const rowsInRange = await requested(store.count(range));
  if (rowsInRange > keys.length * RANGE_ROWS_PER_ID) return getEach(store, keys);
  return requested<unknown[]>(store.getAll(range));
}

/**
 * RxDB's lookup by id on the Dexie storage, read straight from IndexedDB. Dexie's `bulkGet` makes
 * one promise per key and deep-copies every value it read into its transaction cache; the board's
 * 2,000 candidates took 170–210 ms that way at a window's start. Same answer as the storage's own
 * `findDocumentsById`: the documents found, in the order of `ids`, deleted ones only if asked for.
 */
export async function bulkFindDocumentsById<RxDocType>(
  state: DexieState,
  ids: readonly string[],
  withDeleted: boolean,
  primaryPath: string,
): Promise<RxDocumentData<RxDocType>[]> {
  const wanted = [...new Set(ids)].sort();
  const byId = new Map<string, RxDocumentData<RxDocType>>();
  await state.dexieDb.transaction('r', state.dexieTable, async (transaction) => {
    const store = transaction.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME);
    const groups: string[][] = [];
    for (let start = 0; start < wanted.length; start += LOOKUP_GROUP)
      groups.push(wanted.slice(start, start + LOOKUP_GROUP));
    const wantedIds = new Set(wanted);
    for (const values of await Promise.all(groups.map((group) => readGroup(store, group)))) {
      for (const value of values) {
        if (value === undefined) continue;
        const row = fromDexieToStorage<RxDocType>(state.booleanIndexes, value);
        const id = Reflect.get(row, primaryPath);
        if (typeof id === 'string' && wantedIds.has(id) && (withDeleted || !row._deleted)) byId.set(id, row);
      }
    }
  });
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The Dexie storage with its queries read by `bulkDexieQuery` and its lookups by id by
 * `bulkFindDocumentsById`; everything else (writes, counts, change streams) is the storage's own.
 */
export function withBulkReads(
  storage: RxStorage<DexieStorageInternals, DexieSettings>,
  /** Rows per `getAll` at most (tests make it small). */
  largestPage = BULK_READ_PAGE,
): RxStorage<DexieStorageInternals, DexieSettings> {
  return withPatchedInstances(storage, (instance) => {
    instance.query = async (preparedQuery) =>
      bulkDexieQuery(await instance.internals, preparedQuery, instance.schema, largestPage);
    const primaryPath = getPrimaryFieldOfPrimaryKey(instance.schema.primaryKey);
    instance.findDocumentsById = async (ids, withDeleted) =>
      bulkFindDocumentsById(await instance.internals, ids, withDeleted, primaryPath);
  });
}

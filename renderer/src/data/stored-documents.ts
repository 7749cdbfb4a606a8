import { getChangedDocumentsSince, type RxCollection } from 'rxdb';

/** Documents per read of the Dexie table: each page is one `getAll`, with a turn of the event loop between. */
export const STORED_DOCUMENTS_PAGE = 5_000;

/** A stored document as the page read hands it out: its own fields as written, and RxDB's write time. */
export type StoredDocument<T> = T & { readonly _meta: { readonly lwt: number } };

/**
 * The part of a Dexie table the page read uses (RxDB's Dexie storage keeps each collection's
 * documents in one; its instance's `internals` resolve to `{ dexieTable, … }`).
 */
interface DexieDocumentsTable {
  where(index: string): {
    between(
      lower: readonly unknown[],
      upper: readonly unknown[],
      includeLower: boolean,
      includeUpper: boolean,
    ): { limit(count: number): { toArray(): Promise<unknown[]> } };
  };
}

function isDexieTable(table: unknown): table is DexieDocumentsTable {
  return typeof table === 'object' && table !== null && 'where' in table && typeof table.where === 'function';
}

/** The Dexie table of `collection`'s documents, or null on another storage (RxDB's memory storage in tests). */
async function dexieTableOf<T>(collection: RxCollection<T>): Promise<DexieDocumentsTable | null> {
  // A promise on the Dexie storage (resolved once the database is open), a plain object on others.
  const internals = await Promise.resolve<unknown>(collection.storageInstance.internals);
  if (typeof internals !== 'object' || internals === null || !('dexieTable' in internals)) return null;
  return isDexieTable(internals.dexieTable) ? internals.dexieTable : null;
}

/** What the read relies on of a row: an id and RxDB's write time (the rest is the document as written). */
function isStoredDocument<T>(row: unknown): row is StoredDocument<T> {
  if (typeof row !== 'object' || row === null || !('id' in row) || typeof row.id !== 'string') return false;
  if (!('_meta' in row) || typeof row._meta !== 'object' || row._meta === null) return false;
  return 'lwt' in row._meta && typeof row._meta.lwt === 'number';
}

/**
 * Hands every stored, undeleted document of `collection` to `onPage`, a page at a time, below RxDB's
 * document layer: no RxDocument, no copy (for the screens that fold a whole collection into an
 * index or a tally at start). On the Dexie storage a page is one `getAll` over the index RxDB
 * keeps on `[_deleted+id]` (`_deleted` stored as '0'/'1', since IndexedDB cannot index booleans),
 * which costs one request per page where RxDB's own query walks a cursor a row at a time, each row
 * an event among those of every other read running at start. Rows are as Dexie stores them: the
 * document's own fields as written, and `_meta` (only `_deleted` and keys starting with `|`, which
 * no collection here has, differ from what RxDB would hand out). On another storage, one read of its storage
 * instance. Pages are separate reads: the caller keeps what changes meanwhile from change events.
 */
export async function readStoredDocuments<T extends { readonly id: string }>(
  collection: RxCollection<T>,
  onPage: (documents: readonly StoredDocument<T>[]) => void,
  pageSize = STORED_DOCUMENTS_PAGE,
  /** Awaited before each page is asked for (a background reader yields to the screen here). */
  beforePage: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const table = await dexieTableOf(collection);
  if (!table) {
    onPage(await queryStorage(collection));
    return;
  }
  const index = `[_deleted+${collection.schema.primaryPath}]`;
  // `[]` sorts after every string in IndexedDB's key order, so it bounds every id.
  const upper = ['0', []];
  let after = '';
  for (;;) {
    await beforePage();
    const rows = await table.where(index).between(['0', after], upper, false, true).limit(pageSize).toArray();
    const page = rows.filter((row) => isStoredDocument<T>(row));
    if (page.length > 0) onPage(page);
    const last = page.at(-1);
    if (rows.length < pageSize || !last) return;
    after = last.id;
  }
}

async function queryStorage<T extends { readonly id: string }>(
  collection: RxCollection<T>,
): Promise<StoredDocument<T>[]> {
  const { documents } = await getChangedDocumentsSince(collection.storageInstance, Number.MAX_SAFE_INTEGER);
  return documents.filter((document) => !document._deleted);
}

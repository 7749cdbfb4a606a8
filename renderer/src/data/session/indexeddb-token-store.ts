import type { StoredSession, TokenStore } from './session-types';

const DATABASE = 'shortlist-session';
const STORE = 'session';
const KEY = 'current';

function request<T>(operation: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    operation.onsuccess = () => resolve(operation.result);
    operation.onerror = () => reject(operation.error ?? new Error('IndexedDB request failed'));
  });
}

function openSessionDatabase(): Promise<IDBDatabase> {
  const opening = indexedDB.open(DATABASE, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
  return request(opening);
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openSessionDatabase();
  try {
    return await request(run(db.transaction(STORE, mode).objectStore(STORE)));
  } finally {
    db.close();
  }
}

/** The browser's token store: the stored session, refresh token included, in its own IndexedDB. */
export const indexedDbTokenStore: TokenStore = {
  async load() {
    const value = await withStore<unknown>('readonly', (store) => store.get(KEY));
    return (value as StoredSession | undefined) ?? null;
  },
  async save(session) {
    await withStore('readwrite', (store) => store.put(session, KEY));
  },
  async clear() {
    await withStore('readwrite', (store) => store.delete(KEY));
  },
};

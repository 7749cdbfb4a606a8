import { create } from 'zustand';

/**
 * Résumé bytes on this laptop, in a small IndexedDB database per user (Blobs do not belong in the
 * replicated documents): `resumes` caches downloaded files so they open offline, `uploads` holds
 * uploads made offline until they are sent.
 */

/** A downloaded résumé, keyed by candidate; `sha256` says which version of the file it is. */
export interface CachedResume {
  candidateId: string;
  sha256: string;
  fileName: string;
  contentType: string;
  blob: Blob;
  cachedAt: number;
}

/** An upload waiting to be sent; the latest one per candidate wins. */
export interface QueuedUpload {
  candidateId: string;
  fileName: string;
  blob: Blob;
  queuedAt: number;
  /** Why the server refused it (then it is not retried until the person picks another file). */
  error?: string;
}

type StoreName = 'resumes' | 'uploads';

const connections = new Map<string, Promise<IDBDatabase>>();

function fileStoreName(localDataId: string): string {
  return `shortlist-files-${localDataId}`;
}

function open(localDataId: string): Promise<IDBDatabase> {
  const name = fileStoreName(localDataId);
  let connection = connections.get(name);
  if (!connection) {
    connection = new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('resumes', { keyPath: 'candidateId' });
        request.result.createObjectStore('uploads', { keyPath: 'candidateId' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('The local file store cannot be opened.'));
    });
    connections.set(name, connection);
  }
  return connection;
}

function run<T>(
  localDataId: string,
  store: StoreName,
  mode: IDBTransactionMode,
  operation: (objectStore: IDBObjectStore) => IDBRequest,
): Promise<T> {
  return open(localDataId).then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const request = operation(db.transaction(store, mode).objectStore(store));
        request.onsuccess = () => resolve(request.result as T);
        request.onerror = () => reject(request.error ?? new Error('The local file store failed.'));
      }),
  );
}

export async function readCachedResume(localDataId: string, candidateId: string): Promise<CachedResume | null> {
  return (await run<CachedResume | undefined>(localDataId, 'resumes', 'readonly', (s) => s.get(candidateId))) ?? null;
}

/** Counts writes to the résumé cache per candidate, so a screen showing one re-reads it after a write. */
export const useResumeCacheWrites = create<{ readonly writes: Readonly<Record<string, number>> }>(() => ({
  writes: {},
}));

export async function writeCachedResume(localDataId: string, resume: CachedResume): Promise<void> {
  await run(localDataId, 'resumes', 'readwrite', (s) => s.put(resume));
  useResumeCacheWrites.setState(({ writes }) => ({
    writes: { ...writes, [resume.candidateId]: (writes[resume.candidateId] ?? 0) + 1 },
  }));
}

export async function readQueuedUploads(localDataId: string): Promise<QueuedUpload[]> {
  return run<QueuedUpload[]>(localDataId, 'uploads', 'readonly', (s) => s.getAll());
}

export async function writeQueuedUpload(localDataId: string, upload: QueuedUpload): Promise<void> {
  await run(localDataId, 'uploads', 'readwrite', (s) => s.put(upload));
}

export async function deleteQueuedUpload(localDataId: string, candidateId: string): Promise<void> {
  await run(localDataId, 'uploads', 'readwrite', (s) => s.delete(candidateId));
}

/** Deletes `localDataId`'s cached résumés and queued uploads (sign-out removing local data, a remote wipe). */
export async function removeFileStore(localDataId: string): Promise<void> {
  const name = fileStoreName(localDataId);
  const connection = connections.get(name);
  connections.delete(name);
  if (connection) (await connection.catch(() => null))?.close();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('The local file store cannot be removed.'));
  });
}

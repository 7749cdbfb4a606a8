import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CandidateSnapshotStore,
  candidateSnapshotDatabaseName,
  removeCandidateSnapshots,
  type StoredSnapshot,
} from './candidate-snapshot-store';

const ID = 'identity-1';

function snapshot(lwt: number, text: string, parts = 3): StoredSnapshot {
  const chunks = Array.from({ length: parts }, (_, part) => `${text}#${part}`);
  return { checkpoint: { id: `c-${lwt}`, lwt }, count: parts, chunks };
}

/** Opens the snapshot database the way the store does and runs `write` on its object store. */
function rawWrite(
  factory: IDBFactory,
  databaseName: string,
  write: (store: IDBObjectStore) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(candidateSnapshotDatabaseName(databaseName), 1);
    request.onupgradeneeded = () => request.result.createObjectStore('snapshot');
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction('snapshot', 'readwrite');
      write(transaction.objectStore('snapshot'));
      transaction.oncomplete = () => {
        db.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error ?? new Error('raw write failed'));
    };
    request.onerror = () => reject(request.error ?? new Error('raw open failed'));
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the candidate snapshot store', () => {
  it('reads back what it wrote, for its identity only', async () => {
    const factory = new IDBFactory();
    const store = new CandidateSnapshotStore('db-a', factory);
    expect(await store.read(ID)).toEqual({ kind: 'none' });
    expect(await store.write(ID, snapshot(10, 'ten'))).toBe(true);
    expect(await store.read(ID)).toEqual({ kind: 'found', snapshot: snapshot(10, 'ten') });
    expect(await store.read('identity-2')).toEqual({ kind: 'foreign' });
    // Another local database has its own.
    expect(await new CandidateSnapshotStore('db-b', factory).read(ID)).toEqual({ kind: 'none' });
    // A second connection (another window) sees the same snapshot.
    expect(await new CandidateSnapshotStore('db-a', factory).read(ID)).toEqual({
      kind: 'found',
      snapshot: snapshot(10, 'ten'),
    });
  });

  it('never replaces a snapshot by one at an earlier checkpoint (a window that fell behind)', async () => {
    const factory = new IDBFactory();
    const ahead = new CandidateSnapshotStore('db', factory);
    const behind = new CandidateSnapshotStore('db', factory);
    expect(await ahead.write(ID, snapshot(20, 'twenty'))).toBe(true);
    expect(await behind.write(ID, snapshot(10, 'ten'))).toBe(false);
    expect(await behind.read(ID)).toEqual({ kind: 'found', snapshot: snapshot(20, 'twenty') });
    // The same time, a later id, is later.
    const sameTime = { ...snapshot(20, 'later id'), checkpoint: { id: 'c-3', lwt: 20 } };
    expect(await behind.write(ID, sameTime)).toBe(true);
    expect(await ahead.read(ID)).toEqual({ kind: 'found', snapshot: sameTime });
    // A snapshot of another identity (another schema version) is replaced whatever its checkpoint.
    expect(await behind.write('identity-2', snapshot(5, 'five'))).toBe(true);
    expect(await ahead.read('identity-2')).toEqual({ kind: 'found', snapshot: snapshot(5, 'five') });
  });

  it('drops the entries at once and takes no snapshot from before the change that dropped them', async () => {
    const factory = new IDBFactory();
    const store = new CandidateSnapshotStore('db', factory);
    await store.write(ID, snapshot(10, 'ten'));
    await store.drop(ID, { id: 'erased', lwt: 15 });
    expect(await store.read(ID)).toEqual({ kind: 'none' });
    expect(await store.write(ID, snapshot(12, 'before the erasure'))).toBe(false);
    expect(await store.read(ID)).toEqual({ kind: 'none' });
    expect(await store.write(ID, snapshot(15.5, 'after the erasure'))).toBe(true);
    expect(await store.read(ID)).toEqual({ kind: 'found', snapshot: snapshot(15.5, 'after the erasure') });
    // A drop at a change older than the stored snapshot still deletes it, and keeps its checkpoint.
    await store.drop(ID, { id: 'deleted', lwt: 1 });
    expect(await store.read(ID)).toEqual({ kind: 'none' });
    expect(await store.write(ID, snapshot(15, 'older'))).toBe(false);
  });

  it('ignores a snapshot from the future (the clock went back) and lets it be replaced', async () => {
    const factory = new IDBFactory();
    const store = new CandidateSnapshotStore('db', factory);
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 3_600_000);
    await store.write(ID, snapshot(now + 3_600_000, 'written an hour ahead'));
    vi.spyOn(Date, 'now').mockReturnValue(now);
    expect(await store.read(ID)).toEqual({ kind: 'foreign' });
    expect(await store.write(ID, snapshot(now, 'now'))).toBe(true);
    expect(await store.read(ID)).toEqual({ kind: 'found', snapshot: snapshot(now, 'now') });
  });

  it('treats a header or chunk it did not write as foreign', async () => {
    const factory = new IDBFactory();
    const store = new CandidateSnapshotStore('db', factory);
    await store.write(ID, snapshot(10, 'ten'));
    store.close();
    await rawWrite(factory, 'db', (raw) => raw.put(['not', 'text'], 1));
    expect(await new CandidateSnapshotStore('db', factory).read(ID)).toEqual({ kind: 'foreign' });
    await rawWrite(factory, 'db', (raw) => raw.delete(2));
    expect(await new CandidateSnapshotStore('db', factory).read(ID)).toEqual({ kind: 'foreign' });
    await rawWrite(factory, 'db', (raw) => raw.put({ identity: ID, checkpoint: 'nope' }, 'header'));
    expect(await new CandidateSnapshotStore('db', factory).read(ID)).toEqual({ kind: 'foreign' });
    await rawWrite(factory, 'db', (raw) => raw.put('garbage', 'header'));
    const fresh = new CandidateSnapshotStore('db', factory);
    expect(await fresh.read(ID)).toEqual({ kind: 'foreign' });
    await fresh.clear();
    expect(await fresh.read(ID)).toEqual({ kind: 'none' });
  });

  it('keeps every snapshot whole while two windows write at once: the latest checkpoint wins', async () => {
    const factory = new IDBFactory();
    const windows = [new CandidateSnapshotStore('db', factory), new CandidateSnapshotStore('db', factory)];
    const writes = Array.from({ length: 40 }, (_, index) => {
      // Checkpoints out of order, as two windows catching up at their own pace give them.
      const lwt = (index * 7) % 40;
      return (windows[index % 2] as CandidateSnapshotStore).write(
        ID,
        snapshot(lwt, `w${lwt}`, 1 + (lwt % 5)),
      );
    });
    const reads = Array.from({ length: 20 }, () => (windows[1] as CandidateSnapshotStore).read(ID));
    await Promise.all(writes);
    for (const read of await Promise.all(reads)) {
      if (read.kind !== 'found') continue;
      const { checkpoint, count, chunks } = read.snapshot;
      expect(chunks).toEqual(snapshot(checkpoint.lwt, `w${checkpoint.lwt}`, count).chunks);
    }
    expect(await windows[0]?.read(ID)).toEqual({ kind: 'found', snapshot: snapshot(39, 'w39', 5) });
  });

  it('is deleted with the local database, and a window still open cannot bring it back', async () => {
    const factory = new IDBFactory();
    const open = new CandidateSnapshotStore('db', factory);
    await open.write(ID, snapshot(10, 'ten'));
    const other = new CandidateSnapshotStore('other-db', factory);
    await other.write(ID, snapshot(10, 'kept'));
    await removeCandidateSnapshots('db', factory);
    const names = (await factory.databases()).map((database) => database.name);
    expect(names).not.toContain(candidateSnapshotDatabaseName('db'));
    expect(names).toContain(candidateSnapshotDatabaseName('other-db'));
    // The open store was asked to close by the deletion: it writes nothing any more.
    expect(await open.write(ID, snapshot(20, 'twenty'))).toBe(false);
    expect((await factory.databases()).map((database) => database.name)).not.toContain(
      candidateSnapshotDatabaseName('db'),
    );
    expect(await other.read(ID)).toEqual({ kind: 'found', snapshot: snapshot(10, 'kept') });
    // A store opened afterwards (the next sign-in) starts empty.
    expect(await new CandidateSnapshotStore('db', factory).read(ID)).toEqual({ kind: 'none' });
  });
});

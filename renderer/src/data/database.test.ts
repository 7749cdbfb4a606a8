import 'fake-indexeddb/auto';
import { defaultConflictHandler } from 'rxdb';
import { describe, expect, it, vi } from 'vitest';
import { openShortlistDatabase, removeShortlistDatabase } from './database';
import { CandidateIndex } from './search/candidate-index';
import { candidate } from './search/candidate-fixture';
import { snapshotIdentity } from './search/candidate-snapshot-keeper';
import { CandidateSnapshotStore, candidateSnapshotDatabaseName } from './search/candidate-snapshot-store';

async function databaseNames(): Promise<(string | undefined)[]> {
  return (await indexedDB.databases()).map((database) => database.name);
}

describe('removing the local database', () => {
  it('removes the candidate index snapshot with it, and a window still open cannot write it back', async () => {
    const localDataId = 'user-removed';
    const db = await openShortlistDatabase(localDataId, () => defaultConflictHandler);
    await db.candidates.insert(candidate('c1', { lastName: 'Hopper' }));
    const index = new CandidateIndex(db.candidates, { snapshots: new CandidateSnapshotStore(db.name) });
    await vi.waitFor(() => expect(index.loaded).toBe(true), { timeout: 5_000 });
    await index.flushSnapshot();
    const snapshotName = candidateSnapshotDatabaseName(db.name);
    expect(await databaseNames()).toContain(snapshotName);
    const identity = await snapshotIdentity(db.candidates);
    // Another window of the app, its store open.
    const otherWindow = new CandidateSnapshotStore(db.name);
    const read = await otherWindow.read(identity);
    expect(read.kind).toBe('found');

    await db.close();
    await removeShortlistDatabase(localDataId);
    expect(await databaseNames()).not.toContain(snapshotName);
    if (read.kind !== 'found') return;
    expect(await otherWindow.write(identity, read.snapshot)).toBe(false);
    expect(await databaseNames()).not.toContain(snapshotName);
  });
});

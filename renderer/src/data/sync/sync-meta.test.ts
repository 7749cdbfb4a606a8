import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { syncMetaSchema, type SyncMeta } from '../local-schemas';
import { recordInitialDownloadDone, recordPullDone, SYNC_META_ID } from './sync-meta';

type MetaDatabase = RxDatabase<{ syncmeta: RxCollection<SyncMeta> }>;

const opened: MetaDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.remove()));
});

let counter = 0;
async function metaDatabase(): Promise<MetaDatabase> {
  counter += 1;
  const db: MetaDatabase = await createRxDatabase({ name: `sync-meta-${counter}`, storage: getRxStorageMemory() });
  await db.addCollections({ syncmeta: { schema: syncMetaSchema } });
  opened.push(db);
  return db;
}

async function storedMeta(db: MetaDatabase): Promise<SyncMeta | undefined> {
  return (await db.syncmeta.findOne(SYNC_META_ID).exec())?.toMutableJSON();
}

describe('sync meta', () => {
  it('keeps the first download done when a pull is recorded at the same moment, whichever lands first', async () => {
    for (const pullFirst of [false, true]) {
      const db = await metaDatabase();
      const done = () => recordInitialDownloadDone(db, 20_000);
      const pulled = () => recordPullDone(db, 30_000);
      await Promise.all(pullFirst ? [pulled(), done()] : [done(), pulled()]);
      expect(await storedMeta(db), pullFirst ? 'pull first' : 'done first').toEqual({
        id: SYNC_META_ID,
        initialSyncDone: true,
        lastSyncAt: 30_000,
      });
    }
  });

  it('records a pull at most every five seconds, and never moves the time back', async () => {
    const db = await metaDatabase();
    await recordPullDone(db, 10_000);
    await recordPullDone(db, 12_000);
    expect((await storedMeta(db))?.lastSyncAt).toBe(10_000);
    await recordPullDone(db, 15_000);
    expect((await storedMeta(db))?.lastSyncAt).toBe(15_000);
    await recordInitialDownloadDone(db, 14_000);
    expect(await storedMeta(db)).toEqual({ id: SYNC_META_ID, initialSyncDone: true, lastSyncAt: 15_000 });
  });
});

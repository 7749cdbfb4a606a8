import type { ShortlistDatabase } from '../database';
import type { SyncMeta } from '../local-schemas';

/** The id of the one sync-meta document. */
export const SYNC_META_ID = 'sync';
const MIN_WRITE_INTERVAL_MS = 5_000;

async function currentMeta(db: ShortlistDatabase): Promise<SyncMeta> {
  const doc = await db.syncmeta.findOne(SYNC_META_ID).exec();
  return doc?.toMutableJSON() ?? { id: SYNC_META_ID, lastSyncAt: 0, initialSyncDone: false };
}

/**
 * Notes the time of a pull the server answered (`lastSyncAt`, what the status shows): only real
 * answers count, never a pull that failed or a stream that merely stayed open. Throttled, as pulls
 * come often.
 */
export async function recordPullDone(db: ShortlistDatabase, at: number): Promise<void> {
  if (db.closed) return;
  const meta = await currentMeta(db);
  if (at - meta.lastSyncAt < MIN_WRITE_INTERVAL_MS) return;
  await db.syncmeta.upsert({ ...meta, lastSyncAt: at });
}

/** The first download finished: the progress bar goes away for good. */
export async function recordInitialDownloadDone(db: ShortlistDatabase): Promise<void> {
  if (db.closed) return;
  const meta = await currentMeta(db);
  await db.syncmeta.upsert({ ...meta, initialSyncDone: true, lastSyncAt: Date.now() });
}

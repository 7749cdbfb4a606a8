import type { ShortlistDatabase } from '../database';
import type { SyncMeta } from '../local-schemas';

/** The id of the one sync-meta document. */
export const SYNC_META_ID = 'sync';
const MIN_WRITE_INTERVAL_MS = 5_000;

async function currentMeta(db: ShortlistDatabase): Promise<SyncMeta> {
  const doc = await db.syncmeta.findOne(SYNC_META_ID).exec();
  return doc?.toMutableJSON() ?? { id: SYNC_META_ID, lastSyncAt: 0, initialSyncDone: false };
}

/** Notes a moment when every collection was in sync (throttled: it is written often). */
export async function recordSyncDone(db: ShortlistDatabase): Promise<void> {
  if (db.closed) return;
  const meta = await currentMeta(db);
  const now = Date.now();
  if (now - meta.lastSyncAt < MIN_WRITE_INTERVAL_MS) return;
  await db.syncmeta.upsert({ ...meta, lastSyncAt: now });
}

/** The first download finished: the progress bar goes away for good. */
export async function recordInitialDownloadDone(db: ShortlistDatabase): Promise<void> {
  if (db.closed) return;
  const meta = await currentMeta(db);
  await db.syncmeta.upsert({ ...meta, initialSyncDone: true, lastSyncAt: Date.now() });
}

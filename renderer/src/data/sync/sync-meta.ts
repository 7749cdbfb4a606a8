import type { RxDocument } from 'rxdb';
import type { ShortlistDatabase } from '../database';
import type { SyncMeta } from '../local-schemas';

/** The id of the one sync-meta document. */
export const SYNC_META_ID = 'sync';
const MIN_WRITE_INTERVAL_MS = 5_000;

/** What the sync-meta writes need of the database. */
export type SyncMetaDatabase = Pick<ShortlistDatabase, 'syncmeta' | 'closed'>;

/** The one sync-meta document, created (once, whoever asks first) if missing. */
function metaDocument(db: SyncMetaDatabase): Promise<RxDocument<SyncMeta>> {
  return db.syncmeta.insertIfNotExists({ id: SYNC_META_ID, lastSyncAt: 0, initialSyncDone: false });
}

/**
 * Notes the time of a pull the server answered (`lastSyncAt`, what the status shows): only real
 * answers count, never a pull that failed or a stream that merely stayed open. Throttled, as pulls
 * come often.
 *
 * Both writes change only their own fields of the latest version (`incrementalModify`): a pull
 * answered while the first download was being marked done once wrote back the version it had read,
 * with `initialSyncDone` still false, and the first-download bar stayed up until the next start.
 */
export async function recordPullDone(db: SyncMetaDatabase, at: number): Promise<void> {
  if (db.closed) return;
  const doc = await metaDocument(db);
  if (at - doc.lastSyncAt < MIN_WRITE_INTERVAL_MS) return;
  await doc.incrementalModify(
    (meta: SyncMeta): SyncMeta => (at - meta.lastSyncAt < MIN_WRITE_INTERVAL_MS ? meta : { ...meta, lastSyncAt: at }),
  );
}

/** The first download finished: the progress bar goes away for good. */
export async function recordInitialDownloadDone(db: SyncMetaDatabase, at = Date.now()): Promise<void> {
  if (db.closed) return;
  const doc = await metaDocument(db);
  await doc.incrementalModify(
    (meta: SyncMeta): SyncMeta => ({ ...meta, initialSyncDone: true, lastSyncAt: Math.max(meta.lastSyncAt, at) }),
  );
}

/** Whether this device's first download of the signed-in person's data finished (false if unknown). */
export async function hasInitialDownload(db: SyncMetaDatabase): Promise<boolean> {
  if (db.closed) return false;
  const meta = await db.syncmeta.findOne(SYNC_META_ID).exec();
  return meta?.initialSyncDone === true;
}

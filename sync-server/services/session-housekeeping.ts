import type { CouchStore, StoredDoc } from '../infra/couch-store';
import { isSessionDoc } from './session-service';

/** How long an ended session (expired or revoked) is kept before it is deleted. */
export const ENDED_SESSION_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** How often the server looks for ended sessions. */
export const SESSION_PURGE_INTERVAL_MS = 6 * 60 * 60 * 1000;
const DELETE_BATCH = 500;

/**
 * Deletes sessions that ended (expired, or revoked) more than {@link ENDED_SESSION_RETENTION_MS}
 * ago, so the sessions database does not grow with every sign-in forever. A device presenting such
 * a session's token is asked to sign in again, as it was once the session ended. Sessions marked for
 * a remote wipe stay: a lost laptop must be told to delete its data whenever it comes back. Safe to
 * run on several instances at once (a document deleted twice is a conflict, skipped). Answers how
 * many sessions it deleted.
 */
export async function purgeEndedSessions(store: CouchStore, now: number): Promise<number> {
  const ended: StoredDoc[] = [];
  for await (const doc of store.all('sessions')) {
    if (!isSessionDoc(doc) || doc.wipe) continue;
    const endedAt = doc.revokedAt ?? doc.expiresAt;
    if (endedAt <= now - ENDED_SESSION_RETENTION_MS) ended.push(doc);
  }
  let deleted = 0;
  for (let start = 0; start < ended.length; start += DELETE_BATCH) {
    const batch = ended.slice(start, start + DELETE_BATCH).map((doc) => ({
      _id: doc._id,
      ...(doc._rev ? { _rev: doc._rev } : {}),
      _deleted: true,
    }));
    const results = await store.putMany('sessions', batch);
    deleted += results.filter((result) => result.ok).length;
  }
  return deleted;
}

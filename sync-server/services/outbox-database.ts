import type { DocumentScope } from 'nano';
import { ensureOwnDatabase } from '../infra/own-database';
import { putChecked, putManyChecked } from '../infra/checked-write';
import { couchHttpFor } from '../infra/couch-http';
import { statusOf, type CouchStore, type StoredDoc } from '../infra/couch-store';
import { isOutboxEntry, type OutboxEntry } from './outbox-entry';

/** The server database of the outbox (`<prefix>outbox`): entries, capture checkpoints, interview states. */
export const OUTBOX_DATABASE = 'outbox';

const OUTBOX_INDEXES = [
  { name: 'by-status-due', fields: ['status', 'nextAttemptAt'] },
  { name: 'by-created', fields: ['createdAt'] },
  { name: 'by-source', fields: ['source.id'] },
];

/** Creates the outbox database and its indexes if missing (idempotent) and returns it. */
export function ensureOutboxDatabase(store: CouchStore): Promise<DocumentScope<StoredDoc>> {
  return ensureOwnDatabase(store, OUTBOX_DATABASE, OUTBOX_INDEXES);
}

/** A document of the outbox database, or null. */
export async function getOutboxDoc<T extends StoredDoc = StoredDoc>(
  db: DocumentScope<StoredDoc>,
  id: string,
): Promise<T | null> {
  try {
    return (await db.get(id)) as T;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

/**
 * Writes with the `_rev` the document carries; a lost race answers null (never an overwrite). The
 * write is the store's checked one: on a cluster, two workers claiming one entry through different
 * nodes may both be answered 202, and only the one whose claim settles as the winner gets a revision.
 */
export async function putOutboxDoc(db: DocumentScope<StoredDoc>, doc: StoredDoc): Promise<string | null> {
  const written = await putChecked(couchHttpFor(db.config.url), db.config.db, doc);
  return written.ok ? written.rev : null;
}

/**
 * Adds the entries whose ids are not in the outbox yet. Ids are deterministic, so deriving the same
 * messages again (a replayed change, a second server instance) adds nothing. Answers how many were added.
 */
export async function addNewEntries(
  db: DocumentScope<StoredDoc>,
  entries: readonly OutboxEntry[],
): Promise<number> {
  if (entries.length === 0) return 0;
  const existing = await db.fetchRevs({ keys: entries.map((entry) => entry._id) });
  const known = new Set(existing.rows.filter((row) => 'value' in row).map((row) => row.key));
  const fresh = entries.filter((entry) => !known.has(entry._id));
  if (fresh.length === 0) return 0;
  // Without `_rev`, an entry another instance added meanwhile comes back as a per-document conflict
  // (checked: on a cluster both additions may be answered 202, and only one stands).
  const results = await putManyChecked(couchHttpFor(db.config.url), db.config.db, fresh);
  return results.filter((result) => result.ok).length;
}

/** Entries in `status` due at `now` (oldest first). */
export async function dueEntries(
  db: DocumentScope<StoredDoc>,
  status: 'pending' | 'sending',
  now: number,
  limit: number,
): Promise<OutboxEntry[]> {
  const response = await db.find({
    selector: { status, nextAttemptAt: { $lte: now } },
    sort: [{ status: 'asc' }, { nextAttemptAt: 'asc' }],
    use_index: 'by-status-due',
    limit,
  });
  // An index can lag behind its documents (the embedded store's does): judge the documents themselves.
  return (response.docs as StoredDoc[]).filter(
    (doc): doc is OutboxEntry => isOutboxEntry(doc) && doc.status === status && doc.nextAttemptAt <= now,
  );
}

/** The newest entries (for the admin listing), optionally in one status. */
export async function recentEntries(
  db: DocumentScope<StoredDoc>,
  options: { status?: string; limit: number },
): Promise<OutboxEntry[]> {
  const response = await db.find({
    selector: {
      createdAt: { $gte: 0 },
      kind: 'message',
      ...(options.status ? { status: options.status } : {}),
    },
    sort: [{ createdAt: 'desc' }],
    use_index: 'by-created',
    limit: options.limit,
  });
  return (response.docs as StoredDoc[]).filter(
    (doc): doc is OutboxEntry => isOutboxEntry(doc) && (!options.status || doc.status === options.status),
  );
}

/** The entries caused by changes of `sourceIds` (the documents of one candidate, say), newest first. */
export async function entriesFrom(
  db: DocumentScope<StoredDoc>,
  sourceIds: readonly string[],
  limit: number,
): Promise<OutboxEntry[]> {
  if (sourceIds.length === 0) return [];
  const wanted = new Set(sourceIds);
  const response = await db.find({
    selector: { 'source.id': { $in: [...wanted] } },
    use_index: 'by-source',
    limit,
  });
  return (response.docs as StoredDoc[])
    .filter((doc): doc is OutboxEntry => isOutboxEntry(doc) && wanted.has(doc.source.id))
    .sort((a, b) => b.createdAt - a.createdAt);
}

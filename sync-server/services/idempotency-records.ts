import { createHash } from 'node:crypto';
import type { DocumentScope } from 'nano';
import { putChecked } from '../infra/checked-write';
import { couchHttpFor } from '../infra/couch-http';
import { statusOf, type CouchStore, type StoredDoc } from '../infra/couch-store';
import { ensureOwnDatabase } from '../infra/own-database';

/** The server database of `Idempotency-Key` records (`<prefix>idempotency`). */
export const IDEMPOTENCY_DATABASE = 'idempotency';

/** How long a key's first answer is replayed; after that the key may be used again. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * A claim older than this whose request never finished (its instance died) may be taken over. The
 * request it stood for derived its document and write ids from the key, so running it again cannot
 * write twice: it finds its own write.
 */
export const IDEMPOTENCY_STALE_CLAIM_MS = 30_000;

/** The first answer to a request, as it is replayed. */
export interface RecordedAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly etag?: string;
  readonly location?: string;
}

interface IdempotencyRecord extends StoredDoc {
  readonly kind: 'idempotency';
  /** SHA-256 of the request body: the same key with another body is a client's mistake. */
  readonly bodyHash: string;
  readonly state: 'pending' | 'done';
  readonly claimedAt: number;
  readonly answer?: RecordedAnswer;
}

/**
 * What claiming a key came to: go ahead (the caller runs the request and records its answer), replay
 * the recorded answer, the key was used with another body, or another request with it is still
 * running.
 */
export type IdempotencyClaim =
  | { readonly kind: 'claimed'; readonly recordId: string; readonly rev: string }
  | { readonly kind: 'replay'; readonly answer: RecordedAnswer }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'in_progress' };

function isRecord(doc: StoredDoc | null): doc is IdempotencyRecord {
  return doc !== null && doc['kind'] === 'idempotency' && typeof doc['bodyHash'] === 'string';
}

/**
 * The scope of a key: who sent it (a user or an API key), to which operation. Two principals, or
 * two operations, never share a record or the ids derived from it.
 */
export function idempotencyScope(principal: string, operation: string, key: string): string {
  return createHash('sha256').update(`${principal}\n${operation}\n${key}`).digest('hex');
}

function database(store: CouchStore): DocumentScope<StoredDoc> {
  return store.server.use<StoredDoc>(`${store.prefix}${IDEMPOTENCY_DATABASE}`);
}

async function write(store: CouchStore, doc: StoredDoc): Promise<string | null> {
  const db = database(store);
  const written = await putChecked(couchHttpFor(db.config.url), db.config.db, doc);
  return written.ok ? written.rev : null;
}

async function read(store: CouchStore, id: string): Promise<IdempotencyRecord | null> {
  try {
    const doc = await database(store).get(id);
    return isRecord(doc) ? doc : null;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

/** Creates the database if missing (idempotent, safe from many instances at once). */
export async function ensureIdempotencyDatabase(store: CouchStore): Promise<void> {
  await ensureOwnDatabase(store, IDEMPOTENCY_DATABASE, [{ name: 'by-claimed', fields: ['claimedAt'] }]);
}

/** How often expired records are deleted. */
export const IDEMPOTENCY_PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Deletes records whose key may be used again (older than the TTL), a page at a time; answers how
 * many. Safe on several instances at once (a record another one deleted first is skipped).
 */
export async function purgeExpiredIdempotencyRecords(store: CouchStore, now: number): Promise<number> {
  const db = database(store);
  let deleted = 0;
  for (let page = 0; page < 20; page += 1) {
    const response = await db.find({
      selector: { claimedAt: { $lt: now - IDEMPOTENCY_TTL_MS } },
      use_index: 'by-claimed',
      limit: 500,
    });
    const expired = (response.docs as StoredDoc[]).filter(
      (doc) => isRecord(doc) && doc.claimedAt < now - IDEMPOTENCY_TTL_MS && doc._rev,
    );
    if (expired.length === 0) return deleted;
    const results = await db.bulk({
      docs: expired.map((doc) => ({ _id: doc._id, _rev: doc._rev, _deleted: true })),
    });
    deleted += results.filter((result) => !result.error).length;
    if (expired.length < 500) return deleted;
  }
  return deleted;
}

/**
 * Claims `scope` for a request whose body hashes to `bodyHash`. The claim is a document with an id
 * derived from the scope, so of two requests with one key on any instances, the store's 409 lets
 * one run; the other waits up to `waitMs` for its answer, to replay it.
 */
export async function claimIdempotencyKey(
  store: CouchStore,
  scope: string,
  bodyHash: string,
  now: () => number,
  waitMs = 5_000,
): Promise<IdempotencyClaim> {
  const recordId = `idem-${scope}`;
  const deadline = now() + waitMs;
  for (;;) {
    const existing = await read(store, recordId);
    const time = now();
    const isExpired =
      existing !== null &&
      (time - existing.claimedAt > IDEMPOTENCY_TTL_MS ||
        (existing.state === 'pending' && time - existing.claimedAt > IDEMPOTENCY_STALE_CLAIM_MS));
    if (existing && !isExpired) {
      if (existing.bodyHash !== bodyHash) return { kind: 'mismatch' };
      if (existing.state === 'done' && existing.answer) return { kind: 'replay', answer: existing.answer };
      if (time >= deadline) return { kind: 'in_progress' };
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    const claim: IdempotencyRecord = {
      _id: recordId,
      ...(existing?._rev ? { _rev: existing._rev } : {}),
      kind: 'idempotency',
      bodyHash,
      state: 'pending',
      claimedAt: time,
    };
    const rev = await write(store, claim);
    if (rev) return { kind: 'claimed', recordId, rev };
    // Another request claimed it first: read theirs.
  }
}

/** Records the answer of a claimed request, to be replayed for the key's repeats. */
export async function completeIdempotencyKey(
  store: CouchStore,
  claim: { readonly recordId: string; readonly rev: string },
  bodyHash: string,
  answer: RecordedAnswer,
  now: number,
): Promise<void> {
  const done: IdempotencyRecord = {
    _id: claim.recordId,
    _rev: claim.rev,
    kind: 'idempotency',
    bodyHash,
    state: 'done',
    claimedAt: now,
    answer,
  };
  await write(store, done);
}

/**
 * Gives up a claim whose request failed on the server's side (the store was down): a repeat then
 * runs the request again instead of replaying a failure the client could not help.
 */
export async function abandonIdempotencyKey(
  store: CouchStore,
  claim: { readonly recordId: string; readonly rev: string },
): Promise<void> {
  try {
    await database(store).destroy(claim.recordId, claim.rev);
  } catch {
    // Left as it is, the claim goes stale and is taken over.
  }
}

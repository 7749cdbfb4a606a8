import type { InterviewerScope } from '../../shared/domain/permissions/read-rules';
import { canRead, readsEverything, redactForReader } from '../../shared/domain/permissions/read-rules';
import type { Actor } from '../../shared/domain/common/roles';
import { COLLECTION_SCHEMAS, type AnyDocument, type CollectionName } from '../../shared/sync/collections';
import type { PullResponse, WireDocument } from '../../shared/sync/protocol';
import type { CouchStore, StoredDoc } from '../store/couch-store';
import { contentOf, isTombstone, toWire } from '../store/stored-document';
import { badRequest } from '../plugins/api-error';
import { loadInterviewerScope, loadScopeSnapshot, saveScopeSnapshot, scopedIds } from './interviewer-scope';

/**
 * What a pull checkpoint holds (opaque to clients): the CouchDB sequence read up to (an opaque
 * string, never compared), and for interviewers the hash of the id set their laptop was given.
 */
export interface PullCheckpoint {
  readonly seq: string;
  readonly scope?: string;
  /** An interviewer's laptop is being cleared of what a former role let it hold. */
  readonly purge?: boolean;
}

/** Parses the `checkpoint` query parameter; a malformed one is a 400. */
export function parseCheckpoint(raw: string | undefined): PullCheckpoint | null {
  if (raw === undefined || raw === '' || raw === 'null') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badRequest('checkpoint must be the JSON the previous pull returned.', 'invalid_checkpoint');
  }
  if (parsed === null) return null;
  const record = parsed as Record<string, unknown>;
  const isValid =
    typeof parsed === 'object' &&
    !Array.isArray(parsed) &&
    typeof record['seq'] === 'string' &&
    record['seq'].length > 0 &&
    record['seq'].length < 10_000 &&
    (record['scope'] === undefined ||
      (typeof record['scope'] === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(record['scope']))) &&
    (record['purge'] === undefined || record['purge'] === true);
  if (!isValid)
    throw badRequest('checkpoint must be the JSON the previous pull returned.', 'invalid_checkpoint');
  return {
    seq: record['seq'] as string,
    ...(typeof record['scope'] === 'string' ? { scope: record['scope'] } : {}),
    ...(record['purge'] === true ? { purge: true } : {}),
  };
}

/** The wire form of a stored document for `actor`, or null when they may not read it. */
export function wireForReader(
  actor: Actor,
  collection: CollectionName,
  stored: StoredDoc,
  scope: InterviewerScope | null,
  options: { forceDeleted?: boolean } = {},
): WireDocument<AnyDocument> | null {
  const content = contentOf(collection, stored);
  if (!options.forceDeleted && !canRead(actor, collection, content, scope)) return null;
  return toWire(
    redactForReader(actor, collection, content),
    options.forceDeleted === true || isTombstone(stored),
  );
}

/**
 * `GET /api/sync/{collection}/pull` (SPEC §5): up to `limit` documents changed since the checkpoint,
 * as `actor` may see them. For interviewers, a change of scope first sends the documents that became
 * visible (whatever their age) and tombstones for those that no longer are.
 */
export async function pullDocuments(
  store: CouchStore,
  actor: Actor,
  collection: CollectionName,
  checkpoint: PullCheckpoint | null,
  limit: number,
): Promise<PullResponse<AnyDocument>> {
  if (readsEverything(actor) || collection === 'users') {
    // A checkpoint with a scope was an interviewer's: after a promotion, start again to get everything.
    const since = checkpoint && !checkpoint.scope ? checkpoint.seq : '0';
    // canRead wants a scope for interviewers even where it does not depend on one (the directory).
    const scope = readsEverything(actor) ? null : await loadInterviewerScope(store, actor.id);
    const feed = await readFeed(store, collection, since, limit, (doc) =>
      wireForReader(actor, collection, doc, scope),
    );
    return { documents: feed.documents, checkpoint: { seq: feed.seq } };
  }
  const scope = await loadInterviewerScope(store, actor.id);
  const visible = scopedIds(scope, collection) ?? new Set<string>();
  const batch = new Map<string, WireDocument<AnyDocument>>();
  const accept = (doc: StoredDoc): WireDocument<AnyDocument> | null =>
    batch.has(doc._id) ? null : wireForReader(actor, collection, doc, scope);

  // A checkpoint without a scope was a full reader's (a demotion): read everything again, sending
  // what is visible and removing the rest, then carry on as an interviewer.
  if (checkpoint && (checkpoint.scope === undefined || checkpoint.purge === true)) {
    const since = checkpoint.purge === true ? checkpoint.seq : '0';
    const feed = await readFeed(
      store,
      collection,
      since,
      limit,
      (doc) => accept(doc) ?? removalTombstone(actor, collection, doc, scope),
    );
    const hash = await saveScopeSnapshot(store, collection, visible);
    const ended = feed.documents.length < limit;
    return {
      documents: feed.documents,
      checkpoint: { seq: feed.seq, scope: hash, ...(ended ? {} : { purge: true }) },
    };
  }

  // A first pull starts at the store's current sequence with nothing delivered: the catch-up below
  // then fetches the visible documents by id instead of scanning the whole feed for them.
  let baseSeq: string | null = checkpoint?.seq ?? null;
  let delivered: Set<string> | null = null;
  if (!checkpoint) {
    baseSeq = String((await store.changes(collection, { since: 'now' })).last_seq);
    delivered = new Set();
  } else if (checkpoint.scope) {
    delivered = await loadScopeSnapshot(store, collection, checkpoint.scope);
  }
  if (baseSeq !== null && delivered) {
    const removed = [...delivered].filter((id) => !visible.has(id)).sort();
    const added = [...visible].filter((id) => !delivered.has(id)).sort();
    const takenRemoved = removed.slice(0, limit);
    const takenAdded = added.slice(0, limit - takenRemoved.length);
    const fetched = await store.getMany(collection, [...takenRemoved, ...takenAdded]);
    for (const id of takenRemoved) {
      const doc = fetched.get(id);
      const wire = doc ? removalTombstone(actor, collection, doc, scope) : null;
      if (wire) batch.set(id, wire);
      delivered.delete(id);
    }
    for (const id of takenAdded) {
      const doc = fetched.get(id);
      const wire = doc ? accept(doc) : null;
      if (wire) batch.set(id, wire);
      delivered.add(id);
    }
    if (takenRemoved.length < removed.length || takenAdded.length < added.length) {
      // The catch-up continues on the next pull, from the set delivered so far.
      const partial = await saveScopeSnapshot(store, collection, delivered);
      return { documents: [...batch.values()], checkpoint: { seq: baseSeq, scope: partial } };
    }
  }
  const hash = await saveScopeSnapshot(store, collection, visible);
  // Without a usable checkpoint scope, reading from the start brings every visible document.
  const since = baseSeq !== null && delivered ? baseSeq : '0';
  const feed = await readFeed(store, collection, since, limit - batch.size, accept);
  for (const document of feed.documents) batch.set(document.id, document);
  return { documents: [...batch.values()], checkpoint: { seq: feed.seq, scope: hash } };
}

/**
 * The tombstone that removes a document from a laptop that may no longer read it. RxDB wants a
 * schema-valid document, so it carries the schema's required fields (as redacted for the reader),
 * and nothing optional: no notes, offer or other detail written since the reader lost access.
 */
export function removalTombstone(
  actor: Actor,
  collection: CollectionName,
  stored: StoredDoc,
  scope: InterviewerScope | null,
): WireDocument<AnyDocument> | null {
  const full = wireForReader(actor, collection, stored, scope, { forceDeleted: true });
  if (!full) return null;
  const required = new Set([
    ...((COLLECTION_SCHEMAS[collection] as { required?: string[] }).required ?? []),
    'id',
    '_deleted',
  ]);
  const minimal = Object.fromEntries(Object.entries(full).filter(([field]) => required.has(field)));
  return minimal as WireDocument<AnyDocument>;
}

/**
 * Reads the `_changes` feed from `since` until `limit` documents were accepted or the feed ends:
 * RxDB stops pulling at a short batch, so filtered-out rows must not shorten it.
 */
async function readFeed(
  store: CouchStore,
  collection: CollectionName,
  since: string,
  limit: number,
  accept: (doc: StoredDoc) => WireDocument<AnyDocument> | null,
): Promise<{ documents: WireDocument<AnyDocument>[]; seq: string }> {
  const documents: WireDocument<AnyDocument>[] = [];
  let seq = since;
  while (documents.length < limit) {
    const wanted = limit - documents.length;
    const page = await store.changes(collection, { since: seq, limit: wanted, includeDocs: true });
    for (const row of page.results) {
      seq = String(row.seq);
      if (row.id.startsWith('_design/') || !row.doc || row.deleted) continue;
      const wire = accept(row.doc);
      if (wire) documents.push(wire);
    }
    if (page.results.length < wanted) {
      seq = String(page.last_seq);
      break;
    }
  }
  return { documents, seq };
}

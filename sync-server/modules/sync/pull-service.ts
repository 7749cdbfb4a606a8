import type { Actor } from '#shared/domain/common/roles';
import type { InterviewerScope } from '#shared/domain/decide/read-rules';
import { interviewerScope, readsEverything } from '#shared/domain/decide/read-rules';
import type { AnyDocument, CollectionName } from '#shared/domain/collections';
import type { PullResponse, WireDocument } from '#shared/sync/protocol';
import { neutralTombstone } from '#shared/sync/removal';
import { UnknownSequenceError, type CouchStore, type StoredDoc } from '../../infra/couch-store';
import {
  loadInterviewerScope,
  loadScopeSnapshot,
  saveScopeSnapshot,
  scopedIds,
} from '../../services/interviewer-scope';
import { wireForReader } from '../../services/reader-view';
import {
  openCheckpoint,
  sealCheckpoint,
  type CheckpointBinding,
  type CheckpointClaims,
} from './pull-checkpoint';

/** One pull, as the route hands it over: who, what, from where (the checkpoint as sent), how many. */
export interface PullRequest {
  readonly actor: Actor;
  readonly collection: CollectionName;
  /** The checkpoint the client sent back, parsed from JSON (null on a first pull). */
  readonly checkpoint: unknown;
  readonly limit: number;
  readonly now: number;
}

/** The pull's context: the store, the signing key, and to whom the checkpoints are bound. */
interface PullContext extends PullRequest {
  readonly store: CouchStore;
  readonly key: Buffer;
  readonly binding: CheckpointBinding;
}

/**
 * `GET /api/sync/{collection}/pull` (SPEC §5): up to `limit` documents changed since the checkpoint,
 * as `actor` may see them now. The checkpoint is trusted only if this server issued it to this
 * reader, for this collection, on this store; any other restarts the pull from the beginning of what
 * the reader may read now. Removal tombstones are neutral (`neutralTombstone`) and only ever name
 * documents the reader was allowed to see: ones in a scope snapshot the server delivered, or, for a
 * demoted full reader, ones that existed when they last pulled as one.
 */
export async function pullDocuments(
  store: CouchStore,
  key: Buffer,
  request: PullRequest,
): Promise<PullResponse<AnyDocument>> {
  const binding = {
    userId: request.actor.id,
    collection: request.collection,
    storeId: await store.identity(),
  };
  const context: PullContext = { ...request, store, key, binding };
  const claims = openCheckpoint(key, binding, request.checkpoint);
  const { answer, scope } = await pullFor(context, claims);
  // A download is starting or under way: say about how big it is (idle pulls pay nothing). A first
  // pull answered whole is exactly as big as its answer.
  const isFullBatch = answer.documents.length >= request.limit;
  if (claims !== null && !isFullBatch) return answer;
  const estimatedTotal = isFullBatch ? await estimateTotal(context, scope) : answer.documents.length;
  return estimatedTotal === null ? answer : { ...answer, estimatedTotal };
}

/**
 * About how many documents of the collection the reader holds once caught up: an interviewer's
 * slice, or the store's count. Null for an interviewer's directory, whose count would tell how many
 * portal (candidate) accounts there are, which is none of their business.
 */
async function estimateTotal(context: PullContext, scope: InterviewerScope | null): Promise<number | null> {
  const { store, actor, collection } = context;
  const ids = scope ? scopedIds(scope, collection) : null;
  if (ids) return ids.size;
  if (collection === 'users' && !readsEverything(actor)) return null;
  return store.documentCount(collection);
}

/** The answer, and the interviewer scope it was cut to (null for a full reader's read). */
async function pullFor(
  context: PullContext,
  claims: CheckpointClaims | null,
): Promise<{ answer: PullResponse<AnyDocument>; scope: InterviewerScope | null }> {
  const { store, actor, collection } = context;
  // The directory and the settings are everyone's: read like a full reader.
  if (readsEverything(actor) || collection === 'users' || collection === 'settings') {
    return {
      answer: await pullAsFullReader(context, claims?.reader === 'full' ? claims : null),
      scope: null,
    };
  }
  const scope = await loadInterviewerScope(store, actor.id);
  if (claims && (claims.reader === 'full' || claims.purgeUntil !== undefined)) {
    return { answer: await purgeDemotedReader(context, scope, claims), scope };
  }
  const delivered =
    claims?.reader === 'interviewer' && claims.scope
      ? await loadScopeSnapshot(store, collection, claims.scope)
      : null;
  if (claims && delivered) {
    const answer = await pullInterviewerSlice(context, scope, claims.seq, delivered);
    if (answer) return { answer, scope };
  }
  // A first pull, or one whose checkpoint is not ours: the slice from scratch, nothing removed.
  const seq = String((await store.changes(collection, { since: 'now' })).last_seq);
  return {
    answer: (await pullInterviewerSlice(context, scope, seq, new Set())) ?? emptyAnswer(context, seq),
    scope,
  };
}

function seal(context: PullContext, claims: Omit<CheckpointClaims, 'issuedAt'>) {
  return sealCheckpoint(context.key, context.binding, { ...claims, issuedAt: context.now });
}

function emptyAnswer(context: PullContext, seq: string): PullResponse<AnyDocument> {
  return { documents: [], checkpoint: seal(context, { seq, reader: 'interviewer' }) };
}

/** Everything changed since the checkpoint (or since the beginning). */
async function pullAsFullReader(
  context: PullContext,
  claims: CheckpointClaims | null,
): Promise<PullResponse<AnyDocument>> {
  const { store, actor, collection, limit } = context;
  // canRead wants a scope for interviewers even where it does not depend on one (the directory and
  // the settings, the only collections they read whole): an empty one, not their interviews read.
  const scope = readsEverything(actor) ? null : interviewerScope(actor.id, []);
  const accept = (doc: StoredDoc) => wireForReader(actor, collection, doc, scope);
  const feed =
    (claims ? await readFeedIfKnown(store, collection, claims.seq, limit, accept) : null) ??
    (await readFeed(store, collection, '0', limit, accept));
  return { documents: feed.documents, checkpoint: seal(context, { seq: feed.seq, reader: 'full' }) };
}

/**
 * A reader who was a full reader when the checkpoint was issued and is an interviewer now: the feed is
 * replayed from the start, sending what is visible now and removing what is not, but only documents
 * that existed when they last pulled as a full reader (they never saw later ones).
 */
async function purgeDemotedReader(
  context: PullContext,
  scope: InterviewerScope,
  claims: CheckpointClaims,
): Promise<PullResponse<AnyDocument>> {
  const { store, actor, collection, limit } = context;
  const purgeUntil = claims.purgeUntil ?? claims.issuedAt;
  const accept = (doc: StoredDoc): WireDocument<AnyDocument> | null => {
    const visible = wireForReader(actor, collection, doc, scope);
    if (visible) return visible;
    // Documents loaded in bulk (demo, upgrade) carry no first-stored time: they predate every pull.
    const firstStored = doc.serverMeta?.firstStoredAt ?? 0;
    return firstStored <= purgeUntil ? neutralTombstone(collection, doc._id, context.now) : null;
  };
  const since = claims.purgeUntil === undefined ? '0' : claims.seq;
  const feed =
    (await readFeedIfKnown(store, collection, since, limit, accept)) ??
    (await readFeed(store, collection, '0', limit, accept));
  if (feed.documents.length >= limit) {
    return {
      documents: feed.documents,
      checkpoint: seal(context, { seq: feed.seq, reader: 'interviewer', purgeUntil }),
    };
  }
  const hash = await saveScopeSnapshot(store, collection, scopedIds(scope, collection) ?? []);
  return {
    documents: feed.documents,
    checkpoint: seal(context, { seq: feed.seq, reader: 'interviewer', scope: hash }),
  };
}

/**
 * An interviewer's pull from `seq`, their laptop holding `delivered`: first what entered or left their
 * scope since (fetched by id, whatever its age), then the feed, filtered by the scope. Null when the
 * store does not recognise `seq` (the caller starts afresh).
 */
async function pullInterviewerSlice(
  context: PullContext,
  scope: InterviewerScope,
  seq: string,
  delivered: Set<string>,
): Promise<PullResponse<AnyDocument> | null> {
  const { store, actor, collection, limit } = context;
  const visible = scopedIds(scope, collection) ?? new Set<string>();
  const batch = new Map<string, WireDocument<AnyDocument>>();
  const removed = [...delivered].filter((id) => !visible.has(id)).sort();
  const added = [...visible].filter((id) => !delivered.has(id)).sort();
  const takenRemoved = removed.slice(0, limit);
  const takenAdded = added.slice(0, limit - takenRemoved.length);
  for (const id of takenRemoved) {
    batch.set(id, neutralTombstone(collection, id, context.now));
    delivered.delete(id);
  }
  const fetched = await store.getMany(collection, takenAdded);
  for (const id of takenAdded) {
    const doc = fetched.get(id);
    const wire = doc ? wireForReader(actor, collection, doc, scope) : null;
    if (wire) batch.set(id, wire);
    delivered.add(id);
  }
  if (takenRemoved.length < removed.length || takenAdded.length < added.length) {
    // The catch-up continues on the next pull, from the set delivered so far.
    const partial = await saveScopeSnapshot(store, collection, delivered);
    return {
      documents: [...batch.values()],
      checkpoint: seal(context, { seq, reader: 'interviewer', scope: partial }),
    };
  }
  const accept = (doc: StoredDoc) =>
    batch.has(doc._id) ? null : wireForReader(actor, collection, doc, scope);
  const feed = await readFeedIfKnown(store, collection, seq, limit - batch.size, accept);
  if (!feed) return null;
  for (const document of feed.documents) batch.set(document.id, document);
  const hash = await saveScopeSnapshot(store, collection, visible);
  return {
    documents: [...batch.values()],
    checkpoint: seal(context, { seq: feed.seq, reader: 'interviewer', scope: hash }),
  };
}

type Accept = (doc: StoredDoc) => WireDocument<AnyDocument> | null;

/** `readFeed`, or null when the store answers 400 to `since` (a sequence it did not issue). */
async function readFeedIfKnown(
  store: CouchStore,
  collection: CollectionName,
  since: string,
  limit: number,
  accept: Accept,
): Promise<{ documents: WireDocument<AnyDocument>[]; seq: string } | null> {
  try {
    return await readFeed(store, collection, since, limit, accept);
  } catch (error) {
    if (error instanceof UnknownSequenceError && since !== '0') return null;
    throw error;
  }
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
  accept: Accept,
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

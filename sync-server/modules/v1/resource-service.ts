import type { Actor } from '#shared/domain/common/roles';
import type { Refusal } from '#shared/domain/common/refusal';
import type { InterviewerScope } from '#shared/domain/decide/read-rules';
import {
  isDocumentOf,
  type AnyDocument,
  type CollectionName,
  type DocumentOf,
} from '#shared/domain/collections';
import type { WireDocument } from '#shared/sync/protocol';
import type { CouchStore, StoredDoc } from '../../infra/couch-store';
import { isTombstone } from '../../infra/stored-document';
import { writeDocuments } from '../../services/document-writes';
import { loadInterviewerScope, scopedIds } from '../../services/interviewer-scope';
import { fail, succeed, type Failure, type Outcome } from '../../services/outcome';
import { wireForReader } from '../../services/reader-view';
import type { CursorCodec } from './http-semantics';
import { ifMatchHolds, etagOf } from './http-semantics';

/** Who asks, on which store, with which clock; the interviewer scope is read once per request. */
export class V1Context {
  private scope: Promise<InterviewerScope | null> | undefined;

  constructor(
    readonly store: CouchStore,
    readonly actor: Actor,
    readonly now: () => number = Date.now,
  ) {}

  /** The interviewer's read scope (SPEC §3); null for full readers. */
  readerScope(): Promise<InterviewerScope | null> {
    this.scope ??=
      this.actor.role === 'interviewer'
        ? loadInterviewerScope(this.store, this.actor.id)
        : Promise.resolve(null);
    return this.scope;
  }
}

/** A document as a writer hands it in, or as a filter looks at it: any fields, an id. */
export type Representation = Readonly<Record<string, unknown>> & { readonly id: string };

/**
 * A resource as the API answers it: the document as its reader may see it, without `_deleted`. The
 * store holds only documents the rules accepted, and a reader's redacted copy is still a valid
 * document, so one that does not check (never expected) is left out rather than sent.
 */
function representationOf<C extends CollectionName>(
  collection: C,
  wire: WireDocument<AnyDocument> | null,
): DocumentOf<C> | null {
  if (!wire) return null;
  const { _deleted: _ignored, ...document } = wire;
  return isDocumentOf(collection, document) ? document : null;
}

const NOT_FOUND = (collection: CollectionName): Failure =>
  fail('not_found', 'not_found', `No such ${collection.slice(0, -1)}.`);

/** Refusals of the rules as failures: a role that may not is 403, any other rule 422 (SPEC §5). */
export function refusalFailure(refusal: Refusal): Failure {
  const isRoleRefusal = ['forbidden_role', 'delete_forbidden', 'read_only_collection'].includes(refusal.code);
  return fail(isRoleRefusal ? 'forbidden' : 'refused', refusal.code, refusal.message);
}

/** A live document as `context.actor` may see it, or `not_found` (also when they may not: no leak). */
export async function readResource<C extends CollectionName>(
  context: V1Context,
  collection: C,
  id: string,
): Promise<Outcome<{ readonly document: DocumentOf<C>; readonly stored: StoredDoc }>> {
  const stored = await context.store.get(collection, id);
  if (!stored || isTombstone(stored)) return NOT_FOUND(collection);
  const document = representationOf(
    collection,
    wireForReader(context.actor, collection, stored, await context.readerScope()),
  );
  return document ? succeed({ document, stored }) : NOT_FOUND(collection);
}

/** Where a list's candidates come from: a range of ids, or a known set of ids (an index, a scope). */
export type ListSource =
  | { readonly kind: 'range'; readonly start?: string; readonly end?: string }
  | { readonly kind: 'ids'; readonly ids: () => Promise<readonly string[]> };

/** One list request: which documents, which page. */
export interface ListRequest<C extends CollectionName> {
  readonly collection: C;
  readonly source: ListSource;
  /** Whether a visible document belongs in the list (the query's filters). */
  readonly matches: (document: DocumentOf<C>) => boolean;
  /** The filters, as they bind the cursor. */
  readonly filterKey: string;
  readonly limit: number;
  readonly cursor: string | undefined;
}

/** A page: the documents, and the cursor of the next page (null at the end). */
export interface ListPage<T> {
  readonly data: T[];
  readonly nextCursor: string | null;
}

/** Documents read per store request while listing. */
const LIST_CHUNK = 200;
/**
 * At most this many documents are looked at per request: a filter matching few documents of a large
 * collection answers a short page (with a cursor to go on) instead of reading the collection.
 */
const MAX_SCANNED = 2_000;

/**
 * A page of a list in id order, as the reader may see it: full readers from the given source,
 * interviewers only from their scope (so a list never tells them what they may not read).
 */
export async function listResources<C extends CollectionName>(
  context: V1Context,
  codec: CursorCodec,
  request: ListRequest<C>,
): Promise<Outcome<ListPage<DocumentOf<C>>>> {
  const { collection } = request;
  let after: string | null = null;
  if (request.cursor !== undefined) {
    const opened = codec.open(request.cursor, collection, request.filterKey);
    if (!opened.ok) return opened;
    after = opened.value;
  }
  const scope = await context.readerScope();
  const scoped = scope ? scopedIds(scope, collection) : null;
  const source: ListSource = scoped
    ? { kind: 'ids', ids: () => Promise.resolve(intersect(scoped, request.source)) }
    : request.source;
  const accept = (stored: StoredDoc): DocumentOf<C> | null => {
    if (isTombstone(stored)) return null;
    const document = representationOf(collection, wireForReader(context.actor, collection, stored, scope));
    return document && request.matches(document) ? document : null;
  };
  const found =
    source.kind === 'range'
      ? await scanRange(context.store, collection, source, after, request.limit, accept)
      : await scanIds(context.store, collection, await source.ids(), after, request.limit, accept);
  const nextCursor =
    found.resumeAfter === null
      ? null
      : codec.seal({ collection, filters: request.filterKey, after: found.resumeAfter });
  return succeed({ data: found.data, nextCursor });
}

/** The ids of a scope that a range source would also list. */
function intersect(scoped: ReadonlySet<string>, source: ListSource): string[] {
  if (source.kind === 'ids') return [...scoped];
  return [...scoped].filter(
    (id) =>
      (source.start === undefined || id >= source.start) && (source.end === undefined || id <= source.end),
  );
}

interface Scanned<T> {
  readonly data: T[];
  /** Where the next page starts (after this id), or null when the list ended. */
  readonly resumeAfter: string | null;
}

async function scanRange<T extends { readonly id: string }>(
  store: CouchStore,
  collection: CollectionName,
  range: { readonly start?: string; readonly end?: string },
  after: string | null,
  limit: number,
  accept: (stored: StoredDoc) => T | null,
): Promise<Scanned<T>> {
  const data: T[] = [];
  let position = after;
  let scanned = 0;
  while (scanned < MAX_SCANNED) {
    const start = position ?? range.start;
    const page = await store.db(collection).list({
      include_docs: true,
      limit: LIST_CHUNK,
      ...(start === undefined ? {} : { startkey: start }),
      ...(range.end === undefined ? {} : { endkey: range.end }),
    });
    for (const row of page.rows) {
      // Each read starts at the last id looked at, which it returns again.
      if (row.id === position) continue;
      scanned += 1;
      const document = row.id.startsWith('_design/') || !row.doc ? null : accept(row.doc);
      if (document) {
        if (data.length === limit) return { data, resumeAfter: position ?? document.id };
        data.push(document);
      }
      position = row.id;
    }
    if (page.rows.length < LIST_CHUNK) return { data, resumeAfter: null };
  }
  return { data, resumeAfter: position };
}

async function scanIds<T extends { readonly id: string }>(
  store: CouchStore,
  collection: CollectionName,
  ids: readonly string[],
  after: string | null,
  limit: number,
  accept: (stored: StoredDoc) => T | null,
): Promise<Scanned<T>> {
  const remaining = [...new Set(ids)].filter((id) => after === null || id > after).sort();
  const data: T[] = [];
  let position = after;
  for (let offset = 0; offset < remaining.length && offset < MAX_SCANNED; offset += LIST_CHUNK) {
    const chunk = remaining.slice(offset, offset + LIST_CHUNK);
    const found = await store.getMany(collection, chunk);
    for (const id of chunk) {
      const stored = found.get(id);
      const document = stored ? accept(stored) : null;
      if (document) {
        if (data.length === limit) return { data, resumeAfter: position ?? id };
        data.push(document);
      }
      position = id;
    }
  }
  const isExhausted = remaining.length <= MAX_SCANNED;
  return { data, resumeAfter: isExhausted ? null : position };
}

/** What a write through the API answers: the resource as its writer now reads it. */
export type WriteAnswer<C extends CollectionName> = Outcome<DocumentOf<C>>;

/**
 * Creates a document through the one write path (`writeDocuments`), as `context.actor`. A document
 * of that id already there is a 409, unless it carries `writeId` (this very request, made before:
 * an idempotent repeat), which answers it as it is now.
 */
export async function createResource<C extends CollectionName>(
  context: V1Context,
  collection: C,
  document: Representation,
  writeId?: string,
): Promise<WriteAnswer<C>> {
  const stored = await context.store.get(collection, document.id);
  const scope = await context.readerScope();
  if (stored && !isTombstone(stored)) {
    if (writeId && hasWrite(stored, writeId)) return answerFor(context, collection, stored);
    const visible = wireForReader(context.actor, collection, stored, scope);
    return visible
      ? fail('conflict', 'already_exists', `This ${collection.slice(0, -1)} exists already.`)
      : fail('forbidden', 'forbidden_role', 'You may not create this document.');
  }
  const assumed = stored ? wireForReader(context.actor, collection, stored, scope) : null;
  const [outcome] = await writeDocuments(
    context.store,
    context.actor,
    collection,
    [{ document, assumed, ...(writeId ? { writeId } : {}) }],
    context.now,
  );
  if (!outcome || outcome.kind === 'unchanged') return readBack(context, collection, document.id);
  if (outcome.kind === 'refused') return refusalFailure(outcome.refusal);
  if (outcome.kind === 'conflict') {
    // Another request created it meanwhile: this one's own, repeated on another instance, or not.
    const current = await context.store.get(collection, document.id);
    if (current && writeId && hasWrite(current, writeId)) return answerFor(context, collection, current);
    return fail(
      'conflict',
      'already_exists',
      `This ${collection.slice(0, -1)} was just created by another request.`,
    );
  }
  return answerOf(collection, outcome.document);
}

/** What an update asks: the change, and the preconditions it is made under. */
export interface UpdateRequest<C extends CollectionName> {
  readonly collection: C;
  readonly id: string;
  /** The whole next document from the current one as the writer sees it, or why there is none. */
  readonly change: (current: DocumentOf<C>) => Outcome<Representation>;
  /** The `If-Match` header: the change is made only to that version. */
  readonly ifMatch?: string | undefined;
  /** This request's own write id (idempotent repeats recognise it). */
  readonly writeId?: string | undefined;
}

/** Without `If-Match`, a change that lost a race is made again on the new version this many times. */
const UPDATE_ATTEMPTS = 3;

/**
 * Changes a document through the one write path, as `context.actor`: read as they see it, changed,
 * judged and written with the version read as its assumed state, so a write that happened meanwhile
 * is never overwritten. With `If-Match`, a version other than the one named is a 412; without it, a
 * lost race is retried on the new version (whose rules then judge the change again).
 */
export async function updateResource<C extends CollectionName>(
  context: V1Context,
  request: UpdateRequest<C>,
): Promise<WriteAnswer<C>> {
  const { collection } = request;
  for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt += 1) {
    const read = await readResource(context, collection, request.id);
    if (!read.ok) return read;
    const { document: current, stored } = read.value;
    if (request.writeId && hasWrite(stored, request.writeId)) return succeed(current);
    if (request.ifMatch !== undefined) {
      const holds = ifMatchHolds(request.ifMatch, etagOf(current));
      if (!holds.ok) return holds;
      if (!holds.value) return staleVersion();
    }
    const next = request.change(current);
    if (!next.ok) return next;
    const [outcome] = await writeDocuments(
      context.store,
      context.actor,
      collection,
      [{ document: next.value, assumed: current, ...(request.writeId ? { writeId: request.writeId } : {}) }],
      context.now,
    );
    if (!outcome || outcome.kind === 'unchanged') return succeed(current);
    if (outcome.kind === 'refused') return refusalFailure(outcome.refusal);
    if (outcome.kind === 'written') return answerOf(collection, outcome.document);
    if (request.ifMatch !== undefined) return staleVersion();
  }
  return fail('conflict', 'conflict', 'The document kept changing while it was written; try again.');
}

function staleVersion(): Failure {
  return fail(
    'precondition_failed',
    'precondition_failed',
    'The document changed since the version named in If-Match; read it again.',
  );
}

function hasWrite(stored: StoredDoc, writeId: string): boolean {
  return stored.serverMeta?.writes?.some((write) => write.id === writeId) ?? false;
}

function answerOf<C extends CollectionName>(
  collection: C,
  wire: WireDocument<AnyDocument> | null,
): WriteAnswer<C> {
  const document = representationOf(collection, wire);
  return document ? succeed(document) : NOT_FOUND(collection);
}

async function answerFor<C extends CollectionName>(
  context: V1Context,
  collection: C,
  stored: StoredDoc,
): Promise<WriteAnswer<C>> {
  if (isTombstone(stored)) return NOT_FOUND(collection);
  return answerOf(collection, wireForReader(context.actor, collection, stored, await context.readerScope()));
}

async function readBack<C extends CollectionName>(
  context: V1Context,
  collection: C,
  id: string,
): Promise<WriteAnswer<C>> {
  const read = await readResource(context, collection, id);
  return read.ok ? succeed(read.value.document) : read;
}

import { jsonEqual } from '#shared/domain/common/equality';
import { refuse, type Refusal } from '#shared/domain/common/refusal';
import type { Actor } from '#shared/domain/common/roles';
import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import { validateAgainst } from '#shared/domain/common/validate';
import { decideWrite, type IncomingDocument } from '#shared/domain/decide/decide-write';
import { documentContent } from '#shared/domain/common/document-content';
import { restoreWithheld, type InterviewerScope } from '#shared/domain/decide/read-rules';
import { stampServerFields } from '#shared/domain/decide/stamp';
import { COLLECTION_SCHEMAS, type AnyDocument, type CollectionName } from '#shared/domain/collections';
import { isSameMasterState, masterContent } from '#shared/sync/master-state';
import type { PushRejection, PushResponse, PushRow, WireDocument } from '#shared/sync/protocol';
import { neutralTombstone } from '#shared/sync/removal';
import {
  isStorableId,
  isStoreUnavailable,
  type CouchStore,
  type StoredDoc,
  type WriteRecord,
} from '../../infra/couch-store';
import { contentOf, isTombstone, toStored } from '../../infra/stored-document';
import { recordAudit, type AuditEntry } from '../../services/audit-service';
import { candidateEmailCheck } from '../../services/email-holders';
import { loadInterviewerScope } from '../../services/interviewer-scope';
import { wireForReader } from './pull-service';
import { release, reserveMany } from '../../services/reservations';
import { randomId } from '../../services/tokens';
import { loadWriteContext, WriteContextCache } from '../../services/write-context';

/** An accepted row, waiting for the push's one bulk write. */
interface PendingWrite {
  readonly id: string;
  readonly doc: StoredDoc;
  readonly record: WriteRecord;
  /** The live content it replaces (null for a creation). */
  readonly before: AnyDocument | null;
  /** The live content it writes (null for a deletion). */
  readonly after: Readonly<Record<string, unknown>> | null;
}

/** What judging one row came to. */
type Verdict =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'conflict'; readonly master: WireDocument<AnyDocument> }
  | {
      readonly kind: 'refused';
      readonly refusal: Refusal;
      readonly master: WireDocument<AnyDocument> | null;
      readonly action: AuditEntry['action'];
    }
  | { readonly kind: 'write'; readonly write: PendingWrite };

/** Everything a push batch is judged against, read up front. */
interface BatchContext {
  readonly store: CouchStore;
  readonly actor: Actor;
  readonly collection: CollectionName;
  readonly stored: ReadonlyMap<string, StoredDoc>;
  readonly scope: InterviewerScope | null;
  readonly cache: WriteContextCache;
  readonly now: () => number;
}

/**
 * `POST /api/sync/{collection}/push` (SPEC §5). The whole batch is judged before anything is written:
 * each row's shape against the collection schema (every field), then a conflict check against the
 * server's current state (as this actor sees it), withheld fields restored, server fields stamped, and
 * the shared `decideWrite`. Candidate emails are reserved (the store's 409 decides races), then the
 * accepted rows are written in one `_bulk_docs`, each with the `_rev` it was read at (a lost race is a
 * conflict, never an overwrite) and its audit record inside it. What the client gets back for a row is
 * always the server's document or a neutral tombstone, never its own document.
 */
export async function pushDocuments(
  store: CouchStore,
  actor: Actor,
  collection: CollectionName,
  rows: readonly PushRow[],
  now: () => number,
): Promise<PushResponse<AnyDocument>> {
  const conflicts: WireDocument<AnyDocument>[] = [];
  const rejections: PushRejection[] = [];
  const refusedAudit: AuditEntry[] = [];
  const refuseRow = (
    id: string,
    refusal: Refusal,
    master: WireDocument<AnyDocument> | null,
    action: AuditEntry['action'],
  ) => {
    rejections.push({ id, code: refusal.code, message: refusal.message });
    conflicts.push(master ?? neutralTombstone(collection, id, now()));
    refusedAudit.push({
      at: now(),
      userId: actor.id,
      collection,
      docId: id,
      outcome: 'rejected',
      action,
      code: refusal.code,
      reason: refusal.message,
    });
  };

  const problems = rows.map((row) => shapeProblem(collection, row));
  const context = await readBatchContext(store, actor, collection, rows, problems, now);
  let writes: PendingWrite[] = [];
  for (const [index, row] of rows.entries()) {
    const problem = problems[index];
    const verdict: Verdict = problem
      ? {
          kind: 'refused',
          refusal: problem,
          master: visibleMaster(context, row.newDocumentState.id),
          action: 'update',
        }
      : await judgeRow(context, row);
    if (verdict.kind === 'conflict') conflicts.push(verdict.master);
    if (verdict.kind === 'refused') {
      refuseRow(row.newDocumentState.id, verdict.refusal, verdict.master, verdict.action);
    }
    if (verdict.kind === 'write') {
      writes.push(verdict.write);
      if (collection === 'candidates' && verdict.write.after) context.cache.claimEmail(verdict.write.after);
    }
  }
  if (collection === 'candidates') {
    const taken = await reserveCandidateEmails(store, writes, now());
    writes = writes.filter((write) => {
      if (!taken.has(write.id)) return true;
      refuseRow(
        write.id,
        refuse('duplicate_email'),
        visibleMaster(context, write.id),
        write.before ? 'update' : 'create',
      );
      return false;
    });
  }
  // Refusals are recorded before anything is written: if that fails, nothing of the push is stored.
  await recordAudit(store, refusedAudit);

  const stored = await writeAll(store, collection, writes);
  const lost = writes.filter((_write, index) => !stored[index]);
  conflicts.push(...(await currentFor(context, lost)));
  if (collection === 'candidates') await releaseCandidateEmails(store, writes, stored);
  return { conflicts, rejections };
}

/**
 * Why a row cannot even be judged: an id the store cannot hold, or a document that does not fit the
 * collection's schema (the message names the field). (An id pushed twice in one batch is judged twice;
 * the second write then loses the race to the first in the bulk write, a conflict.)
 */
function shapeProblem(collection: CollectionName, row: PushRow): Refusal | null {
  const sent = row.newDocumentState;
  if (!isStorableId(sent.id)) {
    return refuse('validation_failed', 'id: must be letters, digits, "-" or "_", and not start with "_".');
  }
  const shape = validateAgainst(
    COLLECTION_SCHEMAS[collection],
    documentContent(sent),
    collection.slice(0, -1),
  );
  return shape.ok ? null : shape;
}

/**
 * Reads what the batch is judged against: the stored version of every row (also of malformed ones,
 * whose answer is the server's version), and the linked documents of the well-formed ones.
 */
async function readBatchContext(
  store: CouchStore,
  actor: Actor,
  collection: CollectionName,
  rows: readonly PushRow[],
  problems: readonly (Refusal | null)[],
  now: () => number,
): Promise<BatchContext> {
  const sentDocs = rows.filter((_row, index) => !problems[index]).map((row) => row.newDocumentState);
  const [stored, scope] = await Promise.all([
    store.getMany(
      collection,
      rows.map((row) => row.newDocumentState.id),
    ),
    actor.role === 'interviewer' ? loadInterviewerScope(store, actor.id) : null,
  ]);
  const cache = new WriteContextCache(store);
  const isCreate = (doc: Readonly<Record<string, unknown>>): boolean => {
    const current = stored.get(String(doc['id']));
    return !current || isTombstone(current);
  };
  await cache.prefetch(collection, sentDocs, isCreate);
  return { store, actor, collection, stored, scope, cache, now };
}

/** The server's version of a row's document as the actor may see it, or null. */
function visibleMaster(context: BatchContext, id: string): WireDocument<AnyDocument> | null {
  const stored = context.stored.get(id);
  return stored ? wireForReader(context.actor, context.collection, stored, context.scope) : null;
}

/** Judges one shape-checked row against the server's current state and the shared rules. */
async function judgeRow(context: BatchContext, row: PushRow): Promise<Verdict> {
  const { store, actor, collection, scope, cache } = context;
  const sent = row.newDocumentState;
  const stored = context.stored.get(sent.id) ?? null;
  let master: WireDocument<AnyDocument> | null = null;
  if (stored) {
    master = wireForReader(actor, collection, stored, scope);
    if (!master)
      return {
        kind: 'refused',
        refusal: refuse('forbidden_role', 'You may not change this document.'),
        master: null,
        action: 'update',
      };
    if (!row.assumedMasterState || !isSameMasterState(row.assumedMasterState, master))
      return { kind: 'conflict', master };
  }
  const before = stored && !isTombstone(stored) ? contentOf(collection, stored) : null;
  const isDelete = sent['_deleted'] === true;
  const action: AuditEntry['action'] = isDelete ? 'delete' : before ? 'update' : 'create';
  if (isDelete && !before) return { kind: 'unchanged' };
  const restored = before
    ? restoreWithheld(actor, collection, before, documentContent(sent))
    : documentContent(sent);
  if (before && !isDelete && jsonEqual(masterContent(restored), masterContent(before)))
    return { kind: 'unchanged' };
  const incoming: IncomingDocument = isDelete ? { ...restored, _deleted: true } : restored;
  const time = context.now();
  const stamped = stampServerFields(collection, actor, before, incoming, time);
  const writeContext = await loadWriteContext(store, collection, stamped, time, before === null, cache);
  const decision = decideWrite(actor, collection, before, stamped, writeContext);
  if (!decision.ok) return { kind: 'refused', refusal: decision, master, action };
  const record: WriteRecord = { id: randomId('w', 9), at: time, userId: actor.id, action };
  const doc = isDelete
    ? toStored(collection, { ...before, updatedAt: time }, { previous: stored, deleted: true, write: record })
    : toStored(collection, stamped, { previous: stored, write: record });
  return { kind: 'write', write: { id: sent.id, doc, record, before, after: isDelete ? null : stamped } };
}

/**
 * Writes every accepted row in one `_bulk_docs`; answers, per write, whether it is stored. If the
 * store fails mid-request, each row's fate is read back (a stored row carries its write record), so
 * the answer is exact; if the store cannot even be read, the push fails as a whole (re-pushing it is
 * harmless: stored rows come back as the server's version, which equals the laptop's).
 */
async function writeAll(
  store: CouchStore,
  collection: CollectionName,
  writes: readonly PendingWrite[],
): Promise<boolean[]> {
  try {
    return (
      await store.putMany(
        collection,
        writes.map((write) => write.doc),
      )
    ).map((result) => result.ok);
  } catch (error) {
    if (!isStoreUnavailable(error)) throw error;
    const current = await store.getMany(
      collection,
      writes.map((write) => write.id),
    );
    return writes.map((write) => current.get(write.id)?.serverMeta?.writes?.at(-1)?.id === write.record.id);
  }
}

/** The server's current versions for `actor` of the rows that lost a race. */
async function currentFor(
  context: BatchContext,
  lost: readonly PendingWrite[],
): Promise<WireDocument<AnyDocument>[]> {
  if (lost.length === 0) return [];
  const { store, actor, collection, scope } = context;
  const current = await store.getMany(
    collection,
    lost.map((write) => write.id),
  );
  return lost.map((write) => {
    const stored = current.get(write.id);
    return (
      (stored ? wireForReader(actor, collection, stored, scope) : null) ??
      neutralTombstone(collection, write.id, context.now())
    );
  });
}

function emailOf(document: Readonly<Record<string, unknown>> | null): string | null {
  const email = document?.['email'];
  return typeof email === 'string' ? normalizeEmail(email) : null;
}

/** Reserves the emails that accepted candidate rows take; answers the ids whose email is someone else's. */
async function reserveCandidateEmails(
  store: CouchStore,
  writes: readonly PendingWrite[],
  now: number,
): Promise<Set<string>> {
  const claims = writes.flatMap((write) => {
    const email = emailOf(write.after);
    return email && email !== emailOf(write.before) ? [{ value: email, ownerId: write.id }] : [];
  });
  if (claims.length === 0) return new Set();
  const outcomes = await reserveMany(store, 'candidate-email', claims, candidateEmailCheck(store), now);
  return new Set(claims.filter((_claim, index) => !outcomes[index]?.ok).map((claim) => claim.ownerId));
}

/**
 * Gives up the old emails of accepted changes and deletions. Best effort, and only then: a reservation
 * left behind (by a crash, or by a row that lost its race, whose candidate may hold that email through
 * the winning write) is released by the next claim on that email, which finds its owner no longer
 * holds it.
 */
async function releaseCandidateEmails(
  store: CouchStore,
  writes: readonly PendingWrite[],
  stored: readonly boolean[],
): Promise<void> {
  const unused = writes.flatMap((write, index) => {
    const before = emailOf(write.before);
    return stored[index] && before && before !== emailOf(write.after)
      ? [{ email: before, ownerId: write.id }]
      : [];
  });
  await Promise.allSettled(
    unused.map(({ email, ownerId }) => release(store, 'candidate-email', email, ownerId)),
  );
}

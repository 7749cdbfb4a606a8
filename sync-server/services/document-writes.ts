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
import type { WireDocument } from '#shared/sync/protocol';
import {
  isStorableId,
  isStoreUnavailable,
  type CouchStore,
  type StoredDoc,
  type WriteRecord,
} from '../infra/couch-store';
import { contentOf, isTombstone, toStored } from '../infra/stored-document';
import { recordAudit, type AuditEntry } from './audit-service';
import { candidateEmailCheck } from './email-holders';
import { loadInterviewerScope } from './interviewer-scope';
import { wireForReader } from './reader-view';
import { release, reserveMany } from './reservations';
import { randomId } from './tokens';
import { isDocumentCompiled } from './compiled-schemas';
import { loadWriteContext, WriteContextCache } from './write-context';

/**
 * One document write to judge: the whole document as the writer wants it (with `_deleted` for a
 * deletion), and the server state the writer changed it from, as they saw it (none for a creation).
 */
export interface DocumentWrite {
  readonly document: Readonly<Record<string, unknown>> & { readonly id: string };
  readonly assumed?: Readonly<Record<string, unknown>> | null;
  /**
   * The id of the write record to store (unique per write; the audit entry and webhook events are
   * derived from it). Given by callers that must recognise their own write later (an idempotent API
   * request); random otherwise.
   */
  readonly writeId?: string;
}

/**
 * What became of one write: stored (with the document as the writer may now read it), nothing to
 * store (the same content), a conflict (the writer's assumed state is not the server's, or another
 * writer won the race; `current` is the server's version as they may see it, null if none), or
 * refused by a rule (with the server's version, null if none).
 */
export type WriteOutcome =
  | { readonly kind: 'written'; readonly document: WireDocument<AnyDocument> | null }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'conflict'; readonly current: WireDocument<AnyDocument> | null }
  | {
      readonly kind: 'refused';
      readonly refusal: Refusal;
      readonly current: WireDocument<AnyDocument> | null;
    };

/** An accepted write, waiting for the batch's one bulk write. */
interface PendingWrite {
  readonly index: number;
  readonly id: string;
  readonly doc: StoredDoc;
  readonly record: WriteRecord;
  /** The live content it replaces (null for a creation). */
  readonly before: AnyDocument | null;
  /** The live content it writes (null for a deletion). */
  readonly after: Readonly<Record<string, unknown>> | null;
}

/** What judging one write came to. */
type Verdict =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'conflict'; readonly master: WireDocument<AnyDocument> }
  | {
      readonly kind: 'refused';
      readonly refusal: Refusal;
      readonly master: WireDocument<AnyDocument> | null;
      readonly action: AuditEntry['action'];
    }
  | { readonly kind: 'write'; readonly write: Omit<PendingWrite, 'index'> };

/** Everything a batch is judged against, read up front. */
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
 * The one way a replicated document is written on someone's behalf (SPEC §3), whether it came by
 * replication (a push) or by the integration API. The whole batch is judged before anything is
 * written: each document's shape against the collection schema (every field), then a conflict check
 * against the server's current state (as this actor sees it), withheld fields restored, server fields
 * stamped, and the shared `decideWrite`. Candidate emails are reserved (the store's 409 decides
 * races), refusals are audited, then the accepted documents are written in one `_bulk_docs`, each
 * with the `_rev` it was read at (a lost race is a conflict, never an overwrite) and its audit record
 * inside it. A cut store connection mid-write is answered exactly (each write's fate is read back).
 * Answers one outcome per write, in order.
 */
export async function writeDocuments(
  store: CouchStore,
  actor: Actor,
  collection: CollectionName,
  writes: readonly DocumentWrite[],
  now: () => number,
): Promise<WriteOutcome[]> {
  const outcomes: (WriteOutcome | null)[] = writes.map(() => null);
  const refusedAudit: AuditEntry[] = [];
  const refuseWrite = (
    index: number,
    refusal: Refusal,
    current: WireDocument<AnyDocument> | null,
    action: AuditEntry['action'],
  ) => {
    outcomes[index] = { kind: 'refused', refusal, current };
    refusedAudit.push({
      at: now(),
      userId: actor.id,
      collection,
      docId: writes[index]?.document.id ?? '',
      outcome: 'rejected',
      action,
      code: refusal.code,
      reason: refusal.message,
    });
  };

  const problems = writes.map((write) => shapeProblem(collection, write.document));
  const context = await readBatchContext(store, actor, collection, writes, problems, now);
  let pending: PendingWrite[] = [];
  for (const [index, write] of writes.entries()) {
    const problem = problems[index];
    const verdict: Verdict = problem
      ? {
          kind: 'refused',
          refusal: problem,
          master: visibleMaster(context, write.document.id),
          action: 'update',
        }
      : await judgeWrite(context, write);
    if (verdict.kind === 'unchanged') outcomes[index] = { kind: 'unchanged' };
    if (verdict.kind === 'conflict') outcomes[index] = { kind: 'conflict', current: verdict.master };
    if (verdict.kind === 'refused') refuseWrite(index, verdict.refusal, verdict.master, verdict.action);
    if (verdict.kind === 'write') {
      pending.push({ ...verdict.write, index });
      if (collection === 'candidates' && verdict.write.after) context.cache.claimEmail(verdict.write.after);
    }
  }
  if (collection === 'candidates') {
    const taken = await reserveCandidateEmails(store, pending, now());
    pending = pending.filter((write) => {
      if (!taken.has(write.id)) return true;
      refuseWrite(
        write.index,
        refuse('duplicate_email'),
        visibleMaster(context, write.id),
        write.before ? 'update' : 'create',
      );
      return false;
    });
  }
  // Refusals are recorded before anything is written: if that fails, nothing of the batch is stored.
  await recordAudit(store, refusedAudit);

  const stored = await writeAll(store, collection, pending);
  const lost = pending.filter((_write, index) => !stored[index]);
  const current = await currentFor(context, lost);
  pending.forEach((write, index) => {
    const rev = stored[index];
    outcomes[write.index] = rev
      ? {
          kind: 'written',
          document: wireForReader(actor, collection, { ...write.doc, _rev: rev }, context.scope),
        }
      : { kind: 'conflict', current: current.get(write.id) ?? null };
  });
  if (collection === 'candidates') await releaseCandidateEmails(store, pending, stored);
  return outcomes.map((outcome) => outcome ?? { kind: 'unchanged' });
}

/**
 * Why a document cannot even be judged: an id the store cannot hold, or a document that does not fit
 * the collection's schema (the message names the field). (An id written twice in one batch is judged
 * twice; the second write then loses the race to the first in the bulk write, a conflict.)
 */
function shapeProblem(collection: CollectionName, sent: DocumentWrite['document']): Refusal | null {
  if (!isStorableId(sent.id)) {
    return refuse('validation_failed', 'id: must be letters, digits, "-" or "_", and not start with "_".');
  }
  const content = documentContent(sent);
  // The compiled check of the same schema answers a well-formed row (most of them) in a fraction of
  // the interpreter's time; the interpreter names the field of a malformed one.
  if (isDocumentCompiled(collection, content)) return null;
  const shape = validateAgainst(COLLECTION_SCHEMAS[collection], content, collection.slice(0, -1));
  return shape.ok ? null : shape;
}

/**
 * Reads what the batch is judged against: the stored version of every document (also of malformed
 * ones, whose answer is the server's version), and the linked documents of the well-formed ones.
 */
async function readBatchContext(
  store: CouchStore,
  actor: Actor,
  collection: CollectionName,
  writes: readonly DocumentWrite[],
  problems: readonly (Refusal | null)[],
  now: () => number,
): Promise<BatchContext> {
  const sentDocs = writes.filter((_write, index) => !problems[index]).map((write) => write.document);
  const storedRead = store.getMany(
    collection,
    writes.map((write) => write.document.id),
  );
  const isCreate = storedRead.then((stored) => (doc: Readonly<Record<string, unknown>>) => {
    const current = stored.get(String(doc['id']));
    return !current || isTombstone(current);
  });
  // A failed read is answered through `storedRead`; this copy only must not go unhandled.
  isCreate.catch(() => undefined);
  const cache = new WriteContextCache(store);
  const [stored, scope] = await Promise.all([
    storedRead,
    actor.role === 'interviewer' ? loadInterviewerScope(store, actor.id) : null,
    cache.prefetch(collection, sentDocs, isCreate),
  ]);
  return { store, actor, collection, stored, scope, cache, now };
}

/** The server's version of a document as the actor may see it, or null. */
function visibleMaster(context: BatchContext, id: string): WireDocument<AnyDocument> | null {
  const stored = context.stored.get(id);
  return stored ? wireForReader(context.actor, context.collection, stored, context.scope) : null;
}

/** Judges one shape-checked write against the server's current state and the shared rules. */
async function judgeWrite(context: BatchContext, write: DocumentWrite): Promise<Verdict> {
  const { store, actor, collection, scope, cache } = context;
  const sent = write.document;
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
    if (!write.assumed || !isSameMasterState(write.assumed, master)) return { kind: 'conflict', master };
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
  const decision = decideWrite(actor, collection, before, stamped, writeContext, isDocumentCompiled);
  if (!decision.ok) return { kind: 'refused', refusal: decision, master, action };
  const record: WriteRecord = { id: write.writeId ?? randomId('w', 9), at: time, userId: actor.id, action };
  const doc = isDelete
    ? toStored(collection, { ...before, updatedAt: time }, { previous: stored, deleted: true, write: record })
    : toStored(collection, stamped, { previous: stored, write: record });
  return { kind: 'write', write: { id: sent.id, doc, record, before, after: isDelete ? null : stamped } };
}

/**
 * Writes every accepted document in one `_bulk_docs`; answers, per write, its new revision or null
 * when it is not stored. If the store fails mid-request, each write's fate is read back (a stored
 * document carries its write record), so the answer is exact; if the store cannot even be read, the
 * batch fails as a whole (writing it again is harmless: stored writes come back as the server's
 * version, which equals the writer's).
 */
async function writeAll(
  store: CouchStore,
  collection: CollectionName,
  writes: readonly PendingWrite[],
): Promise<(string | null)[]> {
  try {
    return (
      await store.putMany(
        collection,
        writes.map((write) => write.doc),
      )
    ).map((result) => (result.ok ? result.rev : null));
  } catch (error) {
    if (!isStoreUnavailable(error)) throw error;
    const current = await store.getMany(
      collection,
      writes.map((write) => write.id),
    );
    return writes.map((write) => {
      const found = current.get(write.id);
      return found?.serverMeta?.writes?.at(-1)?.id === write.record.id ? (found._rev ?? null) : null;
    });
  }
}

/** The server's current versions for `actor` of the writes that lost a race, by id. */
async function currentFor(
  context: BatchContext,
  lost: readonly PendingWrite[],
): Promise<Map<string, WireDocument<AnyDocument> | null>> {
  const answer = new Map<string, WireDocument<AnyDocument> | null>();
  if (lost.length === 0) return answer;
  const { store, actor, collection, scope } = context;
  const current = await store.getMany(
    collection,
    lost.map((write) => write.id),
  );
  for (const write of lost) {
    const stored = current.get(write.id);
    answer.set(write.id, stored ? wireForReader(actor, collection, stored, scope) : null);
  }
  return answer;
}

function emailOf(document: Readonly<Record<string, unknown>> | null): string | null {
  const email = document?.['email'];
  return typeof email === 'string' ? normalizeEmail(email) : null;
}

/** Reserves the emails that accepted candidate writes take; answers the ids whose email is someone else's. */
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
 * left behind (by a crash, or by a write that lost its race, whose candidate may hold that email
 * through the winning write) is released by the next claim on that email, which finds its owner no
 * longer holds it.
 */
async function releaseCandidateEmails(
  store: CouchStore,
  writes: readonly PendingWrite[],
  stored: readonly (string | null)[],
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

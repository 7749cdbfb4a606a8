import { jsonEqual } from '../../shared/domain/common/equality';
import { refuse, type Refusal } from '../../shared/domain/common/refusal';
import type { Actor } from '../../shared/domain/common/roles';
import {
  decideWrite,
  documentContent,
  type IncomingDocument,
} from '../../shared/domain/permissions/decide-write';
import { restoreWithheld, type InterviewerScope } from '../../shared/domain/permissions/read-rules';
import { stampServerFields } from '../../shared/domain/permissions/stamp';
import type { AnyDocument, CollectionName } from '../../shared/sync/collections';
import { isSameMasterState, masterContent, tombstoneOf } from '../../shared/sync/master-state';
import type { PushRejection, PushResponse, WireDocument } from '../../shared/sync/protocol';
import { isStorableId, type CouchStore, type StoredDoc } from '../store/couch-store';
import { contentOf, isTombstone, toStored } from '../store/stored-document';
import { recordAudit, type AuditEntry } from './audit-service';
import { loadInterviewerScope } from './interviewer-scope';
import { wireForReader } from './pull-service';
import { loadWriteContext, WriteContextCache } from './write-context';

/** One pushed row as it arrives (shape checked by the route; content judged here). */
export interface IncomingPushRow {
  assumedMasterState?: Record<string, unknown> | null;
  newDocumentState: Record<string, unknown> & { id: string };
}

/**
 * A refused document that never existed on the server goes back deleted, so the laptop converges.
 * It is the client's own document, so it is only as valid as the client made it.
 */
function echoTombstone(sent: Readonly<Record<string, unknown>>): WireDocument<AnyDocument> {
  return tombstoneOf(sent) as WireDocument<AnyDocument>;
}

/** An accepted row, waiting for the push's one bulk write. */
interface PendingWrite {
  readonly id: string;
  readonly doc: StoredDoc;
  readonly sent: Readonly<Record<string, unknown>>;
  readonly entry: AuditEntry;
}

/**
 * `POST /api/sync/{collection}/push` (SPEC §5). Each row: conflict check against the server's
 * current state (as this actor sees it), withheld fields restored, server fields stamped, then the
 * shared `decideWrite`. The batch's documents and what they are judged against are read up front, and
 * accepted rows are written together with the `_rev` each was read at, so a lost race is a conflict,
 * never an overwrite. Every accepted and refused write is audited.
 */
export async function pushDocuments(
  store: CouchStore,
  actor: Actor,
  collection: CollectionName,
  rows: readonly IncomingPushRow[],
  now: () => number,
): Promise<PushResponse<AnyDocument>> {
  const conflicts: WireDocument<AnyDocument>[] = [];
  const rejections: PushRejection[] = [];
  const audit: AuditEntry[] = [];
  const writes: PendingWrite[] = [];
  const contextCache = new WriteContextCache(store);
  const sentDocs = rows.map((row) => row.newDocumentState);
  const [storedById, scope] = await Promise.all([
    store.getMany(
      collection,
      sentDocs.map((doc) => doc.id),
    ),
    actor.role === 'interviewer' ? loadInterviewerScope(store, actor.id) : null,
  ]);
  const isCreate = (doc: Readonly<Record<string, unknown>>): boolean => {
    const stored = storedById.get(String(doc['id']));
    return !stored || isTombstone(stored);
  };
  await contextCache.prefetch(collection, sentDocs, isCreate);

  for (const row of rows) {
    const sent = row.newDocumentState;
    const id = sent.id;
    const reject = (
      refusal: Refusal,
      master: WireDocument<AnyDocument> | null,
      action: AuditEntry['action'],
    ): void => {
      rejections.push({ id, code: refusal.code, message: refusal.message });
      conflicts.push(master ?? echoTombstone(sent));
      audit.push({
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
    if (!isStorableId(id)) {
      reject(
        refuse('validation_failed', 'id: must be letters, digits, "-" or "_", and not start with "_".'),
        null,
        'create',
      );
      continue;
    }
    const stored = storedById.get(id) ?? null;
    let master: WireDocument<AnyDocument> | null = null;
    if (stored) {
      master = wireForReader(actor, collection, stored, scope);
      if (!master) {
        reject(refuse('forbidden_role', 'You may not change this document.'), null, 'update');
        continue;
      }
      if (!row.assumedMasterState || !isSameMasterState(row.assumedMasterState, master)) {
        conflicts.push(master);
        continue;
      }
    }
    const before = stored && !isTombstone(stored) ? contentOf(collection, stored) : null;
    const isDelete = sent['_deleted'] === true;
    const action: AuditEntry['action'] = isDelete ? 'delete' : before ? 'update' : 'create';
    if (isDelete && !before) continue;
    const restored = before
      ? restoreWithheld(actor, collection, before, documentContent(sent))
      : documentContent(sent);
    if (before && !isDelete && jsonEqual(masterContent(restored), masterContent(before))) {
      continue;
    }
    const incoming: IncomingDocument = isDelete ? { ...restored, _deleted: true } : restored;
    const time = now();
    const stamped = stampServerFields(collection, actor, before, incoming, time);
    const context = await loadWriteContext(store, collection, stamped, time, before === null, contextCache);
    const decision = decideWrite(actor, collection, before, stamped, context);
    if (!decision.ok) {
      reject(decision, master, action);
      continue;
    }
    if (collection === 'candidates' && !isDelete) contextCache.claimEmail(stamped);
    writes.push({
      id,
      sent,
      doc: isDelete
        ? toStored(collection, { ...before, updatedAt: time }, { rev: stored?._rev, deleted: true })
        : toStored(collection, stamped, { rev: stored?._rev }),
      entry: { at: time, userId: actor.id, collection, docId: id, outcome: 'accepted', action },
    });
  }

  const results = await store.putMany(
    collection,
    writes.map((write) => write.doc),
  );
  const lost = writes.filter((write, index) => {
    if (results[index]?.ok) audit.push(write.entry);
    return !results[index]?.ok;
  });
  conflicts.push(...(await currentFor(store, actor, collection, lost, scope)));
  await recordAudit(store, audit);
  return { conflicts, rejections };
}

/** The server's current versions for `actor` of the rows that lost a race. */
async function currentFor(
  store: CouchStore,
  actor: Actor,
  collection: CollectionName,
  lost: readonly PendingWrite[],
  scope: InterviewerScope | null,
): Promise<WireDocument<AnyDocument>[]> {
  if (lost.length === 0) return [];
  const current = await store.getMany(
    collection,
    lost.map((write) => write.id),
  );
  return lost.map((write) => {
    const stored = current.get(write.id);
    return (stored ? wireForReader(actor, collection, stored, scope) : null) ?? echoTombstone(write.sent);
  });
}

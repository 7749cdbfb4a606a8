import type { Actor } from '#shared/domain/common/roles';
import type { AnyDocument, CollectionName } from '#shared/domain/collections';
import type { PushRejection, PushResponse, PushRow, WireDocument } from '#shared/sync/protocol';
import { neutralTombstone } from '#shared/sync/removal';
import type { CouchStore } from '../../infra/couch-store';
import { writeDocuments } from '../../services/document-writes';

/**
 * `POST /api/sync/{collection}/push` (SPEC §5): the RxDB protocol's side of the one write path
 * (`writeDocuments`, shared with the integration API). Each row is a write of its new document
 * state from its assumed master state. A conflict answers the server's document; a refusal answers
 * a rejection and the server's document (or a neutral tombstone if there is none the actor may
 * see), so the laptop converges. What the client gets back for a row is never its own document.
 */
export async function pushDocuments(
  store: CouchStore,
  actor: Actor,
  collection: CollectionName,
  rows: readonly PushRow[],
  now: () => number,
): Promise<PushResponse<AnyDocument>> {
  const outcomes = await writeDocuments(
    store,
    actor,
    collection,
    rows.map((row) => ({ document: row.newDocumentState, assumed: row.assumedMasterState ?? null })),
    now,
  );
  const conflicts: WireDocument<AnyDocument>[] = [];
  const rejections: PushRejection[] = [];
  outcomes.forEach((outcome, index) => {
    const id = rows[index]?.newDocumentState.id ?? '';
    if (outcome.kind === 'refused') {
      rejections.push({ id, code: outcome.refusal.code, message: outcome.refusal.message });
    }
    if (outcome.kind === 'refused' || outcome.kind === 'conflict') {
      conflicts.push(outcome.current ?? neutralTombstone(collection, id, now()));
    }
  });
  return { conflicts, rejections };
}

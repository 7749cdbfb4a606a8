import type { Actor } from '#shared/domain/common/roles';
import { canRead, redactForReader, type InterviewerScope } from '#shared/domain/decide/read-rules';
import type { AnyDocument, CollectionName } from '#shared/domain/collections';
import type { WireDocument } from '#shared/sync/protocol';
import type { StoredDoc } from '../infra/couch-store';
import { contentOf, isTombstone, toWire } from '../infra/stored-document';

/**
 * The wire form of a stored document for `actor` (SPEC §3, "Who may read what"), or null when they
 * may not read it: interviewers need their `scope`, and get applications without offers and others'
 * scorecards withheld until their own is in. Pulls, pushes and the integration API all answer with it.
 */
export function wireForReader(
  actor: Actor,
  collection: CollectionName,
  stored: StoredDoc,
  scope: InterviewerScope | null,
): WireDocument<AnyDocument> | null {
  const content = contentOf(collection, stored);
  if (!canRead(actor, collection, content, scope)) return null;
  return toWire(redactForReader(actor, collection, content), isTombstone(stored));
}

import { normalizeEmail } from '../../shared/domain/common/schema-helpers';
import { documentContent } from '../../shared/domain/permissions/decide-write';
import type { AnyDocument, CollectionName, DocumentOf } from '../../shared/sync/collections';
import type { WireDocument } from '../../shared/sync/protocol';
import type { StoredDoc } from './couch-store';

/** Whether a stored document is a tombstone. */
export function isTombstone(stored: StoredDoc): boolean {
  return stored.serverMeta?.deleted === true;
}

/**
 * The collection document inside a stored one: CouchDB's `_id`/`_rev` and the server's own fields
 * removed. The store only ever holds documents the shared rules accepted, hence the type.
 */
export function contentOf<C extends CollectionName>(_collection: C, stored: StoredDoc): DocumentOf<C> {
  const { _id: _ignoredId, _rev: _ignoredRev, serverMeta: _ignoredMeta, ...content } = stored;
  delete content['_attachments'];
  return content as unknown as DocumentOf<C>;
}

/** The live (not deleted) content of a stored document, or null. */
export function liveContentOf<C extends CollectionName>(
  collection: C,
  stored: StoredDoc | null,
): DocumentOf<C> | null {
  return stored && !isTombstone(stored) ? contentOf(collection, stored) : null;
}

/** A document on the wire (SPEC §5): its content plus `_deleted`; tombstones carry the full last body. */
export function toWire<T extends AnyDocument>(content: T, deleted: boolean): WireDocument<T> {
  return { ...content, _deleted: deleted };
}

/** The stored form of `content` with `_rev` to write over (if any). */
export function toStored(
  collection: CollectionName,
  content: Record<string, unknown>,
  options: { rev?: string; deleted?: boolean },
): StoredDoc {
  const body = documentContent(content);
  const id = String(body['id']);
  const serverMeta: StoredDoc['serverMeta'] = {};
  if (options.deleted) serverMeta.deleted = true;
  if ((collection === 'users' || collection === 'candidates') && typeof body['email'] === 'string') {
    serverMeta.emailKey = normalizeEmail(body['email']);
  }
  return { ...body, _id: id, ...(options.rev ? { _rev: options.rev } : {}), serverMeta };
}

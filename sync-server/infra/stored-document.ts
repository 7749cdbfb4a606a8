import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import { documentContent } from '#shared/domain/common/document-content';
import type { AnyDocument, CollectionName, DocumentOf } from '#shared/domain/collections';
import type { WireDocument } from '#shared/sync/protocol';
import { neutralTombstone } from '#shared/sync/removal';
import type { ServerMeta, StoredDoc, WriteRecord } from './couch-store';

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

/** How many accepted writes a stored document remembers (the audit log is projected from them). */
export const WRITES_KEPT = 50;

/** What `toStored` needs beyond the content. */
export interface StoreOptions {
  /** The `_rev` to write over (defaults to `previous._rev`). */
  readonly rev?: string | undefined;
  /** Store a tombstone: the content is replaced by neutral values (nothing personal is kept). */
  readonly deleted?: boolean;
  /** The stored version this write replaces: its write records and first-stored time carry over. */
  readonly previous?: StoredDoc | null;
  /** The accepted write this is, recorded in the document itself (the audit is derived from it). */
  readonly write?: WriteRecord;
}

/** A document on the wire (SPEC §5): its content plus `_deleted`; tombstones carry the full last body. */
export function toWire<T extends AnyDocument>(content: T, deleted: boolean): WireDocument<T> {
  return { ...content, _deleted: deleted };
}

/**
 * The stored form of `content`. A write carries its audit record in the document it writes (the
 * last `WRITES_KEPT` of them), so no accepted write can be stored without it, whatever dies when.
 * A tombstone keeps only neutral values: the pulls send it as it is.
 */
export function toStored(
  collection: CollectionName,
  content: Readonly<Record<string, unknown>>,
  options: StoreOptions = {},
): StoredDoc {
  const id = String(content['id']);
  const body = options.deleted
    ? documentContent(neutralTombstone(collection, id, Number(content['updatedAt']) || 0))
    : documentContent(content);
  const previousMeta = options.previous?.serverMeta;
  const writes = [...(previousMeta?.writes ?? []), ...(options.write ? [options.write] : [])].slice(
    -WRITES_KEPT,
  );
  const firstStoredAt = previousMeta?.firstStoredAt ?? (options.previous ? undefined : options.write?.at);
  const serverMeta: ServerMeta = {
    ...(options.deleted ? { deleted: true } : {}),
    ...(writes.length > 0 ? { writes } : {}),
    ...(firstStoredAt === undefined ? {} : { firstStoredAt }),
  };
  if ((collection === 'users' || collection === 'candidates') && typeof body['email'] === 'string') {
    serverMeta.emailKey = normalizeEmail(body['email']);
  }
  const rev = options.rev ?? options.previous?._rev;
  return { ...body, _id: id, ...(rev ? { _rev: rev } : {}), serverMeta };
}

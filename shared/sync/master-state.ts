import { jsonEqual } from '../domain/common/equality';
import { documentContent } from '../domain/common/document-content';
import type { WireDocument } from './protocol';

/**
 * A document's content as far as replication conflicts go: its own fields without bookkeeping and
 * without `updatedAt`, which is the server's stamp rather than anything a person changed.
 */
export function masterContent(document: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { updatedAt: _updatedAt, ...content } = documentContent(document);
  return content;
}

/**
 * Whether a client's assumed master state is the server's current one (SPEC §5): same deletion
 * flag, same content. The server uses it to detect conflicts; the app uses it to tell a real
 * conflict from its own accepted write coming back.
 */
export function isSameMasterState(
  assumed: Readonly<Record<string, unknown>>,
  master: Readonly<Record<string, unknown>>,
): boolean {
  return (
    (assumed['_deleted'] === true) === (master['_deleted'] === true) &&
    jsonEqual(masterContent(assumed), masterContent(master))
  );
}

/** A tombstone that carries the whole last document: RxDB refuses a bare `{id, _deleted}`. */
export function tombstoneOf<T extends object>(document: T): WireDocument<T> {
  return { ...(documentContent(document as Readonly<Record<string, unknown>>) as T), _deleted: true };
}

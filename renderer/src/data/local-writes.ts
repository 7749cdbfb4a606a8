import type { Decision } from '#shared/domain/common/refusal';
import type { Actor } from '#shared/domain/common/roles';
import { decideWrite } from '#shared/domain/decide/decide-write';
import type { CollectionDocuments, CollectionName } from '#shared/domain/collections';
import type { ShortlistDatabase } from './database';
import { markPending } from './pending-changes';
import { buildWriteContext } from './write-context';

type WritableCollection = Exclude<CollectionName, 'users'>;

/**
 * Judges a write with the shared rules before it is made, against the local database: the app
 * explains what the server would refuse before the person tries.
 */
export async function decideLocalWrite<C extends WritableCollection>(
  db: ShortlistDatabase,
  actor: Actor,
  collection: C,
  before: CollectionDocuments[C] | null,
  after: CollectionDocuments[C],
): Promise<Decision> {
  const context = await buildWriteContext(db, collection, after);
  return decideWrite(actor, collection, before, { ...after }, context);
}

/**
 * Checks and saves a document locally; replication pushes it. Marked pending until the server
 * accepts it. Returns the refusal instead of writing when the shared rules say no.
 */
export async function saveDocument<C extends WritableCollection>(
  db: ShortlistDatabase,
  actor: Actor,
  collection: C,
  before: CollectionDocuments[C] | null,
  after: CollectionDocuments[C],
): Promise<Decision> {
  const decision = await decideLocalWrite(db, actor, collection, before, after);
  if (!decision.ok) return decision;
  const target = db[collection] as unknown as { upsert(document: CollectionDocuments[C]): Promise<unknown> };
  await target.upsert(after);
  await markPending(db, collection, after.id);
  return decision;
}

/** A new document id: URL-safe, unique enough for offline creation on many laptops. */
export function newDocumentId(prefix: string): string {
  const random = crypto.getRandomValues(new Uint8Array(9));
  const suffix = [...random].map((byte) => byte.toString(36).padStart(2, '0')).join('').slice(0, 14);
  return `${prefix}-${Date.now().toString(36)}${suffix}`;
}

import { COLLECTIONS } from '#shared/domain/collections';
import { jsonEqual } from '#shared/domain/common/equality';
import type { CouchStore, StoredDoc } from '../infra/couch-store';
import { isTombstone, toStored } from '../infra/stored-document';
import { reserveStoredEmails } from './email-holders';

/** One change to the data of stores made by earlier versions, run once per store. */
interface StoreMigration {
  readonly name: string;
  run(store: CouchStore, now: number): Promise<void>;
}

/**
 * Tombstones of documents deleted before deletions stored neutral values kept their whole last body:
 * they are rewritten neutral, and the databases compacted so the old bodies are gone for real.
 */
async function scrubTombstones(store: CouchStore): Promise<void> {
  for (const collection of COLLECTIONS) {
    const rewritten: StoredDoc[] = [];
    for await (const doc of store.all(collection)) {
      if (!isTombstone(doc)) continue;
      const neutral = toStored(
        collection,
        { id: doc._id, updatedAt: doc['updatedAt'] },
        { previous: doc, deleted: true },
      );
      const { _rev: _a, ...before } = doc;
      const { _rev: _b, ...after } = neutral;
      if (!jsonEqual(before, after)) rewritten.push(neutral);
    }
    if (rewritten.length === 0) continue;
    await store.putMany(collection, rewritten);
    await store.compact(collection);
  }
}

const MIGRATIONS: readonly StoreMigration[] = [
  // Emails became unique through reservations: reserve those of documents stored before.
  { name: 'reserve-stored-emails', run: reserveStoredEmails },
  { name: 'scrub-tombstones', run: scrubTombstones },
];

/**
 * Runs the migrations a store has not had yet, each marked done in the `scopes` database. Safe with
 * several instances starting at once: every migration is idempotent, so running one twice is harmless.
 */
export async function migrateStore(store: CouchStore, now: number): Promise<void> {
  for (const migration of MIGRATIONS) {
    const marker = `migration-${migration.name}`;
    if (await store.get('scopes', marker)) continue;
    await migration.run(store, now);
    await store.put('scopes', { _id: marker, doneAt: now });
  }
}

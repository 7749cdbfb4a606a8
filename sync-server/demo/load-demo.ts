import { COLLECTIONS, type CollectionName } from '#shared/domain/collections';
import type { CouchStore } from '../infra/couch-store';
import { toStored } from '../infra/stored-document';
import { reserveStoredEmails } from '../services/email-holders';
import { hashPassword } from '../services/user-service';
import { buildDemoOrganisation, DEMO_PASSWORD, type DemoOrganisation } from './demo-organisation';

/**
 * Whether no replicated collection holds a document yet (design documents do not count, nor the
 * settings every organisation is given when its store is made).
 */
export async function isStoreEmpty(store: CouchStore): Promise<boolean> {
  for (const collection of COLLECTIONS.filter((name) => name !== 'settings')) {
    for await (const _doc of store.all(collection, 1)) return false;
  }
  return true;
}

/**
 * Loads the demo organisation of SPEC §8 into an empty store: its documents (stamped `updatedAt`)
 * and an argon2id credential of `DEMO_PASSWORD` for every account. Answers whether it loaded anything.
 */
export async function loadDemoIfEmpty(store: CouchStore, now: number): Promise<boolean> {
  if (!(await isStoreEmpty(store))) return false;
  const organisation: DemoOrganisation = buildDemoOrganisation(now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await store.db('credentials').bulk({
    docs: organisation.users.map((user) => ({ _id: user.id, passwordHash })),
  });
  for (const collection of COLLECTIONS) {
    const documents: readonly { readonly id: string }[] = organisation[collection satisfies CollectionName];
    const existing = await store.getMany(
      collection,
      documents.map((document) => document.id),
    );
    // The settings may exist already (every store gets its own): the demo's replace them.
    const docs = documents.map((document) =>
      toStored(collection, { ...document, updatedAt: now }, { previous: existing.get(document.id) ?? null }),
    );
    await store.db(collection).bulk({ docs });
  }
  await reserveStoredEmails(store, now);
  return true;
}

export { DEMO_PASSWORD };

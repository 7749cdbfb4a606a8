import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import type { CouchStore } from '../infra/couch-store';
import { isTombstone } from '../infra/stored-document';
import { reservationOwners, reserveMany, type OwnerCheck } from './reservations';

/**
 * Whether candidate `ownerId` still uses the email its reservation is for, read by id (never through
 * an index that may lag a write): a deleted or erased candidate, or one whose email changed, has
 * released it; one not stored yet may still be on its way.
 */
export function candidateEmailCheck(store: CouchStore): OwnerCheck {
  return async (ownerId, value) => {
    const doc = await store.get('candidates', ownerId);
    if (!doc) return 'pending';
    if (isTombstone(doc) || doc['erasedAt'] !== undefined) return 'released';
    return doc.serverMeta?.emailKey === normalizeEmail(value) ? 'holds' : 'released';
  };
}

/** Whether user `ownerId` still has the email its account reservation is for (read by id). */
export function accountEmailCheck(store: CouchStore): OwnerCheck {
  return async (ownerId, value) => {
    const doc = await store.get('users', ownerId);
    if (!doc) return 'pending';
    if (isTombstone(doc)) return 'released';
    return doc.serverMeta?.emailKey === normalizeEmail(value) ? 'holds' : 'released';
  };
}

/**
 * Reserves the emails of every stored candidate and account (documents written in bulk, without
 * going through the rules: the demo organisation, a store made before reservations existed).
 * Where two stored documents share an email, the first keeps it.
 */
export async function reserveStoredEmails(store: CouchStore, now: number): Promise<void> {
  for (const [collection, kind, check] of [
    ['candidates', 'candidate-email', candidateEmailCheck(store)],
    ['users', 'account-email', accountEmailCheck(store)],
  ] as const) {
    let claims: { value: string; ownerId: string }[] = [];
    const flush = async (): Promise<void> => {
      if (claims.length > 0) await reserveMany(store, kind, claims, check, now);
      claims = [];
    };
    for await (const doc of store.all(collection)) {
      const email = doc.serverMeta?.emailKey;
      if (email && !isTombstone(doc)) claims.push({ value: email, ownerId: doc._id });
      if (claims.length >= 500) await flush();
    }
    await flush();
  }
}

/**
 * The candidates that hold these emails now (by normalized email; emails nobody holds are absent):
 * the reservation names the owner, and the owner is read by id to confirm it.
 */
export async function candidatesUsingEmails(
  store: CouchStore,
  emails: readonly string[],
): Promise<Map<string, string>> {
  const owners = await reservationOwners(store, 'candidate-email', emails.map(normalizeEmail));
  const check = candidateEmailCheck(store);
  const holders = new Map<string, string>();
  await Promise.all(
    [...owners].map(async ([email, ownerId]) => {
      if ((await check(ownerId, email)) === 'holds') holders.set(email, ownerId);
    }),
  );
  return holders;
}

import { createHash } from 'node:crypto';
import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import type { CouchStore, StoredDoc } from '../infra/couch-store';

/**
 * Values that must be unique: a candidate's email within an organisation, an account's email within
 * its organisation's store (`account-email`) and, in the platform store, within the deployment
 * (`deployment-email`, naming the organisation too) (SPEC §2, §4, §10).
 */
export type ReservationKind = 'candidate-email' | 'account-email' | 'deployment-email';

/**
 * A claim on a unique value, stored under an id derived from the value, so the store's 409 decides
 * between concurrent writers on any server instance (a query-then-write cannot). The value itself is
 * not stored (only its hash is in the id), so an erased person leaves no address behind here.
 */
export interface ReservationDoc extends StoredDoc {
  readonly kind: ReservationKind;
  /** The id of the document that holds the value (a candidate, a user). */
  readonly ownerId: string;
  /** When it was taken, in ms: an owner that never got written is stale only after a grace period. */
  readonly reservedAt: number;
}

/** How long a reservation whose owner document does not exist yet is held for its writer. */
export const RESERVATION_GRACE_MS = 60_000;

/**
 * Whether the owner named by `value`'s reservation still holds it: answers `'holds'`, `'released'`
 * (the owner is gone or uses another value), or `'pending'` (the owner is not written yet).
 */
export type OwnerCheck = (ownerId: string, value: string) => Promise<'holds' | 'released' | 'pending'>;

/**
 * What reserving answered: taken for `ownerId`, or held by someone else (`heldBy` null: still contended
 * after a few rounds of races; the caller refuses and the client tries again).
 */
export type ReserveOutcome = { readonly ok: true } | { readonly ok: false; readonly heldBy: string | null };

/** The id of the reservation of `value` (emails are compared normalized). */
export function reservationId(kind: ReservationKind, value: string): string {
  const digest = createHash('sha256').update(normalizeEmail(value)).digest('hex').slice(0, 40);
  return `${kind}-${digest}`;
}

function isReservation(doc: StoredDoc | null): doc is ReservationDoc {
  return doc !== null && typeof doc['ownerId'] === 'string' && typeof doc['kind'] === 'string';
}

/** The owner id of `value`'s reservation, or null when nobody holds one (it may be stale: check it). */
export async function reservationOwner(
  store: CouchStore,
  kind: ReservationKind,
  value: string,
): Promise<string | null> {
  const doc = await store.get('reservations', reservationId(kind, value));
  return isReservation(doc) ? doc.ownerId : null;
}

/** The owners of many values' reservations, by value (values without one are absent). */
export async function reservationOwners(
  store: CouchStore,
  kind: ReservationKind,
  values: readonly string[],
): Promise<Map<string, string>> {
  const ids = new Map(values.map((value) => [reservationId(kind, value), value]));
  const found = await store.getMany('reservations', [...ids.keys()]);
  const owners = new Map<string, string>();
  for (const [id, doc] of found) {
    const value = ids.get(id);
    if (value !== undefined && isReservation(doc)) owners.set(value, doc.ownerId);
  }
  return owners;
}

/**
 * Reserves `value` for `ownerId`. A reservation the owner already holds is kept; one whose owner has
 * released it (deleted, erased, or changed to another value without releasing, e.g. after a crash) is
 * taken over with its `_rev`, so of two writers taking it over only one wins.
 */
export async function reserve(
  store: CouchStore,
  kind: ReservationKind,
  value: string,
  ownerId: string,
  checkOwner: OwnerCheck,
  now: number,
): Promise<ReserveOutcome> {
  const [outcome] = await reserveMany(store, kind, [{ value, ownerId }], checkOwner, now);
  return outcome ?? { ok: false, heldBy: null };
}

/** `reserve` for many values at once: one bulk write, then per lost race one look at the holder. */
export async function reserveMany(
  store: CouchStore,
  kind: ReservationKind,
  claims: readonly { readonly value: string; readonly ownerId: string }[],
  checkOwner: OwnerCheck,
  now: number,
): Promise<ReserveOutcome[]> {
  const outcomes: (ReserveOutcome | null)[] = claims.map(() => null);
  let pending = claims.map((claim, index) => ({ ...claim, index, rev: undefined as string | undefined }));
  // Each round either settles a claim or takes over a stale holder; a few rounds cover every race.
  for (let round = 0; round < 4 && pending.length > 0; round += 1) {
    const docs: ReservationDoc[] = pending.map((claim) => ({
      _id: reservationId(kind, claim.value),
      ...(claim.rev ? { _rev: claim.rev } : {}),
      kind,
      ownerId: claim.ownerId,
      reservedAt: now,
    }));
    const written = await store.putMany('reservations', docs);
    const lost = pending.filter((claim, index) => {
      if (written[index]?.ok) outcomes[claim.index] = { ok: true };
      return !written[index]?.ok;
    });
    const holders = await store.getMany(
      'reservations',
      lost.map((claim) => reservationId(kind, claim.value)),
    );
    const retry: typeof pending = [];
    for (const claim of lost) {
      const holder = holders.get(reservationId(kind, claim.value)) ?? null;
      if (!isReservation(holder)) {
        retry.push({ ...claim, rev: holder?._rev });
        continue;
      }
      if (holder.ownerId === claim.ownerId) {
        outcomes[claim.index] = { ok: true };
        continue;
      }
      const state = await checkOwner(holder.ownerId, claim.value);
      const isStale =
        state === 'released' || (state === 'pending' && now - holder.reservedAt > RESERVATION_GRACE_MS);
      if (isStale) retry.push({ ...claim, rev: holder._rev });
      else outcomes[claim.index] = { ok: false, heldBy: holder.ownerId };
    }
    pending = retry;
  }
  return outcomes.map((outcome) => outcome ?? { ok: false, heldBy: null });
}

/** Gives `value` up if `ownerId` holds it (after an email change, a failed write, or an erasure). */
export async function release(
  store: CouchStore,
  kind: ReservationKind,
  value: string,
  ownerId: string,
): Promise<void> {
  const id = reservationId(kind, value);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const doc = await store.get('reservations', id);
    if (!isReservation(doc) || doc.ownerId !== ownerId || !doc._rev) return;
    if ((await store.remove('reservations', id, doc._rev)).ok) return;
  }
}

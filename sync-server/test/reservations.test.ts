import { describe, expect, it } from 'vitest';
import { CouchStore } from '../infra/couch-store';
import {
  release,
  reservationId,
  reservationOwner,
  reserve,
  reserveMany,
  RESERVATION_GRACE_MS,
  type OwnerCheck,
} from '../services/reservations';
import { useSchemaStore } from './support/test-server';

const getStore = useSchemaStore();
const holds: OwnerCheck = () => Promise.resolve('holds');

describe('reservations of unique values', () => {
  it('of eight concurrent claims on one email (mixed case), exactly one wins', async () => {
    const store = getStore();
    const spellings = ['Ada@Example.org', 'ada@example.org', 'ADA@EXAMPLE.ORG', ' ada@example.org '];
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        reserve(store, 'candidate-email', spellings[index % 4] ?? '', `cand-${index}`, holds, Date.now()),
      ),
    );
    const winners = outcomes.filter((outcome) => outcome.ok);
    expect(winners).toHaveLength(1);
    const owner = await reservationOwner(store, 'candidate-email', 'ada@example.org');
    expect(owner).toMatch(/^cand-\d$/);
    for (const outcome of outcomes) if (!outcome.ok) expect(outcome.heldBy).toBe(owner);
  });

  it('is held by two CouchStores on one database as by one (instances share nothing else)', async () => {
    const first = getStore();
    const second = new CouchStore(first.url, first.prefix);
    const outcomes = await Promise.all([
      reserve(first, 'account-email', 'grace@example.org', 'u-1', holds, Date.now()),
      reserve(second, 'account-email', 'grace@example.org', 'u-2', holds, Date.now()),
    ]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
  });

  it('keeps a reservation its owner already holds, and refuses it to others', async () => {
    const store = getStore();
    expect(await reserve(store, 'candidate-email', 'lin@example.org', 'c-lin', holds, Date.now())).toEqual({
      ok: true,
    });
    expect(await reserve(store, 'candidate-email', 'LIN@example.org', 'c-lin', holds, Date.now())).toEqual({
      ok: true,
    });
    expect(await reserve(store, 'candidate-email', 'lin@example.org', 'c-other', holds, Date.now())).toEqual({
      ok: false,
      heldBy: 'c-lin',
    });
  });

  it('takes over a reservation whose owner released the value, and one never written after the grace', async () => {
    const store = getStore();
    const now = Date.now();
    await reserve(store, 'candidate-email', 'moved@example.org', 'c-moved', holds, now);
    const released: OwnerCheck = (ownerId) => Promise.resolve(ownerId === 'c-moved' ? 'released' : 'holds');
    expect(await reserve(store, 'candidate-email', 'moved@example.org', 'c-new', released, now)).toEqual({
      ok: true,
    });

    await reserve(store, 'candidate-email', 'crashed@example.org', 'c-crashed', holds, now);
    const pending: OwnerCheck = () => Promise.resolve('pending');
    expect(
      await reserve(store, 'candidate-email', 'crashed@example.org', 'c-2', pending, now + 1_000),
    ).toEqual({ ok: false, heldBy: 'c-crashed' });
    expect(
      await reserve(
        store,
        'candidate-email',
        'crashed@example.org',
        'c-2',
        pending,
        now + RESERVATION_GRACE_MS + 1,
      ),
    ).toEqual({ ok: true });
  });

  it('reserves many in one go, each judged on its own', async () => {
    const store = getStore();
    await reserve(store, 'candidate-email', 'taken@example.org', 'c-taken', holds, Date.now());
    const outcomes = await reserveMany(
      store,
      'candidate-email',
      [
        { value: 'free-1@example.org', ownerId: 'c-a' },
        { value: 'taken@example.org', ownerId: 'c-b' },
        { value: 'free-2@example.org', ownerId: 'c-c' },
      ],
      holds,
      Date.now(),
    );
    expect(outcomes).toEqual([{ ok: true }, { ok: false, heldBy: 'c-taken' }, { ok: true }]);
  });

  it('releases only for its owner, and stores no address', async () => {
    const store = getStore();
    await reserve(store, 'candidate-email', 'private@example.org', 'c-private', holds, Date.now());
    const doc = await store.get('reservations', reservationId('candidate-email', 'private@example.org'));
    expect(JSON.stringify(doc)).not.toContain('private@');
    await release(store, 'candidate-email', 'private@example.org', 'c-someone-else');
    expect(await reservationOwner(store, 'candidate-email', 'private@example.org')).toBe('c-private');
    await release(store, 'candidate-email', 'private@example.org', 'c-private');
    expect(await reservationOwner(store, 'candidate-email', 'private@example.org')).toBeNull();
  });
});

import { COLLECTIONS } from '#shared/domain/collections';
import type { CouchStore, StoredDoc } from '../../sync-server/infra/couch-store';
import { toStored } from '../../sync-server/infra/stored-document';
import { DEMO_PASSWORD } from '../../sync-server/demo/load-demo';
import { hashPassword } from '../../sync-server/services/user-service';
import type { Organisation } from '../generate/organisation-generator';

/** Every generated staff account signs in with the demo password (SPEC §8). */
export const BENCH_PASSWORD = DEMO_PASSWORD;

/** Documents per `_bulk_docs` request while seeding. */
const SEED_CHUNK = 2_000;

/** What seeding wrote, and how long it took. */
export interface SeedReport {
  readonly documents: number;
  readonly ms: number;
}

/**
 * Writes `organisation` straight into the store's databases with `_bulk_docs`, in the server's stored
 * format (`toStored`, as the demo loader does), plus an argon2id credential of `BENCH_PASSWORD` for
 * every staff account (one hash shared, as the demo loader does). Throws if any row is refused.
 */
export async function seedOrganisation(store: CouchStore, organisation: Organisation): Promise<SeedReport> {
  const started = performance.now();
  await seedCredentials(store, organisation);
  let documents = 0;
  for (const collection of COLLECTIONS) {
    const content: readonly object[] = organisation[collection];
    const docs = content.map((document) => toStored(collection, { ...document }, {}));
    await bulkWrite(store, collection, docs);
    documents += docs.length;
  }
  return { documents, ms: performance.now() - started };
}

/**
 * Only the staff (users and their credentials) and the first `candidates` candidates: for benchmarks
 * that need people signed in and something to change, not the organisation's data.
 */
export async function seedStaff(
  store: CouchStore,
  organisation: Organisation,
  candidates = 20,
): Promise<void> {
  await seedCredentials(store, organisation);
  await bulkWrite(
    store,
    'users',
    organisation.users.map((user) => toStored('users', { ...user }, {})),
  );
  await bulkWrite(
    store,
    'candidates',
    organisation.candidates
      .slice(0, candidates)
      .map((candidate) => toStored('candidates', { ...candidate }, {})),
  );
}

/** An argon2id credential of `BENCH_PASSWORD` for every staff account (one hash shared, as the demo loader does). */
async function seedCredentials(store: CouchStore, organisation: Organisation): Promise<void> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await bulkWrite(
    store,
    'credentials',
    organisation.users.map((user) => ({ _id: user.id, passwordHash })),
  );
}

/** `_bulk_docs` of `docs` in chunks; throws on the first refused row. Returns each written id's new `_rev`. */
export async function bulkWrite(
  store: CouchStore,
  database: Parameters<CouchStore['db']>[0],
  docs: readonly StoredDoc[],
  chunkSize = SEED_CHUNK,
): Promise<Map<string, string>> {
  const revs = new Map<string, string>();
  for (let start = 0; start < docs.length; start += chunkSize) {
    const chunk = docs.slice(start, start + chunkSize);
    const response = await store.db(database).bulk({ docs: [...chunk] });
    for (const row of response) {
      if (row.error || !row.rev)
        throw new Error(
          `_bulk_docs into ${database} refused ${row.id}: ${row.error ?? 'no rev'} ${row.reason ?? ''}`,
        );
      revs.set(row.id, row.rev);
    }
  }
  return revs;
}

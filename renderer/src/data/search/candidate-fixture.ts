import { createRxDatabase, type RxCollection, type RxJsonSchema, type RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import { toRxJsonSchema } from '#shared/sync/rx-schemas';

/** A valid candidate for tests: Ada Lovelace from LinkedIn, with `overrides`. */
export function candidate(id: string, overrides: Partial<Candidate> = {}): Candidate {
  return {
    id,
    updatedAt: 1,
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: `${id}@example.com`,
    skills: [],
    source: 'linkedin',
    tags: [],
    createdBy: 'u1',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const removers: (() => Promise<unknown>)[] = [];
let databases = 0;

/** An empty candidates collection in a database of its own, on `storage` (RxDB's memory storage unless told). */
export async function candidateCollection(
  storage: RxStorage<unknown, unknown> = getRxStorageMemory(),
): Promise<RxCollection<Candidate>> {
  databases += 1;
  const db = await createRxDatabase<{ candidates: RxCollection<Candidate> }>({
    name: `candidates-${databases}-${Date.now()}`,
    storage,
  });
  removers.push(() => db.remove());
  // Version 0: this store starts empty, so no migration plugin is needed.
  const schema = { ...toRxJsonSchema('candidates'), version: 0 } as RxJsonSchema<Candidate>;
  const { candidates } = await db.addCollections({ candidates: { schema } });
  return candidates;
}

/** Removes every database `candidateCollection` made (call after each test). */
export async function removeCandidateCollections(): Promise<void> {
  await Promise.all(removers.splice(0).map((remove) => remove()));
}

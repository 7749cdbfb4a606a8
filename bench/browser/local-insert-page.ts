/**
 * Runs inside the app's page (bundled by `page-bundle.ts`): the baseline of P2. Generates the same
 * organisation as the server holds (same scale, seed and time), then bulk-inserts it into a fresh RxDB
 * database on the app's storage (Dexie/IndexedDB) with the app's collection schemas, no network.
 */
import { addRxPlugin, createRxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { COLLECTIONS } from '#shared/domain/collections';
import { SCHEMA_VERSIONS, toRxJsonSchema } from '#shared/sync/rx-schemas';
import { generateOrganisation, type GeneratorOptions } from '../generate/organisation-generator';

/** What the page answers: total and per-collection insert times. */
export interface LocalInsertResult {
  readonly documents: number;
  readonly ms: number;
  readonly perCollection: Readonly<Record<string, { readonly documents: number; readonly ms: number }>>;
}

// Collections past version 0 need the migration plugin and a strategy per version, as in the app.
// The database is new, so no strategy ever runs: each keeps the document as it is.
addRxPlugin(RxDBMigrationSchemaPlugin);
const keep = (doc: unknown): unknown => doc;
const strategiesUpTo = (version: number) =>
  Object.fromEntries(Array.from({ length: version }, (_, index) => [index + 1, keep]));

/** Documents per `bulkInsert`, as a fast local import would write them. */
const CHUNK = 1_000;

async function insertLocally(options: GeneratorOptions): Promise<LocalInsertResult> {
  const organisation = generateOrganisation(options);
  const db = await createRxDatabase({
    name: `bench_local_${Date.now().toString(36)}`,
    storage: getRxStorageDexie(),
    multiInstance: false,
  });
  try {
    const collections = await db.addCollections(
      Object.fromEntries(
        COLLECTIONS.map((name) => [
          name,
          {
            schema: toRxJsonSchema(name) as RxJsonSchema<unknown>,
            migrationStrategies: strategiesUpTo(SCHEMA_VERSIONS[name]),
          },
        ]),
      ),
    );
    const perCollection: Record<string, { documents: number; ms: number }> = {};
    const started = performance.now();
    let documents = 0;
    for (const name of COLLECTIONS) {
      const collection = collections[name];
      if (!collection) throw new Error(`collection ${name} was not created`);
      const docs: readonly object[] = organisation[name];
      const collectionStarted = performance.now();
      for (let start = 0; start < docs.length; start += CHUNK) {
        const result = await collection.bulkInsert(docs.slice(start, start + CHUNK));
        if (result.error.length > 0)
          throw new Error(`bulkInsert into ${name} failed: ${JSON.stringify(result.error[0])}`);
      }
      perCollection[name] = { documents: docs.length, ms: performance.now() - collectionStarted };
      documents += docs.length;
    }
    return { documents, ms: performance.now() - started, perCollection };
  } finally {
    await db.remove();
  }
}

Object.assign(window, { shortlistBenchLocalInsert: insertLocally });

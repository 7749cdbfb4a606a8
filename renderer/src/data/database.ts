import {
  addRxPlugin,
  createRxDatabase,
  removeRxDatabase,
  type RxCollection,
  type RxConflictHandler,
  type RxDatabase,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { withBulkReads } from './bulk-read-storage';
import { withNewestChangeCheckpoints } from './change-checkpoint-storage';
import { COLLECTIONS, type CollectionDocuments, type CollectionName } from '#shared/domain/collections';
import { toRxJsonSchema } from '#shared/sync/rx-schemas';
import { databaseNameFor } from './database-name';
import { removeFileStore } from './files/file-store';
import { hashForRxdb } from './hash';
import {
  LOCAL_CHANGE_MIGRATIONS,
  pendingChangeSchema,
  refusedChangeSchema,
  scorecardDraftMigrations,
  scorecardDraftSchema,
  syncMetaSchema,
  type PendingChange,
  type RefusedChange,
  type ScorecardDraft,
  type SyncMeta,
} from './local-schemas';
import { MIGRATION_STRATEGIES } from './migrations';

addRxPlugin(RxDBLeaderElectionPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

/** The replicated collections, typed by their shared document types. */
export type ReplicatedCollections = { [C in CollectionName]: RxCollection<CollectionDocuments[C]> };

export interface LocalCollections {
  refused: RxCollection<RefusedChange>;
  pending: RxCollection<PendingChange>;
  syncmeta: RxCollection<SyncMeta>;
  scorecarddrafts: RxCollection<ScorecardDraft>;
}

export type ShortlistCollections = ReplicatedCollections & LocalCollections;
export type ShortlistDatabase = RxDatabase<ShortlistCollections>;

/** Builds the conflict handler of a replicated collection; given once the database exists. */
export type ConflictHandlerFactory = <C extends CollectionName>(
  collection: C,
) => RxConflictHandler<CollectionDocuments[C]>;

/**
 * Queries read with `getAll` rather than RxDB's row-by-row cursor (`bulk-read-storage.ts`); change
 * events name their write's newest row (`change-checkpoint-storage.ts`).
 */
const storage = withNewestChangeCheckpoints(withBulkReads(getRxStorageDexie()));
let storageReady: Promise<RxStorage<unknown, unknown>> | null = null;

/**
 * Dexie storage; in development with RxDB's dev-mode checks and schema validation (ajv compiles
 * with `eval`, which the production Content Security Policy forbids, so production goes without:
 * every write is checked by the shared rules first, and by the server).
 */
function localStorage(): Promise<RxStorage<unknown, unknown>> {
  if (!import.meta.env.DEV) return Promise.resolve(storage);
  storageReady ??= Promise.all([import('rxdb/plugins/dev-mode'), import('rxdb/plugins/validate-ajv')]).then(
    ([{ RxDBDevModePlugin }, { wrappedValidateAjvStorage }]) => {
      addRxPlugin(RxDBDevModePlugin);
      return wrappedValidateAjvStorage({ storage });
    },
  );
  return storageReady;
}

/** Whether this device holds the local database `localDataId` (IndexedDB names of the Dexie storage). */
export async function hasShortlistDatabase(localDataId: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false;
  const prefix = `rxdb-dexie-${databaseNameFor(localDataId)}--`;
  const databases = await indexedDB.databases().catch(() => []);
  return databases.some((database) => database.name?.startsWith(prefix) === true);
}

/** Opens (or creates) the local database `localDataId` with every collection and its migrations. */
export async function openShortlistDatabase(
  localDataId: string,
  conflictHandlerFor: ConflictHandlerFactory,
): Promise<ShortlistDatabase> {
  const db = await createRxDatabase<ShortlistCollections>({
    name: databaseNameFor(localDataId),
    storage: await localStorage(),
    multiInstance: true,
    closeDuplicates: true,
    hashFunction: hashForRxdb,
  });
  const replicated = Object.fromEntries(
    COLLECTIONS.map((name) => [
      name,
      {
        schema: toRxJsonSchema(name) as unknown as RxJsonSchema<CollectionDocuments[typeof name]>,
        migrationStrategies: MIGRATION_STRATEGIES[name],
        conflictHandler: conflictHandlerFor(name),
      },
    ]),
  );
  await db.addCollections({
    ...replicated,
    refused: { schema: refusedChangeSchema, migrationStrategies: LOCAL_CHANGE_MIGRATIONS },
    pending: { schema: pendingChangeSchema, migrationStrategies: LOCAL_CHANGE_MIGRATIONS },
    syncmeta: { schema: syncMetaSchema },
    scorecarddrafts: { schema: scorecardDraftSchema, migrationStrategies: scorecardDraftMigrations },
  });
  return db;
}

/** Deletes the local database `localDataId` and its files (sign-out with "remove local data", or a remote wipe). */
export async function removeShortlistDatabase(localDataId: string): Promise<void> {
  await Promise.all([removeRxDatabase(databaseNameFor(localDataId), storage, true), removeFileStore(localDataId)]);
}

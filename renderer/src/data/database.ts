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
import { COLLECTIONS, type CollectionDocuments, type CollectionName } from '#shared/domain/collections';
import { toRxJsonSchema } from '#shared/sync/rx-schemas';
import { databaseNameFor } from './database-name';
import { removeFileStore } from './files/file-store';
import { hashForRxdb } from './hash';
import {
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

const storage = getRxStorageDexie();
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

/** Opens (or creates) `userId`'s local database with every collection and its migrations. */
export async function openShortlistDatabase(
  userId: string,
  conflictHandlerFor: ConflictHandlerFactory,
): Promise<ShortlistDatabase> {
  const db = await createRxDatabase<ShortlistCollections>({
    name: databaseNameFor(userId),
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
    refused: { schema: refusedChangeSchema },
    pending: { schema: pendingChangeSchema },
    syncmeta: { schema: syncMetaSchema },
    scorecarddrafts: { schema: scorecardDraftSchema, migrationStrategies: scorecardDraftMigrations },
  });
  return db;
}

/** Deletes `userId`'s local database (sign-out with "remove local data", or a remote wipe). */
export async function removeShortlistDatabase(userId: string): Promise<void> {
  await Promise.all([removeRxDatabase(databaseNameFor(userId), storage, true), removeFileStore(userId)]);
}

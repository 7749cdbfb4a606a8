import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';
import type { Actor } from '#shared/domain/common/roles';
import type { CollectionDocuments, CollectionName } from '#shared/domain/collections';
import type { ShortlistDatabase } from '../database';
import { clearPending } from '../pending-changes';
import { recordRefusal } from '../refused-changes';
import { buildWriteContext } from '../write-context';
import {
  CONFLICT_MESSAGE,
  isSameDocumentState,
  resolveConflict,
  type ConflictInput,
  type ReplicatedDocument,
} from './conflict-resolution';

/**
 * What the conflict handlers of one database share with its replication: the database itself (set
 * once open), who is signed in, the documents whose last push the server refused (their server
 * version wins without a second entry in the refused list), and the documents whose unsent change
 * was undone on this device (the version they were changed from stands).
 */
export interface ConflictRuntime {
  db: ShortlistDatabase | null;
  readonly getActor: () => Actor | null;
  readonly refusedKeys: Set<string>;
  readonly undoneKeys: Set<string>;
}

export function refusedKey(collection: CollectionName, documentId: string): string {
  return `${collection}:${documentId}`;
}

function asReplicated(document: object): ReplicatedDocument {
  return document as ReplicatedDocument;
}

function replicatedInput(input: RxConflictHandlerInput<object>): ConflictInput {
  return {
    assumedMasterState: input.assumedMasterState ? asReplicated(input.assumedMasterState) : undefined,
    realMasterState: asReplicated(input.realMasterState),
    newDocumentState: asReplicated(input.newDocumentState),
  };
}

/** The RxDB conflict handler of `collection`, deciding with the shared rules (`resolveConflict`). */
export function createConflictHandler<C extends CollectionName>(
  collection: C,
  runtime: ConflictRuntime,
): RxConflictHandler<CollectionDocuments[C]> {
  type Doc = WithDeleted<CollectionDocuments[C]>;
  return {
    isEqual: (a, b) => isSameDocumentState(asReplicated(a), asReplicated(b)),
    resolve: async (input) => {
      const theirs = input.realMasterState;
      const mine = asReplicated(input.newDocumentState);
      const documentId = String(mine['id']);
      const { db } = runtime;
      const actor = runtime.getActor();
      const key = refusedKey(collection, documentId);
      if (!db) return theirs;
      if (runtime.refusedKeys.delete(key) || runtime.undoneKeys.delete(key)) {
        await clearPending(db, collection, documentId);
        return theirs;
      }
      const outcome = actor
        ? resolveConflict(collection, replicatedInput(input), actor, await buildWriteContext(db, collection, mine))
        : // Nobody to judge for (signed out meanwhile): keep the person's version rather than guess.
          ({ kind: 'server_wins', keepsOwnVersion: true } as const);
      if (outcome.kind === 'merged') return outcome.document as object as Doc;
      if (outcome.kind === 'server_wins' && outcome.keepsOwnVersion) {
        await recordRefusal(db, { collection, documentId, code: 'conflict', message: CONFLICT_MESSAGE, ownVersion: mine });
      }
      await clearPending(db, collection, documentId);
      return theirs;
    },
  };
}

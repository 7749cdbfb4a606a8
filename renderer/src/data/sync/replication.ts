import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxCollection, RxReplicationPullStreamItem, RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import type { Subject } from 'rxjs';
import { documentContent } from '#shared/domain/common/document-content';
import type { CollectionDocuments, CollectionName } from '#shared/domain/collections';
import {
  API_PATHS,
  MAX_PULL_LIMIT,
  MAX_PUSH_ROWS,
  type PullResponse,
  type PushResponse,
  type PushRow,
  type SyncCheckpoint,
} from '#shared/sync/protocol';
import { authorizedJson } from '../api-client';
import { ApiError } from '../session/auth-api';
import { refusedKey, type ConflictRuntime } from '../conflicts/conflict-handler';
import { isSameDocumentState } from '../conflicts/conflict-resolution';
import type { ShortlistDatabase } from '../database';
import { clearPending } from '../pending-changes';
import { recordRefusal } from '../refused-changes';

export type CollectionReplication = RxReplicationState<CollectionDocuments[CollectionName], SyncCheckpoint>;
export type PullStream = Subject<RxReplicationPullStreamItem<CollectionDocuments[CollectionName], SyncCheckpoint>>;


function onWire(document: { id: string; _deleted?: boolean }): PushRow['newDocumentState'] {
  return { ...documentContent(document), id: document.id, _deleted: Boolean(document._deleted) };
}

/**
 * Told of every pull: answered (`ok`), answered with an error (`refused`: the server is there), or
 * not answered at all (`unreachable`: no network, or no server).
 */
export type PullObserver = (outcome: 'ok' | 'refused' | 'unreachable') => void;

/** Told the server's word on about how many documents of the collection the reader holds. */
export type EstimateObserver = (estimatedTotal: number) => void;

/**
 * Replicates one collection over SPEC §5 with RxDB's generic replication. Only the leading window
 * replicates (`waitForLeadership`); the others see the results through the shared database.
 */
export function replicateCollection(
  db: ShortlistDatabase,
  collection: CollectionName,
  runtime: ConflictRuntime,
  stream$: PullStream,
  serverUrl: string,
  onPull: PullObserver,
  onEstimate: EstimateObserver,
): CollectionReplication {
  type Doc = CollectionDocuments[CollectionName];
  return replicateRxCollection<Doc, SyncCheckpoint>({
    replicationIdentifier: `shortlist-${collection}-${serverUrl}`,
    collection: db[collection] as RxCollection<Doc>,
    live: true,
    retryTime: 5_000,
    waitForLeadership: true,
    // The sync engine starts it once this window leads and the session may sync.
    autoStart: false,
    pull: {
      batchSize: MAX_PULL_LIMIT,
      stream$: stream$.asObservable(),
      handler: async (checkpoint, batchSize) => {
        const query = new URLSearchParams({ limit: String(batchSize) });
        if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
        let response: PullResponse<Doc>;
        try {
          response = await authorizedJson<PullResponse<Doc>>(`${API_PATHS.pull(collection)}?${query.toString()}`);
        } catch (error) {
          onPull(error instanceof ApiError ? 'refused' : 'unreachable');
          throw error;
        }
        onPull('ok');
        if (response.estimatedTotal !== undefined) onEstimate(response.estimatedTotal);
        return { documents: response.documents, checkpoint: response.checkpoint ?? checkpoint };
      },
    },
    push:
      collection === 'users'
        ? undefined
        : {
            // The server's largest: on a window's start RxDB re-reads, a batch at a time, every local
            // document changed since its last upstream checkpoint (after a first sync, all of them),
            // so 50 a batch made a second window's start take minutes at SPEC §9 scale.
            batchSize: MAX_PUSH_ROWS,
            handler: async (rowsTaken) => {
              const pushedAt = Date.now();
              const { rows, undone } = await withoutUndone(db[collection] as RxCollection<Doc>, rowsTaken);
              // Marked only when the answer goes back to RxDB: a push that fails is retried and
              // re-reads the rows, and a stale mark would let a later real conflict pass unjudged.
              const answer = (conflicts: WithDeleted<Doc>[]): WithDeleted<Doc>[] => {
                for (const document of undone) runtime.undoneKeys.add(refusedKey(collection, document.id));
                return [...conflicts, ...undone];
              };
              if (rows.length === 0) return answer([]);
              const body: PushRow[] = rows.map((row) => ({
                ...(row.assumedMasterState ? { assumedMasterState: onWire(row.assumedMasterState) } : {}),
                newDocumentState: onWire(row.newDocumentState),
              }));
              const response = await authorizedJson<PushResponse<Doc>>(API_PATHS.push(collection), {
                method: 'POST',
                body: JSON.stringify(body),
              });
              await settlePush(db, collection, runtime, body, response, pushedAt);
              return answer(response.conflicts);
            },
          },
  });
}

/**
 * Leaves out the rows whose change was undone on this device since RxDB took them: the document is
 * back to the state the server has. RxDB retries a failed push with the rows it took, so without this
 * an offline change undone later would still reach the server on reconnect. Each undone row is
 * answered with the server's state as a conflict, which its conflict handler lets stand.
 */
async function withoutUndone<Doc extends { id: string }>(
  collection: RxCollection<Doc>,
  rows: readonly RxReplicationWriteToMasterRow<Doc>[],
): Promise<{ rows: RxReplicationWriteToMasterRow<Doc>[]; undone: WithDeleted<Doc>[] }> {
  const current = await collection.storageInstance.findDocumentsById(
    rows.map((row) => row.newDocumentState.id),
    true,
  );
  const currentById = new Map(current.map((document) => [document.id, document]));
  const kept: RxReplicationWriteToMasterRow<Doc>[] = [];
  const undone: WithDeleted<Doc>[] = [];
  for (const row of rows) {
    const now = currentById.get(row.newDocumentState.id);
    const master = row.assumedMasterState;
    if (master && now && isSameDocumentState(now, master)) undone.push(master);
    else kept.push(row);
  }
  return { rows: kept, undone };
}

/** Refused rows go to the refused list (their server version wins); accepted rows are no longer pending. */
async function settlePush(
  db: ShortlistDatabase,
  collection: CollectionName,
  runtime: ConflictRuntime,
  rows: readonly PushRow[],
  response: PushResponse<{ id: string }>,
  pushedAt: number,
): Promise<void> {
  const rowsById = new Map(rows.map((row) => [String(row.newDocumentState['id']), row]));
  const refusedIds = new Set<string>();
  for (const rejection of response.rejections) {
    if (rejection.code === 'conflict') continue;
    const row = rowsById.get(rejection.id);
    refusedIds.add(rejection.id);
    runtime.refusedKeys.add(refusedKey(collection, rejection.id));
    await recordRefusal(db, {
      collection,
      documentId: rejection.id,
      code: rejection.code,
      message: rejection.message,
      ownVersion: row?.newDocumentState ?? { id: rejection.id },
    });
    await clearPending(db, collection, rejection.id);
  }
  const conflictIds = new Set(response.conflicts.map((document) => document.id));
  for (const id of rowsById.keys()) {
    if (!conflictIds.has(id) && !refusedIds.has(id)) await clearPending(db, collection, id, pushedAt);
  }
}

import { map } from 'rxjs';
import { getPrimaryFieldOfPrimaryKey, type RxStorage, type RxStorageDefaultCheckpoint } from 'rxdb';
import { withPatchedInstances } from './patched-storage';

interface StoredRow {
  readonly _meta: { readonly lwt: number };
}

/**
 * The newest row of a write in the store's own order of changes (`_meta.lwt`, then the primary key,
 * as RxDB's "changed since" reads them); null for an empty write.
 */
export function newestCheckpoint(
  events: readonly { readonly documentData: StoredRow }[],
  primaryKeyOf: (document: StoredRow) => string,
): RxStorageDefaultCheckpoint | null {
  let newest: RxStorageDefaultCheckpoint | null = null;
  for (const event of events) {
    const lwt = event.documentData._meta.lwt;
    const id = primaryKeyOf(event.documentData);
    if (!newest || lwt > newest.lwt || (lwt === newest.lwt && id > newest.id)) newest = { id, lwt };
  }
  return newest;
}

/**
 * Makes each change event's checkpoint the newest row of its write in the store's order. RxDB's
 * Dexie storage names the write's last row in the order given, and the rows of one write share their
 * `lwt`, so a pulled page of 2,000 left the upstream replication's checkpoint in the middle of the
 * page: each window that opened after a sync re-read and re-compared the page's later rows (888
 * applications and 888 candidates at P4's start) while the board was loading.
 */
export function withNewestChangeCheckpoints<Internals, Options>(
  storage: RxStorage<Internals, Options>,
): RxStorage<Internals, Options> {
  return withPatchedInstances(storage, (instance, params) => {
    const primaryPath = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey);
    const primaryKeyOf = (document: StoredRow): string => String(Reflect.get(document, primaryPath));
    const changeStream = instance.changeStream.bind(instance);
    instance.changeStream = () =>
      changeStream().pipe(
        map((bulk) => {
          const newest = newestCheckpoint(bulk.events, primaryKeyOf);
          return newest ? { ...bulk, checkpoint: newest } : bulk;
        }),
      );
  });
}

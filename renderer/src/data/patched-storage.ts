import type { RxStorage, RxStorageInstance, RxStorageInstanceCreationParams } from 'rxdb';

/**
 * `storage`, with each instance it creates changed by `patch` (some of its methods replaced) before
 * RxDB sees it: how the storage fixes here (`bulk-read-storage.ts`, `change-checkpoint-storage.ts`)
 * sit on RxDB's own Dexie storage.
 */
export function withPatchedInstances<Internals, Options>(
  storage: RxStorage<Internals, Options>,
  patch: <RxDocType>(
    instance: RxStorageInstance<RxDocType, Internals, Options>,
    params: RxStorageInstanceCreationParams<RxDocType, Options>,
  ) => void,
): RxStorage<Internals, Options> {
  return {
    name: storage.name,
    rxdbVersion: storage.rxdbVersion,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, Options>) {
      const instance = await storage.createStorageInstance<RxDocType>(params);
      patch(instance, params);
      return instance;
    },
  };
}

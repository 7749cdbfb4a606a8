import type { Session } from 'electron';

/** What a wipe removes and reloads, injected so the flow can be tested without Electron. */
export interface LocalDataDeps {
  /** The session whose storage holds the renderer's databases (IndexedDB), caches and cookies. */
  readonly session: Pick<Session, 'clearStorageData' | 'clearCache' | 'clearAuthCache'>;
  readonly tokenStore: { wipe(): Promise<void> };
  readonly windowState: { clear(): Promise<void> };
  readonly windows: {
    /** Closes the pipeline windows, which hold connections to the local database. */
    closePipelines(): void;
    /** Reloads the main window on the app's start page (signed out, empty database). */
    reloadMain(): void;
  };
}

/**
 * Everything the renderer's origin keeps on this machine. Listing the storages (rather than
 * passing none, which means "all") documents what is removed: the RxDB/Dexie databases live in
 * IndexedDB; the rest covers caches a future version might use.
 */
export const LOCAL_STORAGES = [
  'cookies',
  'filesystem',
  'indexdb',
  'localstorage',
  'shadercache',
  'serviceworkers',
  'cachestorage',
] as const;

/**
 * Removes all local data of the app: the session's storage (the local databases in IndexedDB,
 * local storage, caches), the refresh token and the token opt-in, and the remembered window
 * state. Pipeline windows are closed first; the main window is reloaded afterwards on an empty
 * profile. Used by the bridge's `clearLocalData` for both "sign out and remove local data" and a
 * remote wipe ordered by an admin (SPEC §5): the renderer calls it when a refresh answers 401
 * `wiped` or the sync stream sends `{type: 'wipe'}`.
 *
 * Every step runs even if an earlier one fails; the first failure is rethrown at the end, so a
 * partial wipe is reported rather than hidden.
 */
export async function performRemoteWipe(
  deps: LocalDataDeps,
  options: { reload: 'now' | 'after-reply' } = { reload: 'now' },
): Promise<void> {
  deps.windows.closePipelines();
  const failures: unknown[] = [];
  const step = async (run: () => Promise<void>): Promise<void> => {
    try {
      await run();
    } catch (error) {
      failures.push(error);
    }
  };
  await step(() => deps.tokenStore.wipe());
  await step(() => deps.session.clearStorageData({ storages: [...LOCAL_STORAGES] }));
  await step(() => deps.session.clearCache());
  await step(() => deps.session.clearAuthCache());
  await step(() => deps.windowState.clear());
  // Answer the renderer's call before its page goes away, then reload.
  if (options.reload === 'after-reply') setTimeout(() => deps.windows.reloadMain(), 50);
  else deps.windows.reloadMain();
  if (failures.length > 0)
    throw failures[0] instanceof Error ? failures[0] : new Error('Removing local data failed');
}

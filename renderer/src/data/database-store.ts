import { create } from 'zustand';
import type { Actor } from '#shared/domain/common/roles';
import { createConflictHandler, type ConflictRuntime } from './conflicts/conflict-handler';
import { hasShortlistDatabase, openShortlistDatabase, removeShortlistDatabase, type ShortlistDatabase } from './database';
import { legacyLocalDataId, localDataIdFor, type LocalDataOwner } from './database-name';
import { desktopBridge } from './session/desktop-bridge';
import { onWipeRequested, signOut, useSessionStore } from './session/session-store';
import { startSyncEngine, type SyncEngine } from './sync/sync-engine';

interface DatabaseState {
  readonly db: ShortlistDatabase | null;
  /** Whose data is open: `localDataIdFor` of the signed-in person. */
  readonly ownerKey: string | null;
  /** The id of the open database and file store (the owner's, or a legacy one it keeps using). */
  readonly localDataId: string | null;
  readonly error: string | null;
}

/** The open local database of the signed-in person (one per server, organisation and user). */
export const useDatabaseStore = create<DatabaseState>(() => ({
  db: null,
  ownerKey: null,
  localDataId: null,
  error: null,
}));

let engine: SyncEngine | null = null;
/** The database being opened: both calls of a React strict-mode effect share one opening. */
let opening: { readonly ownerKey: string; readonly done: Promise<void> } | null = null;

/**
 * The local data of `owner`: a database the versions before organisations made for the user (a
 * first-organisation account) is kept, with whatever changes it has not sent yet.
 */
async function localDataIdOf(owner: LocalDataOwner): Promise<string> {
  const ownerKey = localDataIdFor(owner);
  const isFirst = (owner.organisationId ?? 'first') === 'first';
  const legacy = legacyLocalDataId(owner.userId);
  // The first owner to open it after the upgrade keeps it (the session the laptop reopens on): the
  // same user id on another server never gets it.
  const adoptedBy = `shortlist.legacy-data.${legacy}`;
  const adopter = globalThis.localStorage?.getItem(adoptedBy) ?? null;
  if (!isFirst || (adopter !== null && adopter !== ownerKey) || !(await hasShortlistDatabase(legacy))) {
    return ownerKey;
  }
  globalThis.localStorage?.setItem(adoptedBy, ownerKey);
  return legacy;
}

function currentActor(): Actor | null {
  const { user } = useSessionStore.getState();
  return user ? { id: user.id, role: user.role } : null;
}

/** Opens `owner`'s database and starts its replication; a no-op when it is open or opening. */
export function openDatabaseFor(owner: LocalDataOwner): Promise<void> {
  const ownerKey = localDataIdFor(owner);
  if (opening?.ownerKey === ownerKey) return opening.done;
  const state = useDatabaseStore.getState();
  if (!opening && state.ownerKey === ownerKey && state.db) return Promise.resolve();
  const done = (async () => {
    await closeDatabase();
    useDatabaseStore.setState({ ownerKey, error: null });
    const runtime: ConflictRuntime = { db: null, getActor: currentActor, refusedKeys: new Set(), undoneKeys: new Set() };
    try {
      const localDataId = await localDataIdOf(owner);
      const db = await openShortlistDatabase(localDataId, (collection) => createConflictHandler(collection, runtime));
      runtime.db = db;
      engine = startSyncEngine(db, runtime);
      useDatabaseStore.setState({ db, localDataId });
    } catch (error) {
      useDatabaseStore.setState({ error: error instanceof Error ? error.message : 'The local database could not be opened.' });
    }
  })().finally(() => {
    if (opening?.ownerKey === ownerKey) opening = null;
  });
  opening = { ownerKey, done };
  return done;
}

/** Stops replication and closes the database (its data stays on this device). */
export async function closeDatabase(): Promise<void> {
  const { db } = useDatabaseStore.getState();
  await engine?.stop();
  engine = null;
  useDatabaseStore.setState({ db: null, ownerKey: null, localDataId: null });
  if (db && !db.closed) await db.close();
}

/** Signs out, keeping or deleting the signed-in person's local data. */
export async function signOutAndClose(removeLocalData: boolean, notice?: string): Promise<void> {
  const { localDataId } = useDatabaseStore.getState();
  await closeDatabase();
  if (removeLocalData && localDataId) await removeShortlistDatabase(localDataId);
  await signOut(notice);
  // On the desktop, also clear caches and storage the database does not cover (the shell reloads).
  if (removeLocalData) await desktopBridge()?.clearLocalData();
}

onWipeRequested(() => {
  if (!useSessionStore.getState().user) return;
  void signOutAndClose(true, 'An administrator signed this device out and its local data was removed.');
});

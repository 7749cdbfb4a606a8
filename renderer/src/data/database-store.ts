import { create } from 'zustand';
import type { Actor } from '#shared/domain/common/roles';
import { createConflictHandler, type ConflictRuntime } from './conflicts/conflict-handler';
import { openShortlistDatabase, removeShortlistDatabase, type ShortlistDatabase } from './database';
import { desktopBridge } from './session/desktop-bridge';
import { onWipeRequested, signOut, useSessionStore } from './session/session-store';
import { startSyncEngine, type SyncEngine } from './sync/sync-engine';

interface DatabaseState {
  readonly db: ShortlistDatabase | null;
  readonly userId: string | null;
  readonly error: string | null;
}

/** The open local database of the signed-in user (one per user id). */
export const useDatabaseStore = create<DatabaseState>(() => ({ db: null, userId: null, error: null }));

let engine: SyncEngine | null = null;
/** The database being opened: both calls of a React strict-mode effect share one opening. */
let opening: { readonly userId: string; readonly done: Promise<void> } | null = null;

function currentActor(): Actor | null {
  const { user } = useSessionStore.getState();
  return user ? { id: user.id, role: user.role } : null;
}

/** Opens `userId`'s database and starts its replication; a no-op when it is open or opening. */
export function openDatabaseFor(userId: string): Promise<void> {
  if (opening?.userId === userId) return opening.done;
  if (!opening && useDatabaseStore.getState().userId === userId && useDatabaseStore.getState().db) return Promise.resolve();
  const done = (async () => {
    await closeDatabase();
    useDatabaseStore.setState({ userId, error: null });
    const runtime: ConflictRuntime = { db: null, getActor: currentActor, refusedKeys: new Set(), undoneKeys: new Set() };
    try {
      const db = await openShortlistDatabase(userId, (collection) => createConflictHandler(collection, runtime));
      runtime.db = db;
      engine = startSyncEngine(db, runtime);
      useDatabaseStore.setState({ db });
    } catch (error) {
      useDatabaseStore.setState({ error: error instanceof Error ? error.message : 'The local database could not be opened.' });
    }
  })().finally(() => {
    if (opening?.userId === userId) opening = null;
  });
  opening = { userId, done };
  return done;
}

/** Stops replication and closes the database (its data stays on this device). */
export async function closeDatabase(): Promise<void> {
  const { db } = useDatabaseStore.getState();
  await engine?.stop();
  engine = null;
  useDatabaseStore.setState({ db: null, userId: null });
  if (db && !db.closed) await db.close();
}

/** Signs out, keeping or deleting this user's local data. */
export async function signOutAndClose(userId: string, removeLocalData: boolean, notice?: string): Promise<void> {
  await closeDatabase();
  if (removeLocalData) await removeShortlistDatabase(userId);
  await signOut(notice);
  // On the desktop, also clear caches and storage the database does not cover (the shell reloads).
  if (removeLocalData) await desktopBridge()?.clearLocalData();
}

onWipeRequested(() => {
  const { user } = useSessionStore.getState();
  if (!user) return;
  void signOutAndClose(user.id, true, 'An administrator signed this device out and its local data was removed.');
});

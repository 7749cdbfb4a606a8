import { useMemo } from 'react';
import type { Actor } from '#shared/domain/common/roles';
import type { ShortlistDatabase } from '../database';
import { useDatabaseStore } from '../database-store';
import { useSessionStore } from '../session/session-store';
import type { SessionUser } from '../session/session-types';

/** The open local database. Only used below `DatabaseGate`, which renders once it is open. */
export function useDb(): ShortlistDatabase {
  const db = useDatabaseStore((state) => state.db);
  if (!db) throw new Error('The local database is not open.');
  return db;
}

/** The id of the open local data (database and file store). Only used below `DatabaseGate`. */
export function useLocalDataId(): string {
  const localDataId = useDatabaseStore((state) => state.localDataId);
  if (!localDataId) throw new Error('The local database is not open.');
  return localDataId;
}

/** The signed-in person. Only used below `SessionGate`'s signed-in branch. */
export function useCurrentUser(): SessionUser {
  const user = useSessionStore((state) => state.user);
  if (!user) throw new Error('Nobody is signed in.');
  return user;
}

/** The signed-in person as the shared rules see them. */
export function useActor(): Actor {
  const { id, role } = useCurrentUser();
  // The same object while the person is the same, so effects that depend on it run once.
  return useMemo(() => ({ id, role }), [id, role]);
}

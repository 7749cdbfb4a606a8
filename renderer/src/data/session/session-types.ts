import type { Role } from '#shared/domain/common/roles';

/** The signed-in person, as `POST /api/auth/login` returns them. */
export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** Their organisation (SPEC §10); absent in sessions stored by earlier versions (the first one). */
  readonly organisationId?: string;
  readonly organisationSlug?: string;
  readonly organisationName?: string;
}

/**
 * What survives a restart: the server, the last user (so the app reopens on their local data with no
 * network) and the refresh token (null once the server refused it: the person must sign in again).
 */
export interface StoredSession {
  readonly serverUrl: string;
  readonly user: SessionUser;
  readonly refreshToken: string | null;
}

/** Where the stored session lives: IndexedDB in a browser, the OS keychain in the desktop app. */
export interface TokenStore {
  load(): Promise<StoredSession | null>;
  save(session: StoredSession): Promise<void>;
  clear(): Promise<void>;
}

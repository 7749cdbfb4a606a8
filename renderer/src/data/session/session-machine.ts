import type { SessionUser, StoredSession } from './session-types';

/**
 * - `loading`: reading the stored session;
 * - `signed_out`: nobody to open local data for, the sign-in screen shows;
 * - `active`: a user's local data is open; `accessToken` is null until the first refresh (or while
 *   offline), which is fine: the app works on local data and syncs once a token is had;
 * - `needs_sign_in`: the server refused the refresh token; local data stays open and unsynced
 *   changes are kept, replication waits for the person to sign in again.
 */
export type SessionStatus = 'loading' | 'signed_out' | 'active' | 'needs_sign_in';

export interface SessionState {
  readonly status: SessionStatus;
  readonly serverUrl: string;
  readonly user: SessionUser | null;
  readonly accessToken: string | null;
  /** A sentence for the sign-in screen (why the person was signed out). */
  readonly notice: string | null;
}

export type SessionEvent =
  | { readonly type: 'restored'; readonly stored: StoredSession | null; readonly defaultServerUrl: string }
  | { readonly type: 'signed_in'; readonly serverUrl: string; readonly user: SessionUser; readonly accessToken: string }
  | { readonly type: 'token_refreshed'; readonly accessToken: string }
  | { readonly type: 'account_read'; readonly user: SessionUser }
  | { readonly type: 'access_expired' }
  | { readonly type: 'refresh_refused' }
  | { readonly type: 'signed_out'; readonly notice?: string };

export const INITIAL_SESSION: SessionState = {
  status: 'loading',
  serverUrl: '',
  user: null,
  accessToken: null,
  notice: null,
};

/** The session's state machine: pure, so every transition is tested without a browser. */
export function sessionReducer(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'restored':
      if (!event.stored) return { ...INITIAL_SESSION, status: 'signed_out', serverUrl: event.defaultServerUrl };
      return {
        status: event.stored.refreshToken ? 'active' : 'needs_sign_in',
        serverUrl: event.stored.serverUrl,
        user: event.stored.user,
        accessToken: null,
        notice: null,
      };
    case 'signed_in':
      return { status: 'active', serverUrl: event.serverUrl, user: event.user, accessToken: event.accessToken, notice: null };
    case 'token_refreshed':
      return state.status === 'active' ? { ...state, accessToken: event.accessToken } : state;
    case 'account_read':
      // The server's current view of the same person (a renamed organisation, a new name).
      return state.user?.id === event.user.id ? { ...state, user: event.user } : state;
    case 'access_expired':
      return { ...state, accessToken: null };
    case 'refresh_refused':
      return state.user ? { ...state, status: 'needs_sign_in', accessToken: null } : state;
    case 'signed_out':
      return { ...INITIAL_SESSION, status: 'signed_out', serverUrl: state.serverUrl, notice: event.notice ?? null };
  }
}

/** Whether replication may run: someone is signed in and the server has not refused their session. */
export function canSync(state: SessionState): boolean {
  return state.status === 'active';
}

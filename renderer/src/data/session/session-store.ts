import { create } from 'zustand';
import { ApiError, fetchAccount, login, logout, NetworkError, refreshTokens } from './auth-api';
import { desktopBridge, desktopTokenStore } from './desktop-bridge';
import { indexedDbTokenStore } from './indexeddb-token-store';
import { isExpiring } from './jwt';
import { INITIAL_SESSION, sessionReducer, type SessionEvent, type SessionState } from './session-machine';
import type { StoredSession, TokenStore } from './session-types';

/** The session: who is signed in, where the server is, the access token (memory only). */
export const useSessionStore = create<SessionState>(() => INITIAL_SESSION);

/** The refresh token was refused: the person must sign in again (their local data stays). */
export class SignInRequiredError extends Error {
  constructor() {
    super('Your session has ended. Sign in again to sync.');
    this.name = 'SignInRequiredError';
  }
}

/** The server asked this laptop to delete its local data (a lost laptop, SPEC §5). */
export class WipeRequestedError extends Error {
  constructor() {
    super('This device was signed out by an administrator and its local data removed.');
    this.name = 'WipeRequestedError';
  }
}

const tokenStore: TokenStore = desktopTokenStore(indexedDbTokenStore) ?? indexedDbTokenStore;
/** The desktop app's own local server, asked of the shell once at start. */
let desktopServerUrl: string | null = null;
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('shortlist-session');
let refreshInFlight: Promise<string> | null = null;
let wipeHandler: (() => void) | null = null;

/** Who deletes the local data when the server asks for it (set by the database runtime). */
export function onWipeRequested(handler: (() => void) | null): void {
  wipeHandler = handler;
}

/** The server asked this device to delete its local data. */
export function requestWipe(): void {
  wipeHandler?.();
}

function dispatch(event: SessionEvent): void {
  useSessionStore.setState((state) => sessionReducer(state, event), true);
}

/** The server address offered by default: the page's own origin in a browser, the local server on the desktop. */
export function defaultServerUrl(): string {
  if (desktopServerUrl) return desktopServerUrl;
  const { protocol, origin } = window.location;
  return protocol === 'http:' || protocol === 'https:' ? origin : 'http://127.0.0.1:4000';
}

/** Reads the stored session: reopening with no network opens on the last user's local data. */
export async function restoreSession(): Promise<void> {
  desktopServerUrl = (await desktopBridge()?.getDefaultServerUrl().catch(() => null)) ?? null;
  const stored = await tokenStore.load().catch(() => null);
  dispatch({ type: 'restored', stored, defaultServerUrl: defaultServerUrl() });
}

export async function signIn(serverUrl: string, email: string, password: string): Promise<void> {
  const result = await login(serverUrl, email, password);
  if (result.user.role === 'candidate' || result.user.role === 'operator') {
    // Candidate accounts are for the portal, the operator's for the platform API (SPEC §1, §10): the
    // staff app could never sync for them.
    await logout(serverUrl, result.refreshToken).catch(() => undefined);
    throw new ApiError(
      403,
      'forbidden_role',
      result.user.role === 'operator'
        ? 'The operator account manages organisations through the platform API (/api/platform); sign in here with an organisation’s account.'
        : 'This account cannot use the desktop app.',
    );
  }
  await tokenStore.save({ serverUrl, user: result.user, refreshToken: result.refreshToken });
  dispatch({ type: 'signed_in', serverUrl, user: result.user, accessToken: result.accessToken });
  channel?.postMessage('changed');
}

/** Ends the session here and on the server (best effort: offline sign-out still works). */
export async function signOut(notice?: string): Promise<void> {
  const stored = await tokenStore.load().catch(() => null);
  if (stored?.refreshToken) await logout(stored.serverUrl, stored.refreshToken).catch(() => undefined);
  await tokenStore.clear();
  dispatch(notice === undefined ? { type: 'signed_out' } : { type: 'signed_out', notice });
  channel?.postMessage('changed');
}

/** The account as the server has it, read once per start (a stored session may be older than a rename). */
let accountRead: Promise<void> | null = null;

async function readAccount(serverUrl: string, token: string): Promise<void> {
  try {
    const account = await fetchAccount(serverUrl, token);
    // Under the refresh lock: the stored refresh token must not be written back after it rotated.
    await withRefreshLock(async () => {
      const stored = await tokenStore.load();
      if (!stored || stored.user.id !== account.id) return '';
      await tokenStore.save({ ...stored, user: account });
      return '';
    });
    dispatch({ type: 'account_read', user: account });
  } catch {
    // Offline or refused: the stored details stay, and the next start tries again.
    accountRead = null;
  }
}

/** The current access token, refreshing silently when there is none. */
export async function accessToken(): Promise<string> {
  const current = useSessionStore.getState().accessToken;
  return current && !isExpiring(current, Date.now()) ? current : refreshAccessToken();
}

/**
 * Exchanges the stored refresh token for new tokens. One refresh at a time in this window, and one
 * across windows (Web Locks): refresh tokens rotate, and presenting a spent one revokes the session.
 */
export function refreshAccessToken(): Promise<string> {
  refreshInFlight ??= withRefreshLock(refreshOnce).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

async function withRefreshLock(run: () => Promise<string>): Promise<string> {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator.locks as LockManager | undefined);
  return locks ? locks.request('shortlist-token-refresh', run) : run();
}

async function refreshOnce(): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const stored = await tokenStore.load();
    if (!stored?.refreshToken) {
      dispatch({ type: 'refresh_refused' });
      throw new SignInRequiredError();
    }
    try {
      const tokens = await refreshTokens(stored.serverUrl, stored.refreshToken);
      // Nothing before this: the server has spent the presented token, and a reload now must find the new one.
      await tokenStore.save({ ...stored, refreshToken: tokens.refreshToken });
      dispatch({ type: 'token_refreshed', accessToken: tokens.accessToken });
      accountRead ??= readAccount(stored.serverUrl, tokens.accessToken);
      return tokens.accessToken;
    } catch (error) {
      // The same token was presented at the same moment by a request whose answer nobody may read (a
      // page reloaded mid-refresh): presenting it again is a replay the server answers with a fresh pair.
      if (attempt < MAX_REFRESH_ATTEMPTS && isSuperseded(error)) continue;
      throw await refreshFailure(stored, error);
    }
  }
}

/** One retry after `refresh_token_superseded`; a second one in a row is refused like any 401. */
const MAX_REFRESH_ATTEMPTS = 2;

function isSuperseded(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === 'refresh_token_superseded';
}

async function refreshFailure(stored: StoredSession, error: unknown): Promise<Error> {
  if (!(error instanceof ApiError) || error.status !== 401) {
    return error instanceof Error ? error : new NetworkError();
  }
  if (error.code === 'wiped') {
    requestWipe();
    return new WipeRequestedError();
  }
  // Another window may have signed out (or in) meanwhile: only forget the token that was refused.
  const current = await tokenStore.load();
  if (current?.refreshToken === stored.refreshToken) await tokenStore.save({ ...current, refreshToken: null });
  dispatch({ type: 'refresh_refused' });
  channel?.postMessage('changed');
  return new SignInRequiredError();
}

/** The access token was refused (expired early, role changed): forget it, the next call refreshes. */
export function forgetAccessToken(): void {
  dispatch({ type: 'access_expired' });
}

// Another window signed in again or out: follow it.
channel?.addEventListener('message', () => {
  void tokenStore.load().then((stored) => {
    const state = useSessionStore.getState();
    if (!stored) {
      if (state.status !== 'signed_out') dispatch({ type: 'signed_out' });
    } else if (stored.user.id !== state.user?.id || (stored.refreshToken && state.status === 'needs_sign_in')) {
      dispatch({ type: 'restored', stored, defaultServerUrl: defaultServerUrl() });
    }
  });
});
